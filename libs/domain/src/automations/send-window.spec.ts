import {
  DEFAULT_SEND_WINDOW,
  nextSendTime,
  plannedSendTime,
  sendWindowProblem,
  sendWindowWords,
} from './send-window';
import { instantAt, wallTimeAt } from './zoned-time';

const at = (iso: string) => new Date(iso);

describe('nextSendTime', () => {
  it.each([
    ['inside the window', '2026-11-25T10:00:00Z', 'Europe/London', '2026-11-25T10:00:00.000Z'],
    ['before it opens', '2026-11-25T06:30:00Z', 'Europe/London', '2026-11-25T09:00:00.000Z'],
    ['after it closes', '2026-11-25T19:00:00Z', 'Europe/London', '2026-11-26T09:00:00.000Z'],
    [
      'on Saturday evening, closed Sunday',
      '2026-11-28T20:00:00Z',
      'Europe/London',
      '2026-11-30T09:00:00.000Z',
    ],
    ['in Madrid (UTC+1 in winter)', '2026-11-25T07:00:00Z', 'Europe/Madrid', '2026-11-25T08:00:00.000Z'],
    [
      'in New York, late evening local',
      '2026-11-26T01:30:00Z',
      'America/New_York',
      '2026-11-26T14:00:00.000Z',
    ],
    [
      'in Sydney, across the date line',
      '2026-11-25T09:00:00Z',
      'Australia/Sydney',
      '2026-11-25T22:00:00.000Z',
    ],
  ])('keeps or moves a message due %s', (_, due, zone, expected) => {
    expect(nextSendTime(at(due), DEFAULT_SEND_WINDOW, zone).toISOString()).toBe(expected);
  });

  it('opens at 09:00 local on both sides of a daylight-saving change', () => {
    // Europe/Madrid moves clocks forward on 2026-03-29 (Sunday): Saturday opens at 08:00 UTC, Monday at 07:00 UTC.
    expect(nextSendTime(at('2026-03-27T19:30:00Z'), DEFAULT_SEND_WINDOW, 'Europe/Madrid').toISOString()).toBe(
      '2026-03-28T08:00:00.000Z',
    );
    expect(nextSendTime(at('2026-03-28T19:30:00Z'), DEFAULT_SEND_WINDOW, 'Europe/Madrid').toISOString()).toBe(
      '2026-03-30T07:00:00.000Z',
    );
  });

  it('spreads waiting messages over the first minutes of the window, never past it', () => {
    const due = at('2026-11-25T05:00:00Z');
    const times = [0, 0.5, 0.999, 2].map((spread) =>
      nextSendTime(due, DEFAULT_SEND_WINDOW, 'UTC', spread).toISOString(),
    );
    expect(times).toEqual([
      '2026-11-25T09:00:00.000Z',
      '2026-11-25T09:22:30.000Z',
      '2026-11-25T09:44:57.300Z',
      '2026-11-25T09:44:57.300Z',
    ]);
    const narrow = { opens: '09:00', closes: '09:10', days: [3] };
    expect(nextSendTime(due, narrow, 'UTC', 0.999).getTime()).toBeLessThan(
      at('2026-11-25T09:10:00Z').getTime(),
    );
  });

  it.each([
    [{ opens: '9:00', closes: '19:00', days: [1] }, 'times must be HH:MM'],
    [{ opens: '19:00', closes: '09:00', days: [1] }, 'must close after it opens'],
    [{ opens: '09:00', closes: '19:00', days: [] }, 'must be open on at least one day'],
    [{ opens: '09:00', closes: '19:00', days: [0] }, 'days are 1 (Monday) to 7 (Sunday)'],
    [DEFAULT_SEND_WINDOW, null],
  ])('judges the window %j', (window, problem) => {
    expect(sendWindowProblem(window)).toBe(problem);
  });
});

describe('zoned time', () => {
  it('reads the wall clock of a zone', () => {
    expect(wallTimeAt(at('2026-07-01T12:00:00Z'), 'Europe/Madrid')).toEqual({
      year: 2026,
      month: 7,
      day: 1,
      hour: 14,
      minute: 0,
      weekday: 3,
    });
  });

  it('maps a time skipped by spring-forward to just after the gap, and a repeated one to its first occurrence', () => {
    // 2026-03-29 02:30 does not exist in Madrid (clocks jump from 02:00 to 03:00).
    expect(
      instantAt({ year: 2026, month: 3, day: 29 }, { hour: 2, minute: 30 }, 'Europe/Madrid').toISOString(),
    ).toBe('2026-03-29T01:30:00.000Z');
    // 2026-10-25 02:30 happens twice in Madrid; the first is at 00:30 UTC.
    expect(
      instantAt({ year: 2026, month: 10, day: 25 }, { hour: 2, minute: 30 }, 'Europe/Madrid').toISOString(),
    ).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('plannedSendTime', () => {
  const window = { opens: '09:00', closes: '19:00', days: [1, 2, 3, 4, 5] };
  it('moves a due time after closing into the next opening, spread by the message id, and keeps one inside', () => {
    // Monday 4 January 2027, 21:22 in Madrid.
    const late = new Date('2027-01-04T20:22:00Z');
    const early = plannedSendTime(
      { id: '00000000-0000-4000-8000-000000000000', dueAt: late },
      window,
      'Europe/Madrid',
    );
    const spread = plannedSendTime(
      { id: 'ffffffff-0000-4000-8000-000000000000', dueAt: late },
      window,
      'Europe/Madrid',
    );
    expect(early.toISOString()).toBe('2027-01-05T08:00:00.000Z');
    expect(spread.getTime() - early.getTime()).toBeGreaterThan(44 * 60_000);
    expect(spread.getTime() - early.getTime()).toBeLessThan(45 * 60_000);
    const inside = new Date('2027-01-05T10:00:00Z');
    expect(
      plannedSendTime({ id: 'ffffffff-0000-4000-8000-000000000000', dueAt: inside }, window, 'Europe/Madrid'),
    ).toEqual(inside);
  });
});

describe('sendWindowWords', () => {
  it('says the hours and the days as a person would', () => {
    expect(sendWindowWords(DEFAULT_SEND_WINDOW)).toBe('between 09:00 and 19:00, Monday to Saturday');
    expect(sendWindowWords({ opens: '00:00', closes: '23:59', days: [7, 1, 2, 3, 4, 5, 6] })).toBe(
      'between 00:00 and 23:59, every day',
    );
    expect(sendWindowWords({ opens: '10:00', closes: '12:00', days: [5, 1, 3] })).toBe(
      'between 10:00 and 12:00, on Monday, Wednesday and Friday',
    );
    expect(sendWindowWords({ opens: '10:00', closes: '12:00', days: [6, 7] })).toBe(
      'between 10:00 and 12:00, on Saturday and Sunday',
    );
    expect(sendWindowWords({ opens: '10:00', closes: '12:00', days: [2] })).toBe(
      'between 10:00 and 12:00, on Tuesdays',
    );
  });
});
