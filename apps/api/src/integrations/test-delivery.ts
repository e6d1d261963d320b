import { createHmac, randomBytes } from 'node:crypto';
import type { ShopProvider } from '@rapport/domain';

/** Ids Rapport gives its own test deliveries; a delivery with such an id never changes any data. */
const TEST_ID = /^(evt_)?rapport_test_[0-9a-f]{32}$/;

export function isTestDeliveryId(id: string): boolean {
  return TEST_ID.test(id);
}

/** A sample delivery as the shop would send it: its id, topic, body and signed headers. */
export interface SampleDelivery {
  id: string;
  topic: string;
  body: string;
  headers: Record<string, string>;
}

const BUYER = { email: 'test-buyer@example.com', first: 'Test', last: 'Buyer' };
const ORDER_NUMBER = 'TEST-1001';

/**
 * The shop's own format and signature scheme: Shopify's orders/create with X-Shopify-Hmac-Sha256 (base64
 * HMAC-SHA256 of the body), WooCommerce's order.created with X-WC-Webhook-Signature (the same, its own
 * header), Stripe's checkout.session.completed with Stripe-Signature `t=<unix>,v1=<hex HMAC of "t.body">`.
 */
export function sampleDelivery(provider: ShopProvider, secret: string, now: Date): SampleDelivery {
  const hex = randomBytes(16).toString('hex');
  const base64Hmac = (body: string) => createHmac('sha256', secret).update(body).digest('base64');
  if (provider === 'shopify') {
    const id = `rapport_test_${hex}`;
    const body = JSON.stringify({
      id: 1001,
      name: `#${ORDER_NUMBER}`,
      email: BUYER.email,
      created_at: now.toISOString(),
      total_price: '12.00',
      currency: 'USD',
      test: true,
      customer: { first_name: BUYER.first, last_name: BUYER.last },
      line_items: [{ title: 'Sample product', sku: 'SAMPLE-1', quantity: 1, price: '12.00' }],
    });
    return {
      id,
      topic: 'orders/create',
      body,
      headers: {
        'x-shopify-topic': 'orders/create',
        'x-shopify-webhook-id': id,
        'x-shopify-hmac-sha256': base64Hmac(body),
      },
    };
  }
  if (provider === 'woocommerce') {
    const id = `rapport_test_${hex}`;
    const body = JSON.stringify({
      id: 1001,
      number: ORDER_NUMBER,
      status: 'processing',
      date_created_gmt: now.toISOString().slice(0, 19),
      total: '12.00',
      currency: 'EUR',
      billing: { email: BUYER.email, first_name: BUYER.first, last_name: BUYER.last },
      line_items: [{ name: 'Sample product', sku: 'SAMPLE-1', quantity: 1, price: 12 }],
    });
    return {
      id,
      topic: 'order.created',
      body,
      headers: {
        'x-wc-webhook-topic': 'order.created',
        'x-wc-webhook-delivery-id': id,
        'x-wc-webhook-signature': base64Hmac(body),
      },
    };
  }
  const id = `evt_rapport_test_${hex}`;
  const created = Math.floor(now.getTime() / 1000);
  const body = JSON.stringify({
    id,
    object: 'event',
    type: 'checkout.session.completed',
    created,
    livemode: false,
    data: {
      object: {
        id: `cs_test_${hex}`,
        object: 'checkout.session',
        payment_intent: `pi_${ORDER_NUMBER}`,
        amount_total: 1200,
        currency: 'eur',
        created,
        customer_details: { email: BUYER.email, name: `${BUYER.first} ${BUYER.last}` },
      },
    },
  });
  const signature = createHmac('sha256', secret).update(`${created}.`).update(body).digest('hex');
  return {
    id,
    topic: 'checkout.session.completed',
    body,
    headers: { 'stripe-signature': `t=${created},v1=${signature}` },
  };
}
