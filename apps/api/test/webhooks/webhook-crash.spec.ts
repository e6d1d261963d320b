import type { CreatedWebhookEndpointResponse, EndpointDeliveryResponse, Page } from '@rapport/domain';
import type { TestTenant } from '../support/factories';
import { assertBuilt, type BuiltApp, databaseWithBusiness, startBuiltApp, until } from '../support/built-app';
import { HttpClient } from '../support/http-client';
import { WebhookReceiver } from '@rapport/webhook-receiver';

const EVENTS = 40;
const IN_FLIGHT = 4;
const ENV = {
  OUTGOING_ALLOW_PRIVATE_TARGETS: 'true',
  OUTGOING_TIMEOUT_MS: '3000',
  OUTGOING_RETRY_DELAY_SECONDS: '1',
  OUTGOING_CONCURRENCY: String(IN_FLIGHT),
  JOBS_POLLING_SECONDS: '1',
  JOBS_MAINTENANCE_SECONDS: '2',
};

/**
 * The built app, killed with SIGKILL while it delivers events to a slow receiver: after a restart every
 * event arrives at least once, and only the deliveries that were in flight at the kill may arrive twice
 * (at most the number in flight at once), each with the same event id.
 */
describe('webhook deliveries whose app was killed mid-delivery', () => {
  let databaseUrl: string;
  let tenant: TestTenant;
  let child: BuiltApp | undefined;
  const receiver = new WebhookReceiver();

  beforeAll(async () => {
    assertBuilt();
    ({ databaseUrl, tenant } = await databaseWithBusiness('webhook_crash', { name: 'Crash Hooks' }));
    await receiver.start();
    receiver.delayMs = 400;
  });
  afterAll(async () => {
    await child?.kill();
    await receiver.stop();
  });

  it('delivers every event at least once after a restart, and says which arrived twice', async () => {
    child = await startBuiltApp(databaseUrl, ENV);
    const owner = new HttpClient(child.baseUrl);
    await until(async () => (await fetch(`${owner.baseUrl}/api/health`).catch(() => null))?.ok === true);
    await owner.signIn(tenant.owner.email, tenant.owner.password);
    const endpoint = await owner.post<CreatedWebhookEndpointResponse>('/api/webhook-endpoints', {
      url: receiver.url,
      events: ['case.opened'],
    });
    expect(endpoint.status).toBe(201);
    const sent: string[] = [];
    for (let index = 0; index < EVENTS; index++) {
      const test = await owner.post<{ eventId: string }>(
        `/api/webhook-endpoints/${endpoint.body.id}/test`,
        {},
      );
      expect(test.status).toBe(202);
      sent.push(test.body.eventId);
    }
    await until(() => receiver.received.length >= 8, 30_000);
    await child.kill();
    const atKill = receiver.received.length;
    expect(atKill).toBeLessThan(EVENTS);

    child = await startBuiltApp(databaseUrl, ENV);
    await until(async () => (await fetch(`${child?.baseUrl}/api/health`).catch(() => null))?.ok === true);
    const ids = () =>
      new Set(receiver.received.map((delivery) => String(delivery.headers['rapport-event-id'])));
    await until(() => sent.every((id) => ids().has(id)), 90_000);

    const counts = new Map<string, number>();
    for (const delivery of receiver.received) {
      const id = String(delivery.headers['rapport-event-id']);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const twice = [...counts].filter(([, count]) => count > 1).map(([id]) => id);
    // Only what was in flight when the process died can come again.
    expect(twice.length).toBeLessThanOrEqual(IN_FLIGHT);
    expect([...counts.keys()].sort()).toEqual([...sent].sort());

    const restarted = new HttpClient(child.baseUrl);
    await restarted.signIn(tenant.owner.email, tenant.owner.password);
    let log: EndpointDeliveryResponse[] = [];
    await until(async () => {
      log = (
        await restarted.get<Page<EndpointDeliveryResponse>>(
          `/api/webhook-endpoints/${endpoint.body.id}/deliveries?limit=100`,
        )
      ).body.items;
      return log.length === EVENTS && log.every((item) => item.status === 'delivered');
    }, 30_000);
    expect(log.filter((item) => item.status === 'delivered')).toHaveLength(EVENTS);
    process.stdout.write(
      `webhook crash: ${EVENTS} events, ${atKill} received before the kill, ${twice.length} received twice (at most ${IN_FLIGHT} in flight)\n`,
    );
  }, 180_000);
});
