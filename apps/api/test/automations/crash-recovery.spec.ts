import { SendGridMock } from '@rapport/sendgrid-mock';
import { FollowUpDispatcher, MAX_SENDS_IN_FLIGHT } from '../../src/automations/follow-up-dispatcher';
import { planDueMessages } from '../support/due-messages';
import { assertBuilt, type BuiltApp, databaseWithBusiness, startBuiltApp, until } from '../support/built-app';
import { startTestApp } from '../support/test-app';
import { withClient } from '../support/test-database';

const MESSAGES = 40;

/**
 * The built app, killed with SIGKILL in the middle of a batch: after a restart nothing is lost, and the only
 * messages that may go twice are those whose send was in flight (SendGrid accepted; the row was not marked).
 */
describe('a dispatcher killed in the middle of a batch', () => {
  const mock = new SendGridMock();
  let databaseUrl: string;
  let tenantId: string;
  let child: BuiltApp | undefined;

  beforeAll(async () => {
    assertBuilt();
    await mock.start();
    ({
      databaseUrl,
      tenant: { id: tenantId },
    } = await databaseWithBusiness('crash'));
    await planDueMessages(databaseUrl, tenantId, MESSAGES, 'crash-');
  });
  afterAll(async () => {
    await child?.kill();
    await mock.stop();
  });

  it('loses nothing, and sends twice only messages whose send was in flight', async () => {
    // Each send takes a while, so the kill lands with the batch half done.
    mock.failNext(...Array.from({ length: MESSAGES }, () => ({ kind: 'slow' as const, delayMs: 150 })));
    child = await startBuiltApp(databaseUrl, {
      SENDGRID_API_KEY: 'SG.crash-test',
      SENDGRID_BASE_URL: mock.baseUrl,
    });
    // Killed once a few are marked sent: the rest of the batch is in flight or still to send.
    await until(async () => ((await statuses()).get('sent')?.length ?? 0) >= 4, 30_000);
    await child.kill();
    // A request the mock was still answering may land now: SendGrid accepted it, the row was not marked.
    await new Promise((wait) => setTimeout(wait, 500));

    const atKill = await statuses();
    expect(atKill.get('sent')?.length ?? 0).toBeGreaterThanOrEqual(4);
    expect(atKill.get('sent')?.length ?? 0).toBeLessThan(MESSAGES);
    // Claimed (leased) but not marked, or not claimed yet: every message is in one of the three states.
    const inDoubt = new Set(atKill.get('sending') ?? []);
    const unclaimed = atKill.get('scheduled')?.length ?? 0;
    expect(inDoubt.size + unclaimed + (atKill.get('sent')?.length ?? 0)).toBe(MESSAGES);

    // Restarted: the lease of what the dead process claimed runs out, and another dispatcher finishes.
    const restarted = await startTestApp({
      DATABASE_URL: databaseUrl,
      SENDGRID_API_KEY: 'SG.crash-test',
      SENDGRID_BASE_URL: mock.baseUrl,
    });
    try {
      await restarted.app.get(FollowUpDispatcher).dispatchDue(new Date(Date.now() + 6 * 60_000));
    } finally {
      await restarted.close();
    }

    const after = await statuses();
    expect(after.get('sent')).toHaveLength(MESSAGES);
    const sends = new Map<string, number>();
    for (const mail of mock.received) {
      const id = mail.body.custom_args?.['message_id'] ?? '';
      sends.set(id, (sends.get(id) ?? 0) + 1);
    }
    expect([...(after.get('sent') ?? [])].every((id) => sends.has(id))).toBe(true);
    const twice = [...sends].filter(([, count]) => count > 1).map(([id]) => id);
    expect(twice.length).toBeLessThanOrEqual(MAX_SENDS_IN_FLIGHT);
    expect(twice.every((id) => inDoubt.has(id))).toBe(true);
  }, 60_000);

  async function statuses(): Promise<Map<string, string[]>> {
    return withClient(databaseUrl, async (db) => {
      const { rows } = await db.query<{ id: string; status: string }>(
        `SELECT id, status FROM messages WHERE tenant_id = $1`,
        [tenantId],
      );
      const byStatus = new Map<string, string[]>();
      for (const row of rows) byStatus.set(row.status, [...(byStatus.get(row.status) ?? []), row.id]);
      return byStatus;
    });
  }
});
