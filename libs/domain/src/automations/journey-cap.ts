import type { FieldError } from '../contracts/errors';
import { type MessageKind, MESSAGE_KIND_WORDS } from './message-kinds';

/** How often one buyer may hear from a business, across all automations. */
export interface JourneyCap {
  /** At most one follow-up of any kind per this many days. */
  anyFollowUpDays: number;
  /** At most one opinion request per this many days. */
  opinionRequestDays: number;
}

export const DEFAULT_JOURNEY_CAP: JourneyCap = { anyFollowUpDays: 3, opinionRequestDays: 30 };

/**
 * What a business may set: closer than a day between emails reads as spam, and asking the same buyer's
 * opinion more than once a week wears out the answers; wider than this and the cap stops a rule from
 * ever sending its second step.
 */
export const JOURNEY_CAP_BOUNDS = {
  anyFollowUpDays: { min: 1, max: 14 },
  opinionRequestDays: { min: 7, max: 365 },
} as const;

/** At most this many reminders per opinion request, each at most this many days after it. */
export const MAX_REMINDERS = 3;
export const MAX_REMINDER_DAYS = 30;
export const DEFAULT_REMINDERS: readonly number[] = [4];

const isWhole = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/** Every problem with a journey cap and a reminder schedule, by field; empty when they are fine. */
export function journeyProblems(cap: JourneyCap, reminders: readonly number[]): FieldError[] {
  const problems: FieldError[] = [];
  const { anyFollowUpDays: gap, opinionRequestDays: requestGap } = JOURNEY_CAP_BOUNDS;
  if (!isWhole(cap?.anyFollowUpDays, gap.min, gap.max))
    problems.push({
      field: 'journeyCap.anyFollowUpDays',
      reason: `must be a whole number of days from ${gap.min} to ${gap.max}`,
    });
  if (!isWhole(cap?.opinionRequestDays, requestGap.min, requestGap.max))
    problems.push({
      field: 'journeyCap.opinionRequestDays',
      reason: `must be a whole number of days from ${requestGap.min} to ${requestGap.max}`,
    });
  if (!Array.isArray(reminders) || reminders.length > MAX_REMINDERS) {
    problems.push({ field: 'reminders', reason: `must be a list of at most ${MAX_REMINDERS} reminders` });
    return problems;
  }
  const minGap = isWhole(cap?.anyFollowUpDays, gap.min, gap.max) ? cap.anyFollowUpDays : null;
  reminders.forEach((days, index) => {
    const field = `reminders.${index}`;
    const before = index === 0 ? 0 : reminders[index - 1];
    if (!isWhole(days, 1, MAX_REMINDER_DAYS))
      problems.push({ field, reason: `must be a whole number of days from 1 to ${MAX_REMINDER_DAYS}` });
    else if (minGap !== null && typeof before === 'number' && days - before < minGap)
      problems.push({
        field,
        reason:
          index === 0
            ? `must come at least ${plural(minGap, 'day')} after the opinion request, the least gap between two emails`
            : `must come at least ${plural(minGap, 'day')} after the reminder before it, the least gap between two emails`,
      });
  });
  return problems;
}

/**
 * The journey in plain words, as the rules page shows it: what reminders follow an unanswered opinion
 * request, and how often one buyer may hear from the business whatever its rules say.
 */
export function journeyWords(cap: JourneyCap, reminders: readonly number[]): string[] {
  const reminderLine =
    reminders.length === 0
      ? 'An unanswered opinion request gets no reminder.'
      : reminders.length === 1
        ? `An unanswered opinion request gets one reminder, ${plural(reminders[0] ?? 0, 'day')} later, unless the buyer answered by then.`
        : `An unanswered opinion request gets up to ${reminders.length} reminders, ${listWords(
            reminders.map(String),
          )} days later, each skipped once the buyer answered.`;
  return [
    reminderLine,
    `A buyer hears from you at most once ${everyWords(cap.anyFollowUpDays)}, and gets at most one opinion request ${everyWords(cap.opinionRequestDays)}, whatever the rules.`,
  ];
}

function everyWords(days: number): string {
  return days === 1 ? 'a day' : `every ${days} days`;
}

function plural(count: number, unit: string): string {
  return count === 1 ? `1 ${unit}` : `${count} ${unit}s`;
}

function listWords(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** The thank-yous for something the person did: late, they are worse than none, so they are skipped. */
function isThanks(kind: MessageKind): boolean {
  return kind === 'thank-you' || kind === 'visit-thanks' || kind === 'missed-you';
}

export interface SentFollowUp {
  kind: MessageKind;
  sentAt: Date;
}

export type CapDecision =
  | { action: 'send' }
  | { action: 'postpone'; until: Date; reason: string }
  | { action: 'skip'; reason: string };

const DAY_MS = 86_400_000;

function ago(from: Date, to: Date): string {
  const days = Math.floor((to.getTime() - from.getTime()) / DAY_MS);
  return days === 0 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`;
}

/**
 * Whether a follow-up may go out now, given what the buyer already received. A thank-you that would come
 * too soon after another message is skipped (a late thank-you is worse than none); an opinion request is
 * postponed until the short cap ends, and skipped when one was already sent within the long cap. The
 * reason reads as the console shows it.
 */
export function capDecision(
  kind: MessageKind,
  history: readonly SentFollowUp[],
  now: Date,
  cap = DEFAULT_JOURNEY_CAP,
): CapDecision {
  // A note written by hand, the acknowledgement of an enquiry the person just sent and the thanks for a
  // recommendation that just bore fruit answer what happened: no earlier email makes them come too soon.
  const latest = [...history].sort((a, b) => b.sentAt.getTime() - a.sentAt.getTime());
  if (kind === 'enquiry-thanks') {
    // ...but one acknowledgement per gap: enquiries sent again and again (or in someone else's name from a
    // public form) do not become a stream of emails to that address.
    const lastThanks = latest.find((item) => item.kind === 'enquiry-thanks');
    if (lastThanks && now.getTime() - lastThanks.sentAt.getTime() < cap.anyFollowUpDays * DAY_MS)
      return { action: 'skip', reason: `skipped: thanks for an enquiry sent ${ago(lastThanks.sentAt, now)}` };
    return { action: 'send' };
  }
  if (kind === 'manual' || kind === 'referral-thanks') return { action: 'send' };
  if (kind === 'opinion-request' || kind === 'reminder') {
    const lastRequest = latest.find((item) => item.kind === 'opinion-request');
    if (
      kind === 'opinion-request' &&
      lastRequest &&
      now.getTime() - lastRequest.sentAt.getTime() < cap.opinionRequestDays * DAY_MS
    ) {
      return { action: 'skip', reason: `skipped: opinion request sent ${ago(lastRequest.sentAt, now)}` };
    }
  }
  // A request to recommend (and its thanks) never costs a buyer the thank-you for what they did.
  const last = latest.find(
    (item) =>
      item.kind !== 'manual' &&
      !(isThanks(kind) && (item.kind === 'referral-request' || item.kind === 'referral-thanks')),
  );
  if (last && now.getTime() - last.sentAt.getTime() < cap.anyFollowUpDays * DAY_MS) {
    const reason = `${MESSAGE_KIND_WORDS[last.kind]} sent ${ago(last.sentAt, now)}`;
    if (isThanks(kind)) return { action: 'skip', reason: `skipped: ${reason}` };
    return {
      action: 'postpone',
      until: new Date(last.sentAt.getTime() + cap.anyFollowUpDays * DAY_MS),
      reason: `postponed: ${reason}`,
    };
  }
  return { action: 'send' };
}
