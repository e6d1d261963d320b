import { createHmac, timingSafeEqual } from 'node:crypto';
import type { OrderLineRequest, OrderStatus } from '@rapport/domain';
import {
  fullName,
  optionalString,
  requireInstant,
  requireQuantity,
  requireString,
  type WebhookAction,
  WebhookPayloadError,
} from '../webhook-action';

/** X-WC-Webhook-Signature: base64 HMAC-SHA256 of the raw body with the webhook's secret. */
export function isWooCommerceSignatureValid(
  rawBody: Buffer,
  secret: string,
  signature: string | undefined,
): boolean {
  if (!signature) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = Buffer.from(signature, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const STATUS: Record<string, OrderStatus | undefined> = {
  pending: 'placed',
  'on-hold': 'placed',
  processing: 'placed',
  completed: 'fulfilled',
  cancelled: 'cancelled',
  failed: 'cancelled',
  refunded: 'refunded',
};

interface WooOrder {
  id?: unknown;
  number?: unknown;
  status?: unknown;
  date_created_gmt?: unknown;
  total?: unknown;
  currency?: unknown;
  customer_id?: unknown;
  billing?: { email?: unknown; first_name?: unknown; last_name?: unknown; phone?: unknown };
  line_items?: { name?: unknown; sku?: unknown; quantity?: unknown; price?: unknown; total?: unknown }[];
}

/** order.created and order.updated carry the whole order; its status decides the step. */
export function wooCommerceAction(topic: string, payload: unknown): WebhookAction {
  if (topic !== 'order.created' && topic !== 'order.updated') {
    return { kind: 'ignore', reason: `The topic ${topic} is not used` };
  }
  const order = payload as WooOrder;
  if (typeof order !== 'object' || order === null) throw new WebhookPayloadError('The body is not an order');
  const status = STATUS[String(order.status)];
  if (!status) return { kind: 'ignore', reason: `The order status ${String(order.status)} is not used` };
  const created = order.date_created_gmt;
  return {
    kind: 'upsert-order',
    order: {
      externalId: requireString(order.number ?? order.id, 'The order number'),
      customer: {
        email: requireString(order.billing?.email, 'The billing email'),
        name: fullName(order.billing?.first_name, order.billing?.last_name),
        phone: optionalString(order.billing?.phone) ?? undefined,
        externalIds: order.customer_id ? { woocommerce: String(order.customer_id) } : undefined,
        consentBasis: 'purchase_notice',
      },
      // WooCommerce's *_gmt dates carry no zone marker.
      placedAt: requireInstant(
        typeof created === 'string' && !/[zZ]|[+-]\d\d:\d\d$/.test(created) ? `${created}Z` : created,
        'date_created_gmt',
      ),
      status,
      total: requireString(order.total, 'total'),
      currency: requireString(order.currency, 'currency'),
      lines: (Array.isArray(order.line_items) ? order.line_items : []).map(
        (item, index): OrderLineRequest => ({
          productName: requireString(item.name, 'A line name'),
          sku: optionalString(item.sku) ?? null,
          quantity: requireQuantity(item.quantity, `line_items[${index}].quantity`),
          unitPrice: String(item.price ?? '0'),
        }),
      ),
    },
  };
}
