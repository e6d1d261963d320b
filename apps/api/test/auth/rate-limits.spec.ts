import { randomBytes } from 'node:crypto';
import type { ApiErrorBody } from '@rapport/domain';
import { parseApiKey } from '../../src/api-keys/api-key-token';
import { ApiKeysService } from '../../src/api-keys/api-keys.service';
import { RATE_LIMITS } from '../../src/rate-limit/rate-limits';
import { createTenant, createUser, mailTo, signedIn } from '../support/factories';
import { withinOneWindow } from '../support/rate-limit-window';
import { startTestApp, type TestApp } from '../support/test-app';
import { cloneTemplate, requiredEnv, TEST_ENV, withClient } from '../support/test-database';

const NO_CLIENT = { ip: null, userAgent: null };

describe('rate limits and lockout', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    // Real limits, on a database of its own so other specs' hits do not count here.
    const url = await cloneTemplate(`rapport_test_${requiredEnv(TEST_ENV.runId)}_limits`);
    testApp = await startTestApp({ DATABASE_URL: url, RATE_LIMIT_MULTIPLIER: '1' });
  });
  afterAll(() => testApp.close());

  it('slows an account down after five wrong passwords, with Retry-After', async () => {
    const user = await createUser(testApp);
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(
        (await testApp.http().post('/api/auth/login', { email: user.email, password: 'wrong guess' })).status,
      ).toBe(401);
    }
    const slowed = await testApp
      .http()
      .post<ApiErrorBody>('/api/auth/login', { email: user.email, password: user.password });
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('pauses sign-ins after ten wrong passwords and emails the account owner', async () => {
    const user = await createUser(testApp);
    await withClient(testApp.ownerUrl, (db) =>
      db.query(
        `INSERT INTO sign_in_failures (email_hash, failed_logins, last_failed_at)
         VALUES (sha256(convert_to(lower($1), 'UTF8')), 9, now() - interval '1 hour')`,
        [user.email],
      ),
    );
    expect(
      (await testApp.http().post('/api/auth/login', { email: user.email, password: 'wrong again' })).status,
    ).toBe(401);
    const locked = await testApp
      .http()
      .post('/api/auth/login', { email: user.email, password: user.password });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    const [notice] = await mailTo(testApp, user.email);
    expect(notice?.subject).toBe('Sign-ins to your Rapport account are paused');
  });

  it('limits password-reset requests per email', async () => {
    const user = await createUser(testApp);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await testApp.http().post('/api/auth/password-reset', { email: user.email })).status);
    }
    expect(statuses).toEqual([202, 202, 202, 429]);
    expect(await mailTo(testApp, user.email)).toHaveLength(3);
  });

  it('limits sign-ups per email alike for an address with an account and one without', async () => {
    const known = await createUser(testApp);
    const unknown = `new-${Date.now()}@example.test`;
    const tries = async (email: string) => {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push(
          (
            await testApp.http().post('/api/auth/signup', {
              businessName: 'Limit Bakery',
              name: 'Lee Limit',
              email,
              password: 'ovens warm before dawn',
              timeZone: 'Europe/Madrid',
              country: 'ES',
            })
          ).status,
        );
      }
      return statuses;
    };
    expect(await tries(known.email)).toEqual([202, 202, 202, 429]);
    expect(await tries(unknown)).toEqual([202, 202, 202, 429]);
    expect(await mailTo(testApp, known.email)).toHaveLength(3);
    expect(await mailTo(testApp, unknown)).toHaveLength(3);
  });

  it('limits sign-in attempts per IP address', async () => {
    let status = 0;
    let attempts = 0;
    while (status !== 429 && attempts < 40) {
      attempts += 1;
      status = (
        await testApp.http().post('/api/auth/login', { email: `ip-${attempts}@example.test`, password: 'x' })
      ).status;
    }
    expect(status).toBe(429);
    expect(attempts).toBeLessThanOrEqual(31);
  });

  it('limits the requests of one API key per minute, and not those of another key', async () => {
    // Made in process: the sign-in limit of this address is used up by the spec above.
    const tenant = await createTenant(testApp);
    const actor = { userId: tenant.owner.id, apiKeyId: null, label: tenant.owner.email, client: NO_CLIENT };
    const newKey = async (keyName: string) =>
      (
        await testApp.app
          .get(ApiKeysService)
          .create(tenant.id, actor, { name: keyName, scopes: ['customers:read'] })
      ).key;
    const [busy, quiet] = [await newKey('busy'), await newKey('quiet')];
    const { limit, windowSeconds, name } = RATE_LIMITS.apiKey;
    expect({ limit, windowSeconds }).toEqual({ limit: 1200, windowSeconds: 60 });
    await withinOneWindow(windowSeconds);
    // All but two of this minute's requests, counted as the limiter counts them.
    const windowStart = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    await withClient(testApp.ownerUrl, (db) =>
      db.query(`INSERT INTO rate_limit_buckets (key, window_start, hits) VALUES ($1, $2, $3)`, [
        `${name}:${parseApiKey(busy)?.keyId}`,
        windowStart,
        limit - 2,
      ]),
    );
    const call = (key: string) => testApp.http().withApiKey(key).get<ApiErrorBody>('/api/customers');
    expect((await call(busy)).status).toBe(200);
    expect((await call(busy)).status).toBe(200);
    const refused = await call(busy);
    expect(refused.status).toBe(429);
    expect(refused.body.error).toBe('too_many_requests');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await call(quiet)).status).toBe(200);
  });

  it('limits how many businesses one signed-in user adds in an hour', async () => {
    const tenant = await createTenant(testApp);
    // The sign-in limit of this address is used up by the specs above.
    await withClient(testApp.ownerUrl, (db) =>
      db.query(`DELETE FROM rate_limit_buckets WHERE key LIKE 'login:%'`),
    );
    const owner = await signedIn(testApp, tenant.owner);
    const { limit, windowSeconds, name } = RATE_LIMITS.businessPerUser;
    await withinOneWindow(windowSeconds);
    const windowMs = windowSeconds * 1000;
    await withClient(testApp.ownerUrl, (db) =>
      db.query(`INSERT INTO rate_limit_buckets (key, window_start, hits) VALUES ($1, $2, $3)`, [
        `${name}:${tenant.owner.id}`,
        new Date(Math.floor(Date.now() / windowMs) * windowMs),
        limit - 1,
      ]),
    );
    const add = (businessName: string) =>
      owner.post<ApiErrorBody>('/api/businesses', {
        name: businessName,
        timeZone: 'Europe/Madrid',
        country: 'ES',
      });
    expect((await add('Last allowed')).status).toBe(201);
    const refused = await add('One too many');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('limits answer-page requests per client address, valid links or not, with Retry-After', async () => {
    const { limit, windowSeconds } = RATE_LIMITS.answerPagePerIp;
    expect({ limit, windowSeconds }).toEqual({ limit: 60, windowSeconds: 60 });
    await withinOneWindow(windowSeconds);
    const statuses: number[] = [];
    for (let request = 0; request <= limit; request++) {
      const token = `${'0'.repeat(32)}.${randomBytes(32).toString('base64url')}`;
      const response = await fetch(`${testApp.baseUrl}/api/a/${token}`);
      await response.arrayBuffer();
      statuses.push(response.status);
      if (response.status === 429) {
        expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      }
    }
    expect(statuses.slice(0, limit).every((status) => status !== 429)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
