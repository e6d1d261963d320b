import { caseDueAt, DEFAULT_CASE_SETTINGS, dueSoonAt } from './case-due';

const PARIS = 'Europe/Paris';

describe('caseDueAt', () => {
  it.each([
    ['on a Tuesday morning: the same time the next day', '2027-03-09T09:30:00Z', '2027-03-10T09:30:00Z'],
    ['on a Friday afternoon: Monday at the same time', '2027-03-12T15:00:00Z', '2027-03-15T15:00:00Z'],
    ['at night: the next day at closing time', '2027-03-09T21:00:00Z', '2027-03-10T16:00:00Z'],
    ['on a Saturday: Monday at closing time', '2027-03-13T10:00:00Z', '2027-03-15T16:00:00Z'],
  ])('counts one business day from a case opened %s', (_when, opened, due) => {
    expect(caseDueAt(new Date(opened), DEFAULT_CASE_SETTINGS, PARIS).toISOString()).toBe(
      new Date(due).toISOString(),
    );
  });

  it('follows the clock change: 8 business hours across the spring-forward weekend stay 8 local hours', () => {
    // Friday 26 March 2027 15:00 in Paris is 14:00 UTC; on Monday 29 March Paris is UTC+2.
    const due = caseDueAt(new Date('2027-03-26T14:00:00Z'), DEFAULT_CASE_SETTINGS, PARIS);
    expect(due.toISOString()).toBe('2027-03-29T13:00:00.000Z');
  });

  it('counts several business days and other hours', () => {
    const settings = { businessHours: { opens: '08:00', closes: '12:00', days: [1, 3] }, slaBusinessDays: 2 };
    // Monday 8 March 2027 at 11:00 in New York (16:00 UTC): 1 hour Monday, 4 on
    // Wednesday, 3 on Monday 15th: 11:00 there, after the clocks went forward on the 14th (UTC-4).
    expect(caseDueAt(new Date('2027-03-08T16:00:00Z'), settings, 'America/New_York').toISOString()).toBe(
      '2027-03-15T15:00:00.000Z',
    );
  });
});

describe('dueSoonAt', () => {
  it('is two hours before the due time of a case due a day later', () => {
    expect(dueSoonAt(new Date('2026-12-07T09:00:00Z'), new Date('2026-12-08T09:00:00Z')).toISOString()).toBe(
      '2026-12-08T07:00:00.000Z',
    );
  });

  it('is halfway for a case due within four hours, and never before it opened', () => {
    expect(dueSoonAt(new Date('2026-12-07T09:00:00Z'), new Date('2026-12-07T10:00:00Z')).toISOString()).toBe(
      '2026-12-07T09:30:00.000Z',
    );
    expect(dueSoonAt(new Date('2026-12-07T09:00:00Z'), new Date('2026-12-07T08:00:00Z')).toISOString()).toBe(
      '2026-12-07T08:00:00.000Z',
    );
  });
});
