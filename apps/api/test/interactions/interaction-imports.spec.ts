import type {
  ApiKeyScope,
  AutomationResponse,
  CustomerResponse,
  InteractionResponse,
  MessageResponse,
  Page,
} from '@rapport/domain';
import { InteractionPlanner } from '../../src/automations/interaction-planner';
import { createApiKey } from '../support/factories';
import { importProblems, runImport, uploadImport } from '../support/imports';
import { appWithTenant } from '../support/spec-app';
import { withClient } from '../support/test-database';

const HOUR_MS = 3_600_000;

/** A wall-clock time in Berlin, `hours` from now, as Calendly writes it: `2026-12-07 02:30 pm`. */
function calendlyTime(hoursFromNow: number): string {
  const moment = new Date(Date.now() + hoursFromNow * HOUR_MS);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: 'Europe/Berlin',
      hourCycle: 'h12',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(moment)
      .map((part) => [part.type, part.value]),
  );
  return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']} ${String(parts['dayPeriod']).toLowerCase()}`;
}

/** Calendly's scheduled events export (its column names; the answers to booking questions left out). */
function calendlyExport(): string {
  const header =
    'Invitee Name,Invitee First Name,Invitee Last Name,Invitee Email,Text Reminder Number,Event Type Name,' +
    'Start Date & Time,End Date & Time,Invitee Time Zone,Event Created Date & Time,Canceled,Cancellation reason,Marked as No-Show,Location';
  const row = (name: string, email: string, type: string, start: number, flags: [string, string, string]) => {
    const [first, last] = name.split(' ');
    return [
      name,
      first,
      last,
      email,
      '',
      `"${type}"`,
      calendlyTime(start),
      calendlyTime(start + 1),
      'Europe/Berlin',
      calendlyTime(start - 72),
      flags[0],
      flags[1],
      flags[2],
      '"Salon, Hauptstraße 4"',
    ].join(',');
  };
  return [
    header,
    row('Lena Fischer', 'lena@example.de', 'Haircut, 60 min', -2, ['false', '', 'false']),
    row('Jonas Weber', 'jonas@example.de', 'Colour', -30, ['false', '', 'true']),
    row('Mia Schulz', 'mia@example.de', 'Haircut, 60 min', -200, ['false', '', 'false']),
    row('Tom Braun', 'tom@example.de', 'Colour', 48, ['false', '', 'false']),
    row('Eva Klein', 'eva@example.de', 'Colour', 20, ['true', 'Sick', 'false']),
    row('Max Roth', 'not an address', 'Colour', 5, ['false', '', 'false']),
  ].join('\r\n');
}

/** A quotes file as a German spreadsheet saves it: semicolons, decimal commas, day-first dates. */
const QUOTES_DE = [
  'Angebotsnummer;Kunde;E-Mail;Datum;Betrag;Währung;Gültig bis;Status;Betreff',
  'A-118;Lena Fischer;lena@example.de;01.12.2026;1.480,50;EUR;15.12.2026;Offen;Badsanierung',
  'A-119;Paul Wolf;paul@example.de;02.12.2026;320,00;EUR;;Angenommen;Heizungswartung',
  'A-120;Ida Lang;ida@example.de;02.12.2026;viel;EUR;;Offen;Dach',
  'A-121;Ida Lang;ida@example.de;02.12.2026;99,00;EUR;;vielleicht;Dach',
].join('\r\n');

