import { type MockBehaviour, SendGridMock } from '@rapport/sendgrid-mock';
import { FollowUpDispatcher } from '../../src/automations/follow-up-dispatcher';
import { planDueMessages } from '../support/due-messages';
import { createTenant } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { withClient } from '../support/test-database';

const MESSAGES = 30;
const TIMEOUT_MS = 300;

/**
 * The mail provider misbehaving while follow-ups go out: a storm of 429s, 5xx answers, answers slower than
 * the request timeout and dropped connections. Every message is sent in the end, none is lost, and a message
 * goes twice only when the provider accepted a request the app had given up waiting for.
 */
describe('follow-ups through a provider in a storm', () => {
  const mock = new SendGridMock();
  let testApp: TestApp;
  let tenantId: string;

  beforeAll(async () => {
    const baseUrl = await mock.start();
    testApp = await startTestApp({
      SENDGRID_API_KEY: 'SG.storm',
      SENDGRID_BASE_URL: baseUrl,
      SENDGRID_TIMEOUT_MS: String(TIMEOUT_MS),
    });
    tenantId = (await createTenant(testApp)).id;
  });
  afterAll(async () => {
    await testApp.close();
    await mock.stop();
  });

  it('retries with backoff until every message is sent, and loses none', async () => {
    await planDueMessages(testApp.ownerUrl, tenantId, MESSAGES, 'storm-');
    const times = (count: number, behaviour: MockBehaviour) => Array.from({ length: count }, () => behaviour);
    // Mixed, as a real storm comes: requests take these in turn until none is left, then succeed.
    const storm = interleave(
      times(20, { kind: 'rate-limit', resetSeconds: 1 }),
      times(8, { kind: 'server-error', status: 503 }),
      times(6, { kind: 'reset-connection' }),
      times(3, { kind: 'slow', delayMs: TIMEOUT_MS + 200 }),
    );
    mock.failNext(...storm);
    const dispatcher = testApp.app.get(FollowUpDispatcher);
    // Messages whose every attempt failed wait for their retry time; the test moves the clock past it.
    for (let hour = 0; hour < 8 && (await unsent()) > 0; hour++) {
      await dispatcher.dispatchDue(new Date(Date.now() + hour * 3_600_000));
    }
    expect(await unsent()).toBe(0);
    expect(mock.requestCount).toBeGreaterThan(MESSAGES + storm.length - 1);

    const sentIds = await withClient(testApp.ownerUrl, async (db) => {
      const { rows } = await db.query<{ id: string; status: string; provider_message_id: string }>(
        `SELECT id, status, provider_message_id FROM messages WHERE tenant_id = $1`,
        [tenantId],
      );
      expect(rows.map((row) => row.status)).toEqual(Array.from({ length: MESSAGES }, () => 'sent'));
      return rows;
    });
    const accepted = new Map<string, string[]>();
    for (const mail of mock.received) {
      const id = mail.body.custom_args?.['message_id'] ?? '';
      accepted.set(id, [...(accepted.get(id) ?? []), mail.messageId]);
    }
    // Each message's recorded provider id is one the provider gave it.
    for (const row of sentIds) expect(accepted.get(row.id)).toContain(row.provider_message_id);
    // Twice only for a request the app timed out on while the provider went on to accept it.
    const twice = [...accepted.values()].filter((ids) => ids.length > 1);
    expect(twice.length).toBeLessThanOrEqual(3);
  }, 120_000);

  it('leaves a message sent once when its lease runs out while the send is still in flight', async () => {
    await planDueMessages(testApp.ownerUrl, tenantId, 1, 'stalled-');
    // The provider takes its time; meanwhile a dispatcher whose clock is past the lease claims it again.
    mock.failNext({ kind: 'slow', delayMs: TIMEOUT_MS - 50 });
    const dispatcher = testApp.app.get(FollowUpDispatcher);
    const now = new Date();
    await Promise.all([
      dispatcher.dispatchDue(now),
      new Promise((wait) => setTimeout(wait, 100)).then(() =>
        dispatcher.dispatchDue(new Date(now.getTime() + 10 * 60_000)),
      ),
    ]);
    const [row] = await withClient(testApp.ownerUrl, async (db) => {
      const { rows } = await db.query<{ id: string; status: string; skip_reason: string | null }>(
        `SELECT m.id, m.status, m.skip_reason FROM messages m JOIN customers c ON c.tenant_id = m.tenant_id AND c.id = m.customer_id
          WHERE m.tenant_id = $1 AND c.email LIKE 'stalled-%'`,
        [tenantId],
      );
      return rows;
    });
    expect(row).toMatchObject({ status: 'sent', skip_reason: null });
    expect(mock.received.filter((mail) => mail.body.custom_args?.['message_id'] === row?.id)).toHaveLength(1);
  });

  async function unsent(): Promise<number> {
    return withClient(testApp.ownerUrl, async (db) => {
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM messages WHERE tenant_id = $1 AND status <> 'sent'`,
        [tenantId],
      );
      return rows[0]?.n ?? 0;
    });
  }
});

/** One of each list in turn: [a1, b1, c1, a2, b2, ...]. */
function interleave<T>(...lists: T[][]): T[] {
  const longest = Math.max(...lists.map((list) => list.length));
  return Array.from({ length: longest }, (_, index) =>
    lists.flatMap((list) => list.slice(index, index + 1)),
  ).flat();
}
