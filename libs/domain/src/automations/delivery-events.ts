import type { MessageStatus } from './message-kinds';

/** SendGrid Event Webhook types Rapport acts on. */
export const PROVIDER_EVENTS = [
  'processed',
  'deferred',
  'delivered',
  'open',
  'click',
  'bounce',
  'dropped',
  'spamreport',
  'unsubscribe',
] as const;
export type ProviderEvent = (typeof PROVIDER_EVENTS)[number];

const EVENT_STATUS: Partial<Record<ProviderEvent, MessageStatus>> = {
  delivered: 'delivered',
  open: 'opened',
  click: 'clicked',
  bounce: 'bounced',
  dropped: 'dropped',
  spamreport: 'complained',
};

/** How far along a message is; a failure outranks any success, so a late "delivered" cannot undo a bounce. */
const RANK: Partial<Record<MessageStatus, number>> = {
  scheduled: 0,
  sending: 1,
  sent: 2,
  delivered: 3,
  opened: 4,
  clicked: 5,
  dropped: 10,
  bounced: 11,
  complained: 12,
};

/** The message's status after a provider event (events arrive late and out of order). */
export function statusAfterEvent(current: MessageStatus, event: ProviderEvent): MessageStatus {
  const next = EVENT_STATUS[event];
  if (!next) return current;
  const currentRank = RANK[current];
  if (currentRank === undefined) return current;
  return (RANK[next] ?? -1) > currentRank ? next : current;
}

/** Events after which the buyer must get nothing more, and the subscription state they lead to. */
export function subscriptionAfterEvent(
  event: ProviderEvent,
): 'bounced' | 'complained' | 'unsubscribed' | null {
  if (event === 'bounce' || event === 'dropped') return 'bounced';
  if (event === 'spamreport') return 'complained';
  if (event === 'unsubscribe') return 'unsubscribed';
  return null;
}

/** Above this share of complaints among a day's deliveries, a business's sending is paused. */
export const COMPLAINT_RATE_LIMIT = 0.003;

export function isComplaintRateTooHigh(complaints: number, delivered: number): boolean {
  return complaints > 0 && complaints / Math.max(delivered, 1) > COMPLAINT_RATE_LIMIT;
}

/** A day's bounces past this share of its deliveries say the business's list has gone bad. */
export const BOUNCE_RATE_WARNING = 0.05;
/** Fewer bounces than this in a day are chance, whatever their share. */
export const BOUNCE_SPIKE_MINIMUM = 10;

/**
 * Whether a day's bounces put the business's sending at risk: providers start limiting a sender whose
 * bounces pass a few per cent, and a list imported with old addresses gets there in an afternoon.
 */
export function isBounceSpike(bounced: number, delivered: number): boolean {
  return bounced >= BOUNCE_SPIKE_MINIMUM && bounced / (bounced + delivered) > BOUNCE_RATE_WARNING;
}
