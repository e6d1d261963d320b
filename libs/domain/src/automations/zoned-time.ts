/** A wall-clock moment in some time zone. Months are 1-12; weekday is ISO (1 Monday ... 7 Sunday). */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

function formatter(timeZone: string): Intl.DateTimeFormat {
  let cached = formatters.get(timeZone);
  if (!cached) {
    cached = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, cached);
  }
  return cached;
}

/** What a clock in `timeZone` shows at `instant`. */
export function wallTimeAt(instant: Date, timeZone: string): WallTime {
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  return {
    year: Number(parts['year']),
    month: Number(parts['month']),
    day: Number(parts['day']),
    hour: Number(parts['hour']),
    minute: Number(parts['minute']),
    weekday: WEEKDAYS[parts['weekday'] ?? 'Mon'] ?? 1,
  };
}

function offsetMs(instant: Date, timeZone: string): number {
  const wall = wallTimeAt(instant, timeZone);
  const seconds = instant.getUTCSeconds() * 1000 + instant.getUTCMilliseconds();
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute) + seconds - instant.getTime();
}

/**
 * The instant a clock in `timeZone` shows this date and time. A time skipped by a daylight-saving change
 * (02:30 on a spring-forward night) gives the moment the clock would show it had it not jumped (03:30
 * after the jump); a time that happens twice gives the first.
 */
export function instantAt(
  date: { year: number; month: number; day: number },
  time: { hour: number; minute: number },
  timeZone: string,
): Date {
  const asUtc = Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute);
  const first = asUtc - offsetMs(new Date(asUtc), timeZone);
  const second = asUtc - offsetMs(new Date(first), timeZone);
  // Of the candidates that show the wanted wall time, the earliest; none means a gap: take the later one.
  const candidates = [first, second, asUtc - offsetMs(new Date(asUtc - 3_600_000 * 3), timeZone)]
    .filter((candidate, index, all) => all.indexOf(candidate) === index)
    .filter((candidate) => {
      const wall = wallTimeAt(new Date(candidate), timeZone);
      return wall.hour === time.hour && wall.minute === time.minute && wall.day === date.day;
    })
    .sort((a, b) => a - b);
  return new Date(candidates[0] ?? Math.max(first, second));
}

/** The calendar date `days` after a date (in no time zone). */
export function addDays(date: { year: number; month: number; day: number }, days: number) {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** ISO weekday of a calendar date. */
export function weekdayOf(date: { year: number; month: number; day: number }): number {
  const day = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return day === 0 ? 7 : day;
}
