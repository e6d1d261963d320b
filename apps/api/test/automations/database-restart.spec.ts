import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { migrateUp } from '../../src/database/migrator';
import { FollowUpDispatcher } from '../../src/automations/follow-up-dispatcher';
import { planDueMessages } from '../support/due-messages';
import { createTenant, signedIn, type TestTenant } from '../support/factories';
import { findFreePort } from '../support/free-port';
import { startTestApp, type TestApp } from '../support/test-app';
import { withClient } from '../support/test-database';

const SERVER = resolve(__dirname, '../support/postgres-process.mjs');
/** How long the database stays down in the outage spec: 30 s under `npm run test:faults`. */
const OUTAGE_SECONDS = Number(process.env['OUTAGE_SECONDS'] ?? 5);

/** A PostgreSQL server of its own, so stopping it mid-run disturbs no other spec. */
describe('the dispatcher across a database restart', () => {
  let dataDir: string;
  let port: number;
  let postgres: ChildProcess | undefined;
  let url: string;
  let testApp: TestApp;
  let tenantId: string;
  let tenant: TestTenant;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(resolve(__dirname, '../../../../tmp'), 'restart-pg-'));
    port = await findFreePort();
    postgres = await startServer();
    url = `postgres://postgres:restart-test@127.0.0.1:${port}/postgres`;
    await migrateUp(url);
    testApp = await startTestApp({ DATABASE_URL: url });
    tenant = await createTenant(testApp);
    tenantId = tenant.id;
  }, 60_000);
  afterAll(async () => {
    await testApp?.close().catch(() => undefined);
    await stopServer();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function startServer(): Promise<ChildProcess> {
    const server = spawn(process.execPath, [SERVER, dataDir, String(port)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((ready, fail) => {
      server.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && ready());
      server.once('exit', (code) => fail(new Error(`PostgreSQL exited with ${code}`)));
    });
    return server;
  }

  async function stopServer(): Promise<void> {
    const server = postgres;
    postgres = undefined;
    if (!server || server.exitCode !== null) return;
    const exited = new Promise((done) => server.once('exit', done));
    server.kill('SIGTERM');
    await exited;
  }

  const planDue = (prefix: string, count: number) => planDueMessages(url, tenantId, count, prefix);

  async function sentCount(): Promise<number> {
    return withClient(url, async (db) => {
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM messages WHERE tenant_id = $1 AND status = 'sent'`,
        [tenantId],
      );
      return rows[0]?.n ?? 0;
    });
  }

  it('keeps ticking while the database is down and sends again once it is back, without a restart of its own', async () => {
    const dispatcher = testApp.app.get(FollowUpDispatcher);
    await planDue('before-', 5);
    await dispatcher.tick();
    expect(await sentCount()).toBe(5);

    await stopServer();
    await expect(dispatcher.dispatchDue(new Date())).rejects.toThrow();
    // The tick reports the failure and returns; the interval keeps calling it.
    await expect(dispatcher.tick()).resolves.toBeUndefined();
    await expect(dispatcher.tick()).resolves.toBeUndefined();

    postgres = await startServer();
    await planDue('after-', 5);
    for (let attempt = 0; attempt < 5 && (await sentCount()) < 10; attempt++) await dispatcher.tick();
    expect(await sentCount()).toBe(10);
  }, 60_000);

  it(
    'answers 503 at once while the database is stopped, and serves again by itself once it is back',
    async () => {
      const staff = await signedIn(testApp, tenant.owner);
      expect((await staff.get('/api/customers')).status).toBe(200);

      await stopServer();
      const stoppedAt = Date.now();
      const answers: { status: number; error: unknown; ms: number; retryAfter: string | null }[] = [];
      while (Date.now() - stoppedAt < OUTAGE_SECONDS * 1000) {
        const started = Date.now();
        const response = await fetch(`${testApp.baseUrl}/api/customers`, {
          headers: { cookie: staff.sessionCookie ?? '' },
        });
        const body = (await response.json()) as { error?: unknown };
        answers.push({
          status: response.status,
          error: body.error,
          ms: Date.now() - started,
          retryAfter: response.headers.get('retry-after'),
        });
        expect((await fetch(`${testApp.baseUrl}/api/health`)).status).toBe(503);
        await new Promise((wait) => setTimeout(wait, 1000));
      }
      expect(answers.length).toBeGreaterThanOrEqual(OUTAGE_SECONDS - 1);
      for (const answer of answers) {
        expect(answer).toMatchObject({ status: 503, error: 'unavailable', retryAfter: '5' });
        // Refused, not hanging: well under the pool's 5 s connection timeout.
        expect(answer.ms).toBeLessThan(2000);
      }

      postgres = await startServer();
      let status = 0;
      for (let attempt = 0; attempt < 20 && status !== 200; attempt++) {
        status = (await staff.get('/api/customers')).status;
        if (status !== 200) await new Promise((wait) => setTimeout(wait, 250));
      }
      expect(status).toBe(200);
      expect((await fetch(`${testApp.baseUrl}/api/health`)).status).toBe(200);
    },
    60_000 + OUTAGE_SECONDS * 2000,
  );
});
