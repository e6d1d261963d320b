import { mappingProblem } from './import-fields';
import { readImportDate } from './import-values';
import { readInteractionRow } from './interaction-rows';
import { interactionStatusNamedBy, yesNo } from './interaction-words';
import { suggestMapping } from './presets';

const NOW = new Date('2026-12-07T12:00:00Z');

/** The headers of Calendly's scheduled events export, in its order (some columns left out). */
const CALENDLY_HEADERS = [
  'Invitee Name',
  'Invitee First Name',
  'Invitee Last Name',
  'Invitee Email',
  'Text Reminder Number',
  'Event Type Name',
  'Start Date & Time',
  'End Date & Time',
  'Invitee Time Zone',
  'Event Created Date & Time',
  'Canceled',
  'Cancellation reason',
  'Marked as No-Show',
  'Location',
  'Question 1',
  'Response 1',
];

/** The headers of Acuity Scheduling's appointments export. */
const ACUITY_HEADERS = [
  'Start Time',
  'End Time',
  'First Name',
  'Last Name',
  'Phone',
  'Email',
  'Type',
  'Calendar',
  'Appointment Price',
  'Paid?',
  'Amount Paid Online',
  'Certificate Code',
  'Notes',
  'Date Scheduled',
  'Label',
  'Scheduled By',
  'Appointment ID',
];

