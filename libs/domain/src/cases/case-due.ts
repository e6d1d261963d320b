import type { SendWindow } from '../automations/send-window';
import { addDays, instantAt, wallTimeAt, weekdayOf } from '../automations/zoned-time';

/** When staff are at work: the same shape as a send window (local hours, ISO weekdays). */
export type BusinessHours = SendWindow;

export const DEFAULT_BUSINESS_HOURS: BusinessHours = {
  opens: '09:00',
  closes: '17:00',
  days: [1, 2, 3, 4, 5],
};

/** How a case is assigned and how soon it is due; per business. */
export interface CaseSettings {
  businessHours: BusinessHours;
  /** A case is due within this many business days (a business day is the length of the opening hours). */
  slaBusinessDays: number;
}

export const DEFAULT_CASE_SETTINGS: CaseSettings = {
  businessHours: DEFAULT_BUSINESS_HOURS,
  slaBusinessDays: 1,
};

function clock(text: string): { hour: number; minute: number } {
  const [hour = 0, minute = 0] = text.split(':').map(Number);
  return { hour, minute };
}

/**
 * When a case opened at `openedAt` is due: after `businessDays` days' worth of opening hours, counted only
 * while the business is open in its time zone. A case opened on Friday at 16:00, with 09:00-17:00 Monday to
 * Friday and one business day, is due on Monday at 16:00; one opened at night is due at the next closing.
 */
export function caseDueAt(openedAt: Date, settings: CaseSettings, timeZone: string): Date {
  const { businessHours: hours, slaBusinessDays } = settings;
  const opens = clock(hours.opens);
  const closes = clock(hours.closes);
  const dayMinutes = closes.hour * 60 + closes.minute - (opens.hour * 60 + opens.minute);
  if (dayMinutes <= 0 || hours.days.length === 0) throw new RangeError('business hours must not be empty');
  let remainingMs = slaBusinessDays * dayMinutes * 60_000;
  const local = wallTimeAt(openedAt, timeZone);
  let date = { year: local.year, month: local.month, day: local.day };
  for (let step = 0; step < 366 * 2; step += 1, date = addDays(date, 1)) {
    if (!hours.days.includes(weekdayOf(date))) continue;
    const start = Math.max(openedAt.getTime(), instantAt(date, opens, timeZone).getTime());
    const end = instantAt(date, closes, timeZone).getTime();
    if (start >= end) continue;
    if (remainingMs <= end - start) return new Date(start + remainingMs);
    remainingMs -= end - start;
  }
  throw new RangeError('no business hours within two years');
}

/** How long before its due time a case counts as due soon, at most. */
const DUE_SOON_MS = 2 * 3_600_000;

/**
 * When the team is told a case is due soon: two hours before its due time, or halfway there for a case
 * due sooner than four hours after it opened (an alert at its opening would say nothing new).
 */
export function dueSoonAt(openedAt: Date, dueAt: Date): Date {
  const lead = Math.min(DUE_SOON_MS, (dueAt.getTime() - openedAt.getTime()) / 2);
  return new Date(dueAt.getTime() - Math.max(0, lead));
}
