import type {
  ApiErrorBody,
  GettingStartedResponse,
  IntegrationResponse,
  ShopProvider,
  TestDeliveryResponse,
} from '@rapport/domain';
import { FollowUpPlanner } from '../../src/automations/follow-up-planner';
import { createTenant, signedIn, type TestTenant } from '../support/factories';
import { findFreePort } from '../support/free-port';
import type { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';
import { withClient } from '../support/test-database';

const PROVIDERS: ShopProvider[] = ['shopify', 'woocommerce', 'stripe'];

describe('sending a test delivery to a connected shop', () => {
  let testApp: TestApp;
  let tenant: TestTenant;
  let owner: HttpClient;

  beforeAll(async () => {
    // The app posts to its own public address, as a shop would: here, the port it listens on.
    const port = await findFreePort();
    testApp = await startTestApp({ PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` });
    tenant = await createTenant(testApp, { name: 'Test Delivery Bakery' });
    owner = await signedIn(testApp, tenant.owner);
    for (const provider of PROVIDERS) {
      expect(
        (await owner.put(`/api/integrations/${provider}`, { secret: `secret-${provider}` })).status,
      ).toBe(204);
    }
  });
  afterAll(() => testApp.close());

  /** Rows a delivery may write besides its own record: none for a test. */
  async function writtenRows(tenantId: string): Promise<Record<string, number>> {
    return withClient(testApp.ownerUrl, async (db) => {
      const counts: Record<string, number> = {};
      for (const table of ['customers', 'orders', 'order_lines', 'order_events', 'messages', 'products']) {
        const { rows } = await db.query<{ count: number }>(
          `SELECT count(*)::int AS count FROM ${table} WHERE tenant_id = $1`,
          [tenantId],
        );
        counts[table] = rows[0]?.count ?? -1;
      }
      return counts;
    });
  }

  const integration = async (client: HttpClient, provider: ShopProvider) =>
    (await client.get<IntegrationResponse[]>('/api/integrations')).body.find(
      (item) => item.provider === provider,
    );

  it.each(PROVIDERS)(
    'posts a signed %s sample to its webhook address, which verifies and reads it, and stores no buyer, order or follow-up',
    async (provider) => {
      const result = await owner.post<TestDeliveryResponse>(`/api/integrations/${provider}/test-delivery`);

      expect(result.status).toBe(200);
      expect(result.body.isReceived).toBe(true);
      expect(result.body.delivery).toMatchObject({ isTest: true, outcome: 'processed' });
      expect(result.body.delivery.message).toMatch(
        /^Test delivery received and verified: order .*TEST-1001 for test-buyer@example\.com would be created; nothing was stored$/,
      );
      await testApp.app.get(FollowUpPlanner).planPending(new Date());
      expect(Object.values(await writtenRows(tenant.id))).toEqual([0, 0, 0, 0, 0, 0]);
      const shop = await integration(owner, provider);
      // Still waiting for the shop's own first delivery; the test shows as such.
      expect(shop?.state).toBe('waiting');
      expect(shop?.latestTest).toEqual(result.body.delivery);
      expect(shop?.deliveries[0]).toEqual(result.body.delivery);
    },
  );

  it('leaves the getting-started step of a first shop delivery to the shop', async () => {
    const checklist = await owner.get<GettingStartedResponse>('/api/getting-started');
    const shopStep = checklist.body.items.find((item) => item.step === 'shop-or-api-key');
    expect(shopStep?.isDone).toBe(false);
  });

  it('never applies a delivery that carries a test id Rapport did not send', async () => {
    const { createHmac } = await import('node:crypto');
    const body = JSON.stringify({
      name: '#FORGED-1',
      email: 'forged@example.com',
      created_at: new Date().toISOString(),
      total_price: '1.00',
      currency: 'USD',
    });
    const response = await fetch(`${testApp.baseUrl}/api/webhooks/shopify/${tenant.id}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-shopify-topic': 'orders/create',
        'x-shopify-webhook-id': `rapport_test_${'0'.repeat(32)}`,
        'x-shopify-hmac-sha256': createHmac('sha256', 'secret-shopify').update(body).digest('base64'),
      },
      body,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      outcome: 'refused',
      message: 'Not a test delivery Rapport sent; nothing was stored',
    });
    expect((await writtenRows(tenant.id))['orders']).toBe(0);
  });

  it('answers 404 for a shop the business has not connected, whoever else connected it, and 400 naming an unknown provider', async () => {
    const stranger = await createTenant(testApp);
    const client = await signedIn(testApp, stranger.owner);
    const before = await integration(owner, 'shopify');
    expect((await client.post('/api/integrations/shopify/test-delivery')).status).toBe(404);
    expect(await integration(owner, 'shopify')).toEqual(before);
    expect(Object.values(await writtenRows(stranger.id))).toEqual([0, 0, 0, 0, 0, 0]);
    const unknown = await owner.post<ApiErrorBody>('/api/integrations/square/test-delivery');
    expect(unknown.status).toBe(400);
    expect(unknown.body.details?.map((detail) => detail.field)).toEqual(['provider']);
  });

  it('is in the OpenAPI document', async () => {
    const document = await testApp
      .http()
      .get<{ paths: Record<string, Record<string, unknown>> }>('/api/docs/openapi.json');
    expect(Object.keys(document.body.paths['/api/integrations/{provider}/test-delivery'] ?? {})).toEqual([
      'post',
    ]);
  });
  // Last: closing a second app in this process disconnects the database driver the apps share.
  it('says why when the webhook address cannot be reached', async () => {
    const nowhere = await findFreePort();
    const unreachable = await startTestApp({ PUBLIC_URL: `http://127.0.0.1:${nowhere}` });
    try {
      const other = await createTenant(unreachable);
      const client = await signedIn(unreachable, other.owner);
      expect((await client.put('/api/integrations/stripe', { secret: 'whsec_unreachable' })).status).toBe(
        204,
      );
      const result = await client.post<TestDeliveryResponse>('/api/integrations/stripe/test-delivery');
      expect(result.status).toBe(200);
      expect(result.body.isReceived).toBe(false);
      expect(result.body.delivery).toMatchObject({ isTest: true, outcome: 'failed' });
      expect(result.body.delivery.message).toMatch(
        new RegExp(
          `^Could not post to http://127\\.0\\.0\\.1:${nowhere}/api/webhooks/stripe/${other.id} \\(`,
        ),
      );
      expect((await integration(client, 'stripe'))?.latestTest?.outcome).toBe('failed');
      expect((await integration(client, 'stripe'))?.state).toBe('waiting');
    } finally {
      await unreachable.close();
    }
  });

  it("keeps the shop's own deliveries on the list however many tests were sent, and only the latest test", async () => {
    // A real delivery refused for its date: it must stay in sight.
    await withClient(testApp.ownerUrl, (db) =>
      db.query(
        `INSERT INTO webhook_deliveries (tenant_id, provider, delivery_id, topic, outcome, message, received_at)
         VALUES ($1, 'shopify', 'real-1', 'orders/create', 'failed', 'created_at is not a date', now() - interval '1 minute')`,
        [tenant.id],
      ),
    );
    for (let sent = 0; sent < 11; sent += 1) await owner.post(`/api/integrations/shopify/test-delivery`);
    const shop = await integration(owner, 'shopify');
    expect(shop?.deliveries.filter((delivery) => delivery.isTest)).toHaveLength(1);
    expect(shop?.deliveries.map((delivery) => delivery.deliveryId)).toContain('real-1');
  });
});
