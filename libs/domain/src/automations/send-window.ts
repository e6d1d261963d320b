import { addDays, instantAt, wallTimeAt, weekdayOf } from './zoned-time';

/** When follow-ups may reach buyers: local hours and weekdays (ISO: 1 Monday ... 7 Sunday). */
export interface SendWindow {
  /** "HH:MM", inclusive. */
  opens: string;
  /** "HH:MM", exclusive. */
  closes: string;
  days: readonly number[];
}

/** 09:00-19:00, Monday to Saturday. */
export const DEFAULT_SEND_WINDOW: SendWindow = { opens: '09:00', closes: '19:00', days: [1, 2, 3, 4, 5, 6] };

/** Messages waiting for a window do not all leave at its first minute: they spread over this many minutes. */
export const WINDOW_SPREAD_MINUTES = 45;

function clock(text: string): { hour: number; minute: number } {
  const [hour = 0, minute = 0] = text.split(':').map(Number);
  return { hour, minute };
}

/** Why a window is unusable, or null. */
export function sendWindowProblem(window: SendWindow): string | null {
  const time = /^([01]\d|2[0-3]):[0-5]\d$/;
  if (!time.test(window.opens) || !time.test(window.closes)) return 'times must be HH:MM';
  if (window.closes <= window.opens) return 'must close after it opens';
  if (window.days.length === 0) return 'must be open on at least one day';
  if (window.days.some((day) => !Number.isInteger(day) || day < 1 || day > 7))
    return 'days are 1 (Monday) to 7 (Sunday)';
  return null;
}

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** A window in plain words: "between 09:00 and 19:00, Monday to Saturday". */
export function sendWindowWords(window: SendWindow): string {
  const days = [...new Set(window.days)].sort((a, b) => a - b);
  const names = days.map((day) => DAY_NAMES[day - 1] ?? String(day));
  const isRun = days.every((day, index) => index === 0 || day === (days[index - 1] ?? 0) + 1);
  const dayWords =
    days.length === 7
      ? 'every day'
      : isRun && days.length >= 3
        ? `${names[0]} to ${names.at(-1)}`
        : names.length === 1
          ? `on ${names[0]}s`
          : `on ${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `between ${window.opens} and ${window.closes}, ${dayWords}`;
}

/**
 * When a message due at `due` may go out: `due` itself inside the window, else the next opening in
 * `timeZone` (the buyer's when known, else the business's), plus a spread of up to WINDOW_SPREAD_MINUTES
 * chosen by `spread` (0 to 1, e.g. from the message id) so a queue does not leave at the top of the hour.
 * Daylight-saving changes are handled by computing every opening in the zone's own calendar.
 */
export function nextSendTime(due: Date, window: SendWindow, timeZone: string, spread = 0): Date {
  const opens = clock(window.opens);
  const closes = clock(window.closes);
  const local = wallTimeAt(due, timeZone);
  const today = { year: local.year, month: local.month, day: local.day };
  const minutes = local.hour * 60 + local.minute;
  const isOpenDay = window.days.includes(local.weekday);
  if (isOpenDay && minutes >= opens.hour * 60 + opens.minute && minutes < closes.hour * 60 + closes.minute)
    return due;
  for (let offset = 0; offset <= 7; offset++) {
    const date = addDays(today, offset);
    if (!window.days.includes(weekdayOf(date))) continue;
    const opening = instantAt(date, opens, timeZone);
    if (opening.getTime() <= due.getTime()) continue;
    const closing = instantAt(date, closes, timeZone);
    const room = Math.max(
      0,
      Math.min(WINDOW_SPREAD_MINUTES * 60_000, closing.getTime() - opening.getTime() - 60_000),
    );
    return new Date(opening.getTime() + Math.floor(Math.min(Math.max(spread, 0), 0.999) * room));
  }
  throw new Error('A send window with open days always opens within a week');
}

/** 0 to 1 from a message id: where in the opening minutes of the window this message leaves. */
export function windowSpreadOf(messageId: string): number {
  return parseInt(messageId.replace(/-/g, '').slice(0, 8), 16) / 0xffffffff;
}

/**
 * When the dispatcher sends a message due at `due`: the one function behind both the dispatcher and the
 * rules' "next 7 days", so what a rule shows is what happens.
 */
export function plannedSendTime(
  message: { id: string; dueAt: Date },
  window: SendWindow,
  timeZone: string,
): Date {
  return nextSendTime(message.dueAt, window, timeZone, windowSpreadOf(message.id));
}