describe('reading enquiries, quotes and appointments from a file', () => {
  it('recognises a Calendly export and reads a past booking as a visit that took place', () => {
    const { preset, mapping } = suggestMapping('appointments', CALENDLY_HEADERS);
    expect(preset).toBe('calendly-events');
    expect(mappingProblem('appointments', mapping)).toBeNull();
    const row = readInteractionRow(
      'appointments',
      {
        'Invitee Name': 'Jonas Weber',
        'Invitee First Name': 'Jonas',
        'Invitee Last Name': 'Weber',
        'Invitee Email': 'Jonas.Weber@Example.com',
        'Event Type Name': 'Haircut (45 min)',
        'Start Date & Time': '2026-12-05 10:00 am',
        'End Date & Time': '2026-12-05 10:45 am',
        'Event Created Date & Time': '2026-11-28 08:12 pm',
        Canceled: 'false',
        'Marked as No-Show': '',
      },
      mapping,
      NOW,
      { dateOrder: null, decimalMark: '.', timeZone: 'Europe/Berlin' },
    );
    expect(row).toEqual({
      ok: true,
      value: expect.objectContaining({
        type: 'appointment',
        externalId: null,
        contact: expect.objectContaining({ email: 'jonas.weber@example.com', name: 'Jonas Weber' }),
        subject: 'Haircut (45 min)',
        startsAt: new Date('2026-12-05T09:00:00Z'),
        occurredAt: new Date('2026-11-28T19:12:00Z'),
        status: 'completed',
        statusAt: new Date('2026-12-05T09:45:00Z'),
      }),
    });
  });

  it.each([
    [{ Canceled: 'true' }, 'cancelled', false],
    [{ 'Marked as No-Show': 'Yes' }, 'no_show', true],
    [{ 'Start Date & Time': '2026-12-09 10:00 am', 'End Date & Time': '' }, 'booked', false],
  ])('reads a Calendly row with %j as %s', (overrides, status, hasStatusTime) => {
    const { mapping } = suggestMapping('appointments', CALENDLY_HEADERS);
    const row = readInteractionRow(
      'appointments',
      {
        'Invitee Email': 'ana@example.com',
        'Start Date & Time': '2026-12-01 10:00 am',
        'End Date & Time': '2026-12-01 11:00 am',
        Canceled: 'false',
        'Marked as No-Show': 'false',
        ...overrides,
      },
      mapping,
      NOW,
    );
    expect(row.ok && row.value.status).toBe(status);
    expect(row.ok && row.value.statusAt !== undefined).toBe(hasStatusTime);
  });

  it('recognises an Acuity export, with its dates written out in words', () => {
    const { preset, mapping } = suggestMapping('appointments', ACUITY_HEADERS);
    expect(preset).toBe('acuity-appointments');
    const row = readInteractionRow(
      'appointments',
      {
        'Start Time': 'December 12, 2026 2:30pm',
        'End Time': 'December 12, 2026 3:30pm',
        'First Name': 'Rosa',
        'Last Name': 'García',
        Email: 'rosa@example.com',
        Type: 'Boiler service',
        Notes: 'Side door, the bell is broken',
        'Date Scheduled': 'December 1, 2026',
        'Appointment ID': '1187342',
      },
      mapping,
      NOW,
      { dateOrder: 'mdy', decimalMark: '.', timeZone: 'America/New_York' },
    );
    expect(row).toEqual({
      ok: true,
      value: expect.objectContaining({
        externalId: '1187342',
        subject: 'Boiler service',
        message: 'Side door, the bell is broken',
        startsAt: new Date('2026-12-12T19:30:00Z'),
        status: 'booked',
      }),
    });
  });

  it('guesses a quotes file in German from its headers, amounts with a decimal comma', () => {
    const headers = [
      'Angebotsnummer',
      'Kunde',
      'E-Mail',
      'Datum',
      'Betrag',
      'Währung',
      'Gültig bis',
      'Status',
    ];
    const { preset, mapping } = suggestMapping('quotes', headers);
    expect(preset).toBeNull();
    expect(mapping).toEqual({
      Angebotsnummer: 'externalId',
      Kunde: 'name',
      'E-Mail': 'email',
      Datum: 'occurredAt',
      Betrag: 'amount',
      Währung: 'currency',
      'Gültig bis': 'validUntil',
      Status: 'status',
    });
    const row = readInteractionRow(
      'quotes',
      {
        Angebotsnummer: 'A-2026-118',
        Kunde: 'Lena Fischer',
        'E-Mail': 'lena@example.de',
        Datum: '02.12.2026',
        Betrag: '1.480,50',
        Währung: 'eur',
        'Gültig bis': '16.12.2026',
        Status: 'Angenommen',
      },
      mapping,
      NOW,
      { dateOrder: 'dmy', decimalMark: ',' },
    );
    expect(row).toEqual({
      ok: true,
      value: expect.objectContaining({
        externalId: 'A-2026-118',
        amount: '1480.50',
        currency: 'EUR',
        // Valid until a day: through that day.
        validUntil: new Date('2026-12-16T23:59:59Z'),
        status: 'accepted',
      }),
    });
  });

  it('guesses an enquiries file in Spanish and French', () => {
    expect(suggestMapping('enquiries', ['Correo', 'Nombre', 'Fecha', 'Mensaje', 'Estado']).mapping).toEqual({
      Correo: 'email',
      Nombre: 'firstName',
      Fecha: 'occurredAt',
      Mensaje: 'message',
      Estado: 'status',
    });
    expect(suggestMapping('enquiries', ['Courriel', 'Nom complet', 'Date', 'Message']).mapping).toEqual({
      Courriel: 'email',
      'Nom complet': 'name',
      Date: 'occurredAt',
      Message: 'message',
    });
  });

  it.each([
    ['enquiries', { Email: 'ana@example.com', Date: '2026-12-01' }, 'Message: is empty: say what they asked'],
    [
      'enquiries',
      { Email: 'ana@example.com', Date: 'tomorrow', Message: 'Hi' },
      'Date: "tomorrow" is not a date (use YYYY-MM-DD or DD.MM.YYYY)',
    ],
    [
      'enquiries',
      { Email: 'ana@example.com', Date: '2026-12-01', Message: 'Hi', Status: 'pondering' },
      'Status: "pondering" is not a status of an enquiry (open, answered, closed)',
    ],
    [
      'quotes',
      { ID: 'Q1', Email: 'ana@example.com', Date: '2026-12-01', Amount: 'lots', Currency: 'EUR' },
      'Amount: "lots" is not an amount like 1250.00',
    ],
    [
      'quotes',
      { ID: 'Q1', Email: 'ana@example.com', Date: '2026-12-01', Amount: '10', Currency: '€' },
      'Currency: "€" is not a currency code like EUR',
    ],
    [
      'appointments',
      { Email: 'ana@example.com', Start: '2026-12-01 10:00', End: '2026-12-01 09:00' },
      'End: "2026-12-01 09:00" is before the start',
    ],
    [
      'appointments',
      { Email: 'ana@example.com', Start: '2026-12-01 10:00', 'No-show': 'maybe' },
      'No-show: "maybe" is not yes or no',
    ],
    [
      'appointments',
      { Email: 'not-an-address', Start: '2026-12-01 10:00' },
      'Email: "not-an-address" is not an email address',
    ],
    [
      'appointments',
      { Email: 'ana@example.com', Start: '1900-01-01' },
      'Start: "1900-01-01" is not a date between 1970 and 2100',
    ],
  ] as const)('refuses a %s row %j, naming the column', (kind, record, reason) => {
    const { mapping } = suggestMapping(
      kind,
      Object.keys(record).concat(kind === 'enquiries' ? ['Message'] : []),
    );
    const row = readInteractionRow(kind, record, mapping, NOW);
    expect(row.ok ? null : row.reason).toBe(reason);
  });

  it.each([
    [
      'quotes',
      {
        ID: 'Q1',
        Email: 'ana@example.com',
        Date: '2026-12-01',
        Amount: '10',
        Currency: 'EUR',
        'Valid until': '2026-11-01',
      },
      'Valid until: "2026-11-01" is before the quote was sent',
    ],
    [
      'enquiries',
      { Email: 'ana@example.com', Date: '2031-01-01', Message: 'Hi' },
      'Date: "2031-01-01" is in the future',
    ],
    [
      'appointments',
      { Email: 'ana@example.com', Start: '2026-12-01 10:00', 'Booked on': '2026-12-02' },
      'Booked on: "2026-12-02" is after the appointment starts',
    ],
    [
      'appointments',
      { Email: 'ana@example.com', Start: '2027-02-10 10:00', Status: 'completed' },
      'Status: "completed" cannot be so for an appointment that has not started yet',
    ],
    [
      'appointments',
      { Email: 'ana@example.com', Start: '2027-02-10 10:00', 'No-show': 'yes' },
      'No-show: "yes" cannot be so for an appointment that has not started yet',
    ],
  ] as const)('refuses a %s row that contradicts itself or the clock: %j', (kind, record, reason) => {
    const mapping = suggestMapping(kind, Object.keys(record)).mapping;
    const row = readInteractionRow(kind, record, mapping, new Date('2026-12-07T12:00:00Z'));
    expect(row.ok ? null : row.reason).toBe(reason);
  });

  it('knows a row without an id by its person and moments as written, whatever the time zone', () => {
    const mapping = {
      Email: 'email',
      Start: 'startsAt',
      Created: 'occurredAt',
      Canceled: 'isCancelled',
    } as const;
    const key = (record: Record<string, string>, timeZone: string) => {
      const row = readInteractionRow('appointments', record, mapping, NOW, {
        dateOrder: null,
        decimalMark: '.',
        timeZone,
      });
      return row.ok ? row.value.rowKey : null;
    };
    const booking = { Email: 'Re@Example.com', Start: '2027-01-20 10:00 am', Created: '2026-12-01 09:00' };
    expect(key(booking, 'Europe/London')).toBe(key(booking, 'Europe/Berlin'));
    // A slot cancelled and booked again is two bookings.
    expect(key({ ...booking, Canceled: 'true' }, 'Europe/London')).not.toBe(
      key({ ...booking, Created: '2026-12-02 09:00' }, 'Europe/London'),
    );
  });

  it('shortens a note too long to keep whole instead of refusing the booking', () => {
    const row = readInteractionRow(
      'appointments',
      { Email: 'ana@example.com', Start: '2026-12-24 09:00', Notes: 'x'.repeat(6000) },
      { Email: 'email', Start: 'startsAt', Notes: 'message' },
      NOW,
    );
    expect(row.ok && row.value.message?.length).toBe(5000);
  });

  it('keeps a future booking booked, and takes its own status over its flags', () => {
    const mapping = { Email: 'email', Start: 'startsAt', Status: 'status', Canceled: 'isCancelled' } as const;
    const row = (record: Record<string, string>) =>
      readInteractionRow('appointments', { Email: 'ana@example.com', ...record }, mapping, NOW);
    expect(row({ Start: '2026-12-24 09:00' })).toMatchObject({ value: { status: 'booked' } });
    expect(row({ Start: '2026-12-01 09:00', Status: 'Nicht erschienen' })).toMatchObject({
      value: { status: 'no_show', statusAt: new Date('2026-12-01T10:00:00Z') },
    });
    expect(row({ Start: '2026-12-01 09:00', Status: 'confirmed', Canceled: 'yes' })).toMatchObject({
      value: { status: 'completed' },
    });
  });

  it.each([
    ['enquiry', 'Beantwortet', 'answered'],
    ['enquiry', 'Cerrado', 'closed'],
    ['quote', 'Awaiting response', 'sent'],
    ['quote', 'Refusée', 'declined'],
    ['quote', 'Caducado', 'expired'],
    ['appointment', 'no show', 'no_show'],
    ['appointment', 'Annulée', 'cancelled'],
    ['enquiry', 'Nouveau', 'open'],
    ['enquiry', 'Unbeantwortet', 'open'],
    ['enquiry', 'Abierta', 'open'],
    ['appointment', 'No presentada', 'no_show'],
    ['appointment', 'Checked in', 'completed'],
    ['appointment', 'Canceled by invitee', 'cancelled'],
    ['appointment', 'accepted', undefined],
  ] as const)('reads the %s status %p as %p', (type, word, status) => {
    expect(interactionStatusNamedBy(type, word)).toBe(status);
  });

  it.each([
    ['true', true],
    ['Ja', true],
    ['', false],
    ['non', false],
    ['perhaps', null],
  ] as const)('reads the yes/no cell %p as %p', (text, value) => {
    expect(yesNo(text)).toBe(value);
  });

  it.each([
    ['November 20, 2026 2:30 pm', '2026-11-20T14:30:00.000Z'],
    ['Fri, Nov 20, 2026', '2026-11-20T00:00:00.000Z'],
    ['20 nov. 2026', '2026-11-20T00:00:00.000Z'],
    ['20. November 2026 14:30', '2026-11-20T14:30:00.000Z'],
    ['20 de noviembre de 2026', '2026-11-20T00:00:00.000Z'],
    ['3 mars 2026 à 09:15', '2026-03-03T09:15:00.000Z'],
    ['4. März 2026', '2026-03-04T00:00:00.000Z'],
    ['5. Januar 2027, 10:00 Uhr', '2027-01-05T10:00:00.000Z'],
    ['5 janvier 2027 à 10h00', '2027-01-05T10:00:00.000Z'],
  ])('reads the date %p with its month named', (text, iso) => {
    const date = readImportDate(text, null);
    expect(date.ok && date.value.toISOString()).toBe(iso);
  });

  it('refuses a month name it cannot tell (`Ju` could be June or July)', () => {
    expect(readImportDate('Ju 3, 2026', null).ok).toBe(false);
    expect(readImportDate('Smarch 3, 2026', null).ok).toBe(false);
  });

  it('reads a date without a zone as wall time where the business is, across a clock change', () => {
    const berlin = (text: string) => {
      const date = readImportDate(text, null, 'Europe/Berlin');
      return date.ok ? date.value.toISOString() : null;
    };
    expect(berlin('2026-03-28 10:00')).toBe('2026-03-28T09:00:00.000Z');
    expect(berlin('2026-03-30 10:00')).toBe('2026-03-30T08:00:00.000Z');
    expect(berlin('2026-03-30 10:00 Z')).toBe('2026-03-30T10:00:00.000Z');
  });
});
