import { createHmac, randomUUID } from 'node:crypto';
import type { IntegrationResponse, OrderResponse, Page } from '@rapport/domain';
import { addMember, createTenant, createUser, signedIn } from '../support/factories';
import { appWithTenant } from '../support/spec-app';

const SECRETS = {
  shopify: 'shpss_test_secret_1234',
  woocommerce: 'woo-secret-5678',
  stripe: 'whsec_test_9012',
};

describe('shop webhooks', () => {
  const spec = appWithTenant({ name: 'Webhook Bakery' });

  beforeAll(async () => {
    for (const [provider, secret] of Object.entries(SECRETS)) {
      expect((await spec.owner.put(`/api/integrations/${provider}`, { secret })).status).toBe(204);
    }
  });

  function post(provider: string, body: string, headers: Record<string, string>, tenantId = spec.tenant.id) {
    return fetch(`${spec.testApp.baseUrl}/api/webhooks/${provider}/${tenantId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  }

  const shopifyOrder = (name: string) =>
    JSON.stringify({
      id: 820982911946154500,
      name,
      email: 'Jon@Example.com',
      created_at: '2026-11-20T09:30:00-05:00',
      total_price: '24.00',
      currency: 'USD',
      customer_locale: 'es-ES',
      customer: { id: 115310627314723950, first_name: 'Jon', last_name: 'Snow', phone: null },
      line_items: [{ title: 'Rye loaf', sku: 'RYE-1', quantity: 3, price: '8.00' }],
    });
  const shopifyHeaders = (body: string, topic: string, secret = SECRETS.shopify) => ({
    'x-shopify-hmac-sha256': createHmac('sha256', secret).update(body).digest('base64'),
    'x-shopify-topic': topic,
    'x-shopify-webhook-id': randomUUID(),
  });

  async function ordersNamed(search: string): Promise<OrderResponse[]> {
    return (await spec.owner.get<Page<OrderResponse>>(`/api/orders?search=${encodeURIComponent(search)}`))
      .body.items;
  }

  const stateOf = async (provider: string) =>
    (await spec.owner.get<IntegrationResponse[]>('/api/integrations')).body.find(
      (item) => item.provider === provider,
    )?.state;

  it('says each connected shop is waiting for its first delivery until one arrives', async () => {
    expect(await Promise.all(['shopify', 'woocommerce', 'stripe'].map(stateOf))).toEqual([
      'waiting',
      'waiting',
      'waiting',
    ]);
    const other = await signedIn(spec.testApp, (await createTenant(spec.testApp)).owner);
    const states = (await other.get<IntegrationResponse[]>('/api/integrations')).body.map(
      (item) => item.state,
    );
    expect(states).toEqual(['not-connected', 'not-connected', 'not-connected']);
  });

  it('creates the order and its buyer from a signed Shopify orders/create', async () => {
    const body = shopifyOrder('#S1001');
    const response = await post('shopify', body, shopifyHeaders(body, 'orders/create'));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ outcome: 'processed' });
    const [order] = await ordersNamed('#S1001');
    expect(order).toMatchObject({
      source: 'shopify',
      status: 'placed',
      total: '24.00',
      currency: 'USD',
      placedAt: '2026-11-20T14:30:00.000Z',
      customer: { email: 'jon@example.com', name: 'Jon Snow' },
    });
    expect(order?.lines).toEqual([
      expect.objectContaining({ productName: 'Rye loaf', quantity: 3, unitPrice: '8.00' }),
    ]);
  });

  it('refuses a wrong or missing signature with 401 and stores nothing', async () => {
    const body = shopifyOrder('#S1002');
    const forged = await post('shopify', body, shopifyHeaders(body, 'orders/create', 'not-the-secret'));
    expect(forged.status).toBe(401);
    const unsigned = await post('shopify', body, {
      'x-shopify-topic': 'orders/create',
      'x-shopify-webhook-id': randomUUID(),
    });
    expect(unsigned.status).toBe(401);
    const tampered = await post(
      'shopify',
      body.replace('24.00', '0.01'),
      shopifyHeaders(body, 'orders/create'),
    );
    expect(tampered.status).toBe(401);
    expect(await ordersNamed('#S1002')).toEqual([]);
    const integrations = await spec.owner.get<IntegrationResponse[]>('/api/integrations');
    const shopify = integrations.body.find((item) => item.provider === 'shopify');
    expect(shopify?.deliveries.map((delivery) => delivery.topic)).not.toContain('orders/create#S1002');
    expect(shopify?.deliveries).toHaveLength(1);
  });

  it('changes nothing when a delivery is replayed', async () => {
    const body = shopifyOrder('#S1003');
    const headers = shopifyHeaders(body, 'orders/create');
    expect((await post('shopify', body, headers)).status).toBe(200);
    const cancel = JSON.stringify({ name: '#S1003', cancelled_at: '2026-11-21T10:00:00Z' });
    const cancelHeaders = shopifyHeaders(cancel, 'orders/cancelled');
    expect((await post('shopify', cancel, cancelHeaders)).status).toBe(200);
    const replay = await post('shopify', body, headers);
    expect(await replay.json()).toMatchObject({ outcome: 'duplicate' });
    const [order] = await ordersNamed('#S1003');
    expect(order).toMatchObject({ status: 'cancelled', cancelledAt: '2026-11-21T10:00:00.000Z' });
  });

  it('answers 404 for a business that has not connected the shop, or does not exist', async () => {
    const other = await createTenant(spec.testApp);
    const body = shopifyOrder('#S1004');
    expect((await post('shopify', body, shopifyHeaders(body, 'orders/create'), other.id)).status).toBe(404);
    expect((await post('shopify', body, shopifyHeaders(body, 'orders/create'), randomUUID())).status).toBe(
      404,
    );
    expect((await post('shopify', body, shopifyHeaders(body, 'orders/create'), 'not-a-tenant')).status).toBe(
      404,
    );
  });

  it('keeps a signed but unusable delivery as failed, with its reason, and answers 200 so it is not retried', async () => {
    const body = JSON.stringify({
      name: '#S1005',
      created_at: '2026-11-20T10:00:00Z',
      total_price: '1.00',
      currency: 'EUR',
    });
    const response = await post('shopify', body, shopifyHeaders(body, 'orders/create'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ outcome: 'refused', message: 'The buyer email is missing' });
    const shopify = (await spec.owner.get<IntegrationResponse[]>('/api/integrations')).body.find(
      (item) => item.provider === 'shopify',
    );
    expect(shopify?.deliveries[0]).toMatchObject({
      outcome: 'failed',
      message: 'The buyer email is missing',
    });
    expect(shopify?.state).toBe('refusing');
    // The next good delivery puts it back to receiving.
    const good = shopifyOrder('#S1006');
    expect((await post('shopify', good, shopifyHeaders(good, 'orders/create'))).status).toBe(200);
    expect(await stateOf('shopify')).toBe('receiving');
  });

  it('follows WooCommerce orders through their statuses, and answers its unsigned ping', async () => {
    const wooOrder = (status: string) =>
      JSON.stringify({
        id: 727,
        number: 'W727',
        status,
        date_created_gmt: '2026-11-19T08:00:00',
        total: '15.00',
        currency: 'EUR',
        billing: { email: 'marie@example.fr', first_name: 'Marie', last_name: 'Curie', phone: '' },
        line_items: [{ name: 'Croissant', sku: '', quantity: 5, price: 3 }],
      });
    const send = (body: string, topic: string) =>
      post('woocommerce', body, {
        'x-wc-webhook-signature': createHmac('sha256', SECRETS.woocommerce).update(body).digest('base64'),
        'x-wc-webhook-topic': topic,
        'x-wc-webhook-delivery-id': randomUUID(),
      });
    expect((await send(wooOrder('processing'), 'order.created')).status).toBe(200);
    expect((await send(wooOrder('completed'), 'order.updated')).status).toBe(200);
    const [order] = await ordersNamed('W727');
    expect(order).toMatchObject({
      source: 'woocommerce',
      status: 'fulfilled',
      placedAt: '2026-11-19T08:00:00.000Z',
    });

    const ping = await fetch(`${spec.testApp.baseUrl}/api/webhooks/woocommerce/${spec.tenant.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'webhook_id=15',
    });
    expect(ping.status).toBe(200);
  });

  it('creates an order from Stripe checkout, refunds it, and refuses stale signatures', async () => {
    const sign = (body: string, at = Math.floor(Date.now() / 1000)) =>
      `t=${at},v1=${createHmac('sha256', SECRETS.stripe).update(`${at}.${body}`).digest('hex')}`;
    const checkout = JSON.stringify({
      id: `evt_${randomUUID()}`,
      type: 'checkout.session.completed',
      created: 1795600000,
      data: {
        object: {
          id: 'cs_test_1',
          payment_intent: 'pi_3Abc',
          amount_total: 4250,
          currency: 'gbp',
          created: 1795600000,
          customer_details: { email: 'ada@example.co.uk', name: 'Ada Lovelace' },
        },
      },
    });
    expect((await post('stripe', checkout, { 'stripe-signature': sign(checkout) })).status).toBe(200);
    expect((await ordersNamed('pi_3Abc'))[0]).toMatchObject({
      total: '42.50',
      currency: 'GBP',
      status: 'placed',
    });

    const refund = JSON.stringify({
      id: `evt_${randomUUID()}`,
      type: 'charge.refunded',
      created: 1795700000,
      data: { object: { id: 'ch_1', payment_intent: 'pi_3Abc' } },
    });
    const stale = await post('stripe', refund, {
      'stripe-signature': sign(refund, Math.floor(Date.now() / 1000) - 600),
    });
    expect(stale.status).toBe(401);
    expect((await ordersNamed('pi_3Abc'))[0]?.status).toBe('placed');
    expect((await post('stripe', refund, { 'stripe-signature': sign(refund) })).status).toBe(200);
    expect((await ordersNamed('pi_3Abc'))[0]?.status).toBe('refunded');
  });

  it('shows each webhook URL and secret to the owner, and hides them from staff', async () => {
    const integrations = await spec.owner.get<IntegrationResponse[]>('/api/integrations');
    expect(integrations.body.map((item) => [item.provider, item.secret])).toEqual([
      ['shopify', SECRETS.shopify],
      ['woocommerce', SECRETS.woocommerce],
      ['stripe', SECRETS.stripe],
    ]);
    expect(integrations.body[0]?.webhookUrl).toMatch(new RegExp(`/api/webhooks/shopify/${spec.tenant.id}$`));
    const staff = await createUser(spec.testApp);
    await addMember(spec.testApp, spec.tenant.id, staff, 'staff');
    expect((await (await signedIn(spec.testApp, staff)).get('/api/integrations')).status).toBe(403);
  });
});