describe('importing enquiries, quotes and appointments from a file', () => {
  const spec = appWithTenant({ name: 'Salon Hauptstraße', timeZone: 'Europe/Berlin' });

  async function interactions(type: string): Promise<InteractionResponse[]> {
    const page = await spec.owner.get<Page<InteractionResponse>>(`/api/interactions?type=${type}&limit=100`);
    expect(page.status).toBe(200);
    return page.body.items;
  }

  beforeAll(async () => {
    const rules = await spec.owner.get<AutomationResponse[]>('/api/automations');
    const thanks = rules.body.find((rule) => rule.name === 'Thanks for visiting');
    expect(thanks).toBeDefined();
    await spec.owner.patch(`/api/automations/${thanks?.id}`, { isEnabled: true });
  });

  it('recognises a Calendly export and imports its bookings once, a refused row named', async () => {
    const uploaded = await uploadImport(spec.owner, 'appointments', calendlyExport(), 'events-export.csv');
    expect(uploaded).toMatchObject({ kind: 'appointments', preset: 'calendly-events' });
    expect(uploaded.mapping).toMatchObject({
      'Invitee Email': 'email',
      'Start Date & Time': 'startsAt',
      Canceled: 'isCancelled',
      'Marked as No-Show': 'isNoShow',
    });

    const dry = await runImport(spec.owner, uploaded.id, uploaded.mapping, true);
    expect(dry).toMatchObject({ status: 'completed', rowsImported: 5, rowsFailed: 1 });
    expect(await interactions('appointment')).toHaveLength(0);

    const done = await runImport(spec.owner, uploaded.id, uploaded.mapping);
    expect(done).toMatchObject({ status: 'completed', rowsImported: 5, rowsFailed: 1 });
    expect(await importProblems(spec.owner, uploaded.id)).toEqual([
      {
        line: 7,
        column: 'Invitee Email',
        value: 'not an address',
        reason: 'Invitee Email: "not an address" is not an email address',
      },
    ]);
    const byEmail = new Map((await interactions('appointment')).map((item) => [item.contact.email, item]));
    expect([...byEmail.keys()].sort()).toEqual([
      'eva@example.de',
      'jonas@example.de',
      'lena@example.de',
      'mia@example.de',
      'tom@example.de',
    ]);
    expect(byEmail.get('lena@example.de')).toMatchObject({
      status: 'completed',
      source: 'csv',
      subject: 'Haircut, 60 min',
    });
    expect(byEmail.get('jonas@example.de')?.status).toBe('no_show');
    expect(byEmail.get('mia@example.de')?.status).toBe('completed');
    expect(byEmail.get('tom@example.de')?.status).toBe('booked');
    expect(byEmail.get('eva@example.de')?.status).toBe('cancelled');
    // 14:30 on the salon's clock is 13:30 UTC in winter: the file's times are the business's.
    const lena = byEmail.get('lena@example.de');
    const startsIn = new Date(lena?.startsAt ?? 0).getTime() - Date.now();
    expect(Math.abs(startsIn + 2 * HOUR_MS)).toBeLessThan(2 * 60_000);

    // The same file again (Calendly's export has no ids: each booking is its person and start time).
    const again = await uploadImport(spec.owner, 'appointments', calendlyExport(), 'events-export.csv');
    await runImport(spec.owner, again.id, again.mapping);
    expect(await interactions('appointment')).toHaveLength(5);
  });

  it('thanks the visit that just ended, not the one of last week, and counts the visitor as a customer', async () => {
    await spec.testApp.app.get(InteractionPlanner).planPending(new Date());
    const planned = async (email: string) => {
      const customers = await spec.owner.get<Page<CustomerResponse>>(
        `/api/customers?search=${encodeURIComponent(email)}`,
      );
      const customer = customers.body.items[0];
      const messages = await spec.owner.get<Page<MessageResponse>>(
        `/api/messages?customerId=${customer?.id}`,
      );
      return { customer, kinds: messages.body.items.map((message) => message.kind) };
    };
    const lena = await planned('lena@example.de');
    expect(lena.kinds).toEqual(['visit-thanks']);
    expect(lena.customer?.becameCustomerAt).not.toBeNull();
    expect((await planned('mia@example.de')).kinds).toEqual([]);
    expect((await planned('tom@example.de')).customer?.becameCustomerAt).toBeNull();
  });

  it('reads a German quotes file and reports the rows it cannot take', async () => {
    const uploaded = await uploadImport(spec.owner, 'quotes', QUOTES_DE, 'Angebote.csv');
    expect(uploaded).toMatchObject({ delimiter: ';', dateOrder: 'dmy', preset: null });
    const done = await runImport(spec.owner, uploaded.id, uploaded.mapping);
    expect(done).toMatchObject({ status: 'completed', rowsImported: 2, rowsFailed: 2 });
    expect((await importProblems(spec.owner, uploaded.id)).map((problem) => problem.reason)).toEqual([
      'Betrag: "viel" is not an amount like 1250.00',
      'Status: "vielleicht" is not a status of a quote (sent, accepted, declined, expired)',
    ]);
    const quotes = new Map((await interactions('quote')).map((quote) => [quote.externalId, quote]));
    expect(quotes.get('A-118')).toMatchObject({
      amount: '1480.50',
      currency: 'EUR',
      status: 'sent',
      subject: 'Badsanierung',
      // Valid until 15.12.2026: through that day on the business's clock.
      validUntil: '2026-12-15T22:59:59.000Z',
    });
    expect(quotes.get('A-119')).toMatchObject({ amount: '320.00', status: 'accepted' });
  });

  it('refuses an enquiry whose id belongs to someone else, and keeps the rest of the file', async () => {
    const sent = await spec.owner.post('/api/enquiries', {
      externalId: 'ENQ-1',
      contact: { email: 'first@example.de' },
      message: 'Do you cut curly hair?',
    });
    expect(sent.status).toBe(201);
    const file = [
      'ID,Email,Name,Date,Message',
      'ENQ-7,anna@example.de,Anna Berg,2026-12-01 09:15,"Haben Sie samstags offen?"',
      'ENQ-7,someone@example.de,Someone Else,2026-12-01 10:00,Hello',
      'ENQ-1,other@example.de,Olga Ott,2026-12-01 10:30,"Parken?"',
      ',kai@example.de,Kai Voss,2026-12-02 11:00,"Was kostet eine Dauerwelle?"',
    ].join('\n');
    const uploaded = await uploadImport(spec.owner, 'enquiries', file, 'enquiries.csv');
    expect(uploaded.mapping).toEqual({
      ID: 'externalId',
      Email: 'email',
      Name: 'name',
      Date: 'occurredAt',
      Message: 'message',
    });
    const done = await runImport(spec.owner, uploaded.id, uploaded.mapping);
    expect(done).toMatchObject({ status: 'completed', rowsImported: 3, rowsFailed: 1 });
    expect(await importProblems(spec.owner, uploaded.id)).toEqual([
      {
        line: 3,
        column: 'Email',
        value: null,
        reason: 'Email: is not the person ENQ-7 was first sent for',
      },
    ]);
    // A file's ids are its own: ENQ-1 sent by the API stays the first person's.
    const enquiries = await interactions('enquiry');
    expect(enquiries.map((enquiry) => enquiry.contact.email).sort()).toEqual([
      'anna@example.de',
      'first@example.de',
      'kai@example.de',
      'other@example.de',
    ]);
  });

  it('checks in a dry run what the import will refuse: an id the file gives two people', async () => {
    const file = [
      'Booking ID,Email,Start',
      'B-1,una@example.de,2026-12-01 10:00',
      'B-2,udo@example.de,2026-12-01 11:00',
      'B-1,uwe@example.de,2026-12-01 12:00',
    ].join('\n');
    const uploaded = await uploadImport(spec.owner, 'appointments', file, 'ids.csv');
    const dry = await runImport(spec.owner, uploaded.id, uploaded.mapping, true);
    expect(dry).toMatchObject({ rowsImported: 2, rowsFailed: 1 });
    const done = await runImport(spec.owner, uploaded.id, uploaded.mapping);
    expect(done).toMatchObject({ rowsImported: 2, rowsFailed: 1 });
    expect((await importProblems(spec.owner, uploaded.id)).map((problem) => problem.reason)).toEqual([
      'Email: is not the person B-1 was first sent for',
    ]);
  });

  it('keeps a slot cancelled and booked again as two bookings, and the same file after a change of time zone as it was', async () => {
    const file = [
      'Invitee Name,Invitee Email,Event Type Name,Start Date & Time,End Date & Time,Event Created Date & Time,Canceled,Marked as No-Show',
      'Rex Neu,rex@example.de,Colour,2027-01-20 10:00 am,2027-01-20 11:00 am,2026-12-01 09:00 am,true,false',
      'Rex Neu,rex@example.de,Colour,2027-01-20 10:00 am,2027-01-20 11:00 am,2026-12-02 09:00 am,false,false',
    ].join('\r\n');
    const rex = async () =>
      (await interactions('appointment'))
        .filter((item) => item.contact.email === 'rex@example.de')
        .map((item) => item.status)
        .sort();
    const first = await uploadImport(spec.owner, 'appointments', file, 'rebook.csv');
    await runImport(spec.owner, first.id, first.mapping);
    expect(await rex()).toEqual(['booked', 'cancelled']);

    const moved = await spec.owner.patch('/api/business', { timeZone: 'Europe/Vienna' });
    expect(moved.status).toBe(200);
    try {
      const again = await uploadImport(spec.owner, 'appointments', file, 'rebook.csv');
      await runImport(spec.owner, again.id, again.mapping);
      expect(await rex()).toEqual(['booked', 'cancelled']);
    } finally {
      await spec.owner.patch('/api/business', { timeZone: 'Europe/Berlin' });
    }
  });

  it('thanks no one for a recommendation that bore fruit long ago', async () => {
    const code = await withClient(spec.testApp.ownerUrl, async (db) => {
      const { rows } = await db.query<{ code: string }>(
        `INSERT INTO referral_codes (tenant_id, customer_id, code)
         SELECT tenant_id, id, 'HISTRY22' FROM customers WHERE tenant_id = $1 AND email = 'lena@example.de'
         RETURNING code`,
        [spec.tenant.id],
      );
      return rows[0]?.code ?? '';
    });
    const file = [
      'Email,Name,Start,Referral code',
      `hist@example.de,Hist Person,2024-03-01 10:00,${code}`,
    ].join('\n');
    const uploaded = await uploadImport(spec.owner, 'appointments', file, 'history.csv');
    expect(await runImport(spec.owner, uploaded.id, uploaded.mapping)).toMatchObject({ rowsImported: 1 });
    await spec.testApp.app.get(InteractionPlanner).planPending(new Date());
    const sent = await spec.owner.get<Page<MessageResponse>>('/api/messages?limit=100');
    expect(sent.body.items.filter((message) => message.kind === 'referral-thanks')).toEqual([]);
    const referred = await withClient(spec.testApp.ownerUrl, async (db) => {
      const { rows } = await db.query<{ referred_at: Date; created_at: Date }>(
        `SELECT c.referred_at, r.created_at FROM customers c JOIN referral_codes r
            ON r.tenant_id = c.tenant_id AND r.customer_id = c.referred_by
          WHERE c.tenant_id = $1 AND c.email = 'hist@example.de'`,
        [spec.tenant.id],
      );
      return rows[0];
    });
    // Nobody came through a code before it existed.
    expect(referred?.referred_at.getTime()).toBeGreaterThanOrEqual(
      referred?.created_at.getTime() ?? Infinity,
    );
  });

  it.each([
    [
      'Email,Start,Notes,Notes\nann@example.de,2026-12-01 10:00,a,b',
      'file has two columns named "Notes": rename one so each can be told apart',
    ],
    [
      `${Array.from({ length: 501 }, (_, index) => `C${index}`).join(',')}\n1`,
      'file has 501 columns; at most 500 can be imported',
    ],
  ])('refuses a file whose columns cannot be told apart or are too many (%#)', async (file, reason) => {
    const result = await spec.owner.request<{ message: string }>('POST', '/api/imports/appointments', file, {
      'content-type': 'text/csv',
    });
    expect(result.status).toBe(400);
    expect(result.body.message).toContain(reason);
  });

  it('refuses a mapping that names a column the file does not have, even an empty name', async () => {
    const uploaded = await uploadImport(
      spec.owner,
      'appointments',
      'Email,Start\nx@example.de,2026-12-01',
      'x.csv',
    );
    const started = await spec.owner.post<{ message: string }>(`/api/imports/${uploaded.id}/start`, {
      mapping: { '': 'startsAt', Email: 'email' },
      dryRun: true,
    });
    expect(started.status).toBe(400);
    expect(started.body.message).toContain('names a column the file does not have: ""');
  });

  it('stops at a row it cannot read, naming the line where it starts and keeping the rows before it', async () => {
    const rows = Array.from({ length: 5 }, (_, index) => `Q-${index},q${index}@example.de,2026-12-01,10,EUR`);
    const file = [
      'Quote number,Email,Date,Amount,Currency',
      ...rows,
      'Q-9,q9@example.de,"2026-12-01,10,EUR',
      'Q-10,q10@example.de,2026-12-01,10,EUR',
    ].join('\n');
    const uploaded = await uploadImport(spec.owner, 'quotes', file, 'broken.csv');
    const done = await runImport(spec.owner, uploaded.id, uploaded.mapping);
    expect(done.status).toBe('failed');
    expect(done.failure).toMatch(/^line 7: /);
    expect(done.rowsImported).toBe(5);
  });

  it('takes customers:write and interactions:write from an API key, and lets it follow its import', async () => {
    const upload = async (scopes: ApiKeyScope[]) => {
      const key = await createApiKey(spec.testApp, spec.tenant, scopes);
      return fetch(`${spec.testApp.baseUrl}/api/imports/appointments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'text/csv' },
        body: 'Email,Start\nkey@example.de,2026-12-01 10:00',
      }).then(async (response) => ({
        status: response.status,
        key,
        body: (await response.json()) as { id: string },
      }));
    };
    expect((await upload(['interactions:write'])).status).toBe(403);
    expect((await upload(['customers:write'])).status).toBe(403);
    const allowed = await upload(['customers:read', 'customers:write', 'interactions:write']);
    expect(allowed.status).toBe(201);
    const followed = await fetch(`${spec.testApp.baseUrl}/api/imports/${allowed.body.id}`, {
      headers: { authorization: `Bearer ${allowed.key}` },
    });
    expect(followed.status).toBe(200);
  });

  it('keeps what each business imported to itself', async () => {
    await withClient(spec.testApp.ownerUrl, async (db) => {
      const { rows } = await db.query<{ tenants: number }>(
        `SELECT count(DISTINCT tenant_id)::int AS tenants FROM interactions WHERE source = 'csv'`,
      );
      expect(rows[0]?.tenants).toBe(1);
    });
    const unknown = await spec.owner.request('POST', '/api/imports/invoices', 'a,b\n1,2', {
      'content-type': 'text/csv',
    });
    expect(unknown.status).toBe(404);
  });
});
