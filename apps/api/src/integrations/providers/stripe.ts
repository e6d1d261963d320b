import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  optionalString,
  requireInstant,
  requireString,
  type WebhookAction,
  WebhookPayloadError,
} from '../webhook-action';

/** Stripe's default tolerance: an event signed more than 5 minutes ago is a replay. */
export const STRIPE_TOLERANCE_SECONDS = 300;

/**
 * Stripe-Signature: `t=<unix>,v1=<hex HMAC-SHA256 of "t.rawBody">` (several v1 while a secret rolls).
 * Returns why it is refused, or null when valid.
 */
export function stripeSignatureProblem(
  rawBody: Buffer,
  secret: string,
  header: string | undefined,
  now: Date,
): string | null {
  if (!header) return 'missing signature';
  const parts = header.split(',').map((part) => part.trim().split('='));
  const timestamp = Number(parts.find(([key]) => key === 't')?.[1]);
  const signatures = parts
    .filter(([key]) => key === 'v1')
    .map(([, value]) => Buffer.from(value ?? '', 'hex'));
  if (!Number.isInteger(timestamp) || signatures.length === 0) return 'malformed signature';
  if (Math.abs(now.getTime() / 1000 - timestamp) > STRIPE_TOLERANCE_SECONDS) return 'stale timestamp';
  const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest();
  const isMatch = signatures.some(
    (given) => given.length === expected.length && timingSafeEqual(given, expected),
  );
  return isMatch ? null : 'wrong signature';
}

interface StripeEvent {
  id?: unknown;
  type?: unknown;
  created?: unknown;
  data?: { object?: Record<string, unknown> & { customer_details?: Record<string, unknown> } };
}

/** checkout.session.completed creates the order; charge.refunded refunds it. Keyed by payment intent. */
export function stripeAction(payload: unknown): WebhookAction {
  const event = payload as StripeEvent;
  const object = event?.data?.object;
  if (typeof object !== 'object' || object === null)
    throw new WebhookPayloadError('The event has no data.object');
  if (event.type === 'checkout.session.completed') {
    const cents = Number(object['amount_total']);
    if (!Number.isInteger(cents) || cents < 0) throw new WebhookPayloadError('amount_total is missing');
    const details = object.customer_details ?? {};
    return {
      kind: 'upsert-order',
      order: {
        externalId: requireString(object['payment_intent'] ?? object['id'], 'The payment intent'),
        customer: {
          email: requireString(details['email'] ?? object['customer_email'], 'The customer email'),
          name: optionalString(details['name']),
          phone: optionalString(details['phone']) ?? undefined,
          consentBasis: 'purchase_notice',
        },
        placedAt: requireInstant(object['created'] ?? event.created, 'created'),
        status: 'placed',
        total: (cents / 100).toFixed(2),
        currency: requireString(object['currency'], 'currency').toUpperCase(),
      },
    };
  }
  if (event.type === 'charge.refunded') {
    return {
      kind: 'order-status',
      externalId: requireString(object['payment_intent'], 'The payment intent'),
      status: 'refunded',
      at: event.created === undefined ? new Date() : new Date(requireInstant(event.created, 'created')),
    };
  }
  return { kind: 'ignore', reason: `The event ${String(event.type)} is not used` };
}
