import { addDays, instantAt, wallTimeAt } from '../automations/zoned-time';

/** The last `days` local days, today included, and the span of the same length just before them. */
export interface RecentDays {
  days: number;
  /** Midnight, in the business's time zone, of the first of the `days` days. */
  since: Date;
  /** Midnight of the first day of the span before: the period a change is measured against. */
  previousSince: Date;
}

/**
 * Every figure "of the last 7 days" counts from the same instant, wherever it is shown (the dashboard's
 * tiles, the delivery card), so two neighbouring figures never disagree about what they cover.
 */
export function recentDays(now: Date, days: number, timeZone: string): RecentDays {
  const wall = wallTimeAt(now, timeZone);
  const today = { year: wall.year, month: wall.month, day: wall.day };
  const midnight = { hour: 0, minute: 0 };
  return {
    days,
    since: instantAt(addDays(today, 1 - days), midnight, timeZone),
    previousSince: instantAt(addDays(today, 1 - 2 * days), midnight, timeZone),
  };
}
