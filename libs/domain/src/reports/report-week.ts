import { addDays, instantAt, wallTimeAt, weekdayOf } from '../automations/zoned-time';

/** When a business wants its weekly report: an ISO weekday (1 Monday ... 7 Sunday) and an hour, local time. */
export interface ReportSchedule {
  weekday: number;
  hour: number;
}

export const DEFAULT_REPORT_SCHEDULE: ReportSchedule = { weekday: 1, hour: 8 };

/** A Monday-to-Sunday week in a business's time zone, and the instants it starts and ends at. */
export interface ReportWeek {
  /** The Monday, as YYYY-MM-DD. */
  weekStart: string;
  /** Monday 00:00 local, inclusive. */
  from: Date;
  /** The next Monday 00:00 local, exclusive (a DST week is 167 or 169 hours long). */
  to: Date;
}

type CalendarDate = { year: number; month: number; day: number };

const pad = (value: number) => String(value).padStart(2, '0');
const dateText = (date: CalendarDate) => `${date.year}-${pad(date.month)}-${pad(date.day)}`;

function parseDate(text: string): CalendarDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new RangeError(`not a date: ${text}`);
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const utc = new Date(Date.UTC(date.year, date.month - 1, date.day));
  // 2026-02-30 would otherwise roll over into March.
  if (
    utc.getUTCFullYear() !== date.year ||
    utc.getUTCMonth() !== date.month - 1 ||
    utc.getUTCDate() !== date.day
  )
    throw new RangeError(`not a date: ${text}`);
  return date;
}

/** The week starting on `weekStart` (a Monday, YYYY-MM-DD) in `timeZone`. */
export function weekStarting(weekStart: string, timeZone: string): ReportWeek {
  const monday = parseDate(weekStart);
  if (weekdayOf(monday) !== 1) throw new RangeError(`${weekStart} is not a Monday`);
  const midnight = { hour: 0, minute: 0 };
  return {
    weekStart,
    from: instantAt(monday, midnight, timeZone),
    to: instantAt(addDays(monday, 7), midnight, timeZone),
  };
}

/** The week (in `timeZone`) that `instant` falls in. */
export function weekContaining(instant: Date, timeZone: string): ReportWeek {
  const local = wallTimeAt(instant, timeZone);
  const today = { year: local.year, month: local.month, day: local.day };
  return weekStarting(dateText(addDays(today, 1 - local.weekday)), timeZone);
}

/** The week before `week`. */
export function previousWeek(week: ReportWeek, timeZone: string): ReportWeek {
  return weekStarting(dateText(addDays(parseDate(week.weekStart), -7)), timeZone);
}

/** When the report of the week before `week` is sent: on the schedule's day and hour within `week`. */
function sendTimeIn(week: ReportWeek, schedule: ReportSchedule, timeZone: string): Date {
  const day = addDays(parseDate(week.weekStart), schedule.weekday - 1);
  return instantAt(day, { hour: schedule.hour, minute: 0 }, timeZone);
}

/**
 * The latest report that is due at `now`: the week it covers and when it was due. A report covers the
 * Monday-to-Sunday before the week it is sent in; before this week's send time, the latest due one is last
 * week's (covering the week before). Only this one is sent after downtime: weeks missed before it are not.
 */
export function latestDueReport(
  now: Date,
  schedule: ReportSchedule,
  timeZone: string,
): { week: ReportWeek; sendAt: Date } {
  const current = weekContaining(now, timeZone);
  const sendAt = sendTimeIn(current, schedule, timeZone);
  if (sendAt.getTime() <= now.getTime()) return { week: previousWeek(current, timeZone), sendAt };
  const last = previousWeek(current, timeZone);
  return { week: previousWeek(last, timeZone), sendAt: sendTimeIn(last, schedule, timeZone) };
}
