import { DEFAULT_REPORT_SCHEDULE, latestDueReport, weekContaining, weekStarting } from './report-week';

describe('report weeks', () => {
  it('finds the Monday-to-Sunday week of an instant in the business time zone', () => {
    // Sunday 14 March 2027 23:30 in New York is Monday 04:30 UTC: still the week of Monday 8 March there.
    const week = weekContaining(new Date('2027-03-15T03:30:00Z'), 'America/New_York');
    expect(week.weekStart).toBe('2027-03-08');
    expect(week.from.toISOString()).toBe('2027-03-08T05:00:00.000Z');
    // The clocks went forward on the 14th: the week is 167 hours long.
    expect(week.to.toISOString()).toBe('2027-03-15T04:00:00.000Z');
  });

  it('refuses a week that does not start on a Monday', () => {
    expect(() => weekStarting('2027-03-09', 'Europe/Madrid')).toThrow('not a Monday');
  });

  it.each([
    [
      'just before Monday 08:00: the report of two weeks ago is the latest due',
      '2027-03-15T06:59:00Z',
      '2027-03-01',
      '2027-03-08T07:00:00.000Z',
    ],
    ['at Monday 08:00: last week is due', '2027-03-15T07:00:00Z', '2027-03-08', '2027-03-15T07:00:00.000Z'],
    ['on Thursday: still last week', '2027-03-18T12:00:00Z', '2027-03-08', '2027-03-15T07:00:00.000Z'],
  ])('in Madrid, %s', (_when, now, weekStart, sendAt) => {
    const due = latestDueReport(new Date(now), DEFAULT_REPORT_SCHEDULE, 'Europe/Madrid');
    expect(due.week.weekStart).toBe(weekStart);
    expect(due.sendAt.toISOString()).toBe(sendAt);
  });

  it('follows a chosen day and hour: Wednesday 18:00 in Tokyo', () => {
    const due = latestDueReport(new Date('2027-03-17T09:30:00Z'), { weekday: 3, hour: 18 }, 'Asia/Tokyo');
    expect(due).toEqual({
      week: weekStarting('2027-03-08', 'Asia/Tokyo'),
      sendAt: new Date('2027-03-17T09:00:00Z'),
    });
  });
});
