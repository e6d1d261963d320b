import type { MessageKind } from './message-kinds';

/** How often one buyer may hear from a business, across all automations. */
export interface JourneyCap {
  /** At most one follow-up of any kind per this many days. */
  anyFollowUpDays: number;
  /** At most one opinion request per this many days. */
  opinionRequestDays: number;
}

export const DEFAULT_JOURNEY_CAP: JourneyCap = { anyFollowUpDays: 3, opinionRequestDays: 30 };

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
  if (kind === 'manual') return { action: 'send' };
  const latest = [...history].sort((a, b) => b.sentAt.getTime() - a.sentAt.getTime());
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
  const last = latest.find((item) => item.kind !== 'manual');
  if (last && now.getTime() - last.sentAt.getTime() < cap.anyFollowUpDays * DAY_MS) {
    const reason = `${last.kind.replace('-', ' ')} sent ${ago(last.sentAt, now)}`;
    if (kind === 'thank-you') return { action: 'skip', reason: `skipped: ${reason}` };
    return {
      action: 'postpone',
      until: new Date(last.sentAt.getTime() + cap.anyFollowUpDays * DAY_MS),
      reason: `postponed: ${reason}`,
    };
  }
  return { action: 'send' };
}
