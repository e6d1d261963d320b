import { createHmac, timingSafeEqual } from 'node:crypto';
import type { OrderLineRequest } from '@rapport/domain';
import {
  buyerLocale,
  fullName,
  optionalString,
  requireInstant,
  requireQuantity,
  requireString,
  type WebhookAction,
  WebhookPayloadError,
} from '../webhook-action';

/** X-Shopify-Hmac-Sha256: base64 HMAC-SHA256 of the raw body with the app's webhook secret. */
export function isShopifySignatureValid(
  rawBody: Buffer,
  secret: string,
  signature: string | undefined,
): boolean {
  if (!signature) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = Buffer.from(signature, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

interface ShopifyOrder {
  id?: unknown;
  name?: unknown;
  email?: unknown;
  created_at?: unknown;
  cancelled_at?: unknown;
  total_price?: unknown;
  currency?: unknown;
  customer_locale?: unknown;
  customer?: { email?: unknown; first_name?: unknown; last_name?: unknown; phone?: unknown; id?: unknown };
  line_items?: { title?: unknown; sku?: unknown; quantity?: unknown; price?: unknown }[];
}

/** orders/create, orders/fulfilled, orders/cancelled. The order's `name` (#1001) is its external id, as in exports. */
export function shopifyAction(topic: string, payload: unknown): WebhookAction {
  const order = payload as ShopifyOrder;
  if (typeof order !== 'object' || order === null) throw new WebhookPayloadError('The body is not an order');
  const externalId = requireString(order.name ?? order.id, 'The order name');
  if (topic === 'orders/cancelled') {
    const at = order.cancelled_at ? new Date(requireInstant(order.cancelled_at, 'cancelled_at')) : new Date();
    return { kind: 'order-status', externalId, status: 'cancelled', at };
  }
  if (topic !== 'orders/create' && topic !== 'orders/fulfilled') {
    return { kind: 'ignore', reason: `The topic ${topic} is not used` };
  }
  const email = requireString(order.email ?? order.customer?.email, 'The buyer email');
  return {
    kind: 'upsert-order',
    order: {
      externalId,
      customer: {
        email,
        name: fullName(order.customer?.first_name, order.customer?.last_name),
        phone: optionalString(order.customer?.phone) ?? undefined,
        locale: buyerLocale(order.customer_locale),
        externalIds: order.customer?.id ? { shopify: String(order.customer.id) } : undefined,
        consentBasis: 'purchase_notice',
      },
      placedAt: requireInstant(order.created_at, 'created_at'),
      status: topic === 'orders/fulfilled' ? 'fulfilled' : 'placed',
      total: requireString(order.total_price, 'total_price'),
      currency: requireString(order.currency, 'currency'),
      lines: (Array.isArray(order.line_items) ? order.line_items : []).map(
        (item, index): OrderLineRequest => ({
          productName: requireString(item.title, 'A line title'),
          sku: optionalString(item.sku) ?? null,
          quantity: requireQuantity(item.quantity, `line_items[${index}].quantity`),
          unitPrice: requireString(item.price, 'A line price'),
        }),
      ),
    },
  };
}
