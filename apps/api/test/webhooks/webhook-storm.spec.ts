import type { CreatedWebhookEndpointResponse, EndpointDeliveryResponse, Page } from '@rapport/domain';
import { appWithTenant } from '../support/spec-app';
import { WebhookReceiver } from '@rapport/webhook-receiver';

const EVENTS = 200;

/** A small deterministic generator: the same storm on every run. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * A storm: 200 events to a receiver that is slow and fails one request in five (500s and 429s). Every event
 * is delivered once (the process does not die, so nothing arrives twice), and the spec prints how long it
 * took and how many tries it needed.
 */
describe('webhook deliveries through a storm', () => {
  const spec = appWithTenant(
    { name: 'Storm Hooks' },
    { OUTGOING_RETRY_DELAY_SECONDS: '1', OUTGOING_CONCURRENCY: '8', OUTGOING_TIMEOUT_MS: '2000' },
  );
  const receiver = new WebhookReceiver();

  beforeAll(async () => {
    await receiver.start();
    const random = generator(2026_12_07);
    receiver.delayMs = 30;
    receiver.statusOf = () => {
      const roll = random();
      return roll < 0.15 ? 500 : roll < 0.2 ? 429 : 200;
    };
  });
  afterAll(() => receiver.stop());

  it('delivers every event once, retrying the failed tries', async () => {
    const endpoint = await spec.owner.post<CreatedWebhookEndpointResponse>('/api/webhook-endpoints', {
      url: receiver.url,
      events: ['case.opened'],
    });
    const started = Date.now();
    const sent: string[] = [];
    for (let index = 0; index < EVENTS; index++)
      sent.push(
        (await spec.owner.post<{ eventId: string }>(`/api/webhook-endpoints/${endpoint.body.id}/test`, {}))
          .body.eventId,
      );
    const delivered = () =>
      new Set(
        receiver.received
          .filter((delivery) => delivery.status === 200)
          .map((delivery) => String(delivery.headers['rapport-event-id'])),
      );
    const deadline = Date.now() + 150_000;
    while (delivered().size < EVENTS && Date.now() < deadline)
      await new Promise((wait) => setTimeout(wait, 250));
    const seconds = (Date.now() - started) / 1000;

    const successes = receiver.received.filter((delivery) => delivery.status === 200);
    expect(new Set(successes.map((delivery) => String(delivery.headers['rapport-event-id'])))).toEqual(
      new Set(sent),
    );
    expect(successes).toHaveLength(EVENTS);
    const readLog = async (): Promise<EndpointDeliveryResponse[]> => {
      const items: EndpointDeliveryResponse[] = [];
      let cursor: string | null = null;
      do {
        const after = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
        const page: { body: Page<EndpointDeliveryResponse> } = await spec.owner.get<
          Page<EndpointDeliveryResponse>
        >(`/api/webhook-endpoints/${endpoint.body.id}/deliveries?limit=100${after}`);
        items.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor);
      return items;
    };
    // The last tries are written just after their answer arrives.
    let log = await readLog();
    while (log.some((item) => item.status !== 'delivered') && Date.now() < deadline + 10_000) {
      await new Promise((wait) => setTimeout(wait, 250));
      log = await readLog();
    }
    const tries = log.map((item) => item.attempts);
    expect(log.every((item) => item.status === 'delivered')).toBe(true);
    expect(tries.reduce((sum, count) => sum + count, 0)).toBe(receiver.received.length);
    const most = Math.max(...tries);
    process.stdout.write(
      `webhook storm: ${EVENTS} events, ${receiver.received.length} requests (${receiver.received.length - EVENTS} failed and retried), ` +
        `all delivered in ${seconds.toFixed(1)} s, at most ${most} tries for one event, none twice\n`,
    );
  }, 200_000);
});
