import type { ApiErrorBody } from '@rapport/domain';
import { createUser, mailTo } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { cloneTemplate, requiredEnv, TEST_ENV, withClient } from '../support/test-database';

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
        `UPDATE users SET failed_logins = 9, last_failed_login_at = now() - interval '1 hour' WHERE id = $1`,
        [user.id],
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
});
