import { recentDays } from './recent-days';

describe('recentDays', () => {
  it('starts the last 7 days at local midnight six days before today, and the span before a week earlier', () => {
    // 1 December 2026, 10:30 in Berlin (UTC+1).
    const span = recentDays(new Date('2026-12-01T09:30:00Z'), 7, 'Europe/Berlin');
    expect(span.since.toISOString()).toBe('2026-11-24T23:00:00.000Z');
    expect(span.previousSince.toISOString()).toBe('2026-11-17T23:00:00.000Z');
  });

  it('follows the local date, not the UTC one, late in the evening west of Greenwich', () => {
    // 23:30 on 1 December in New York is already 2 December in UTC.
    const span = recentDays(new Date('2026-12-02T04:30:00Z'), 1, 'America/New_York');
    expect(span.since.toISOString()).toBe('2026-12-01T05:00:00.000Z');
  });

  it('keeps midnight across a change of clocks inside the span', () => {
    // London moved from UTC+1 to UTC on 25 October 2026: the span's first midnight is a summer one.
    const span = recentDays(new Date('2026-10-28T12:00:00Z'), 7, 'Europe/London');
    expect(span.since.toISOString()).toBe('2026-10-21T23:00:00.000Z');
    expect(span.previousSince.toISOString()).toBe('2026-10-14T23:00:00.000Z');
  });
});
