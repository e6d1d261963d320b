import { randomBytes } from 'node:crypto';
import { RATE_LIMITS } from '../../src/rate-limit/rate-limits';
import { withinOneWindow } from '../support/rate-limit-window';
import { startTestApp, type TestApp } from '../support/test-app';
import { cloneTemplate, requiredEnv, TEST_ENV } from '../support/test-database';

const { limit, windowSeconds } = RATE_LIMITS.answerPagePerIp;

/** Real limits, each app on a database of its own so their counters do not mix. */
async function appWithRealLimits(name: string, env: Record<string, string> = {}): Promise<TestApp> {
  const url = await cloneTemplate(`rapport_test_${requiredEnv(TEST_ENV.runId)}_${name}`);
  return startTestApp({ DATABASE_URL: url, RATE_LIMIT_MULTIPLIER: '1', ...env });
}

async function openAnswerPage(testApp: TestApp, forwardedFor?: string): Promise<number> {
  const token = `${'0'.repeat(32)}.${randomBytes(32).toString('base64url')}`;
  const response = await fetch(`${testApp.baseUrl}/api/a/${token}`, {
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  });
  await response.arrayBuffer();
  return response.status;
}

describe('the client address behind a proxy', () => {
  let direct: TestApp;
  let proxied: TestApp;
  beforeAll(async () => {
    direct = await appWithRealLimits('proxies_none');
    proxied = await appWithRealLimits('proxies_trusted', { TRUSTED_PROXIES: '127.0.0.1' });
  });
  afterAll(async () => {
    await direct.close();
    await proxied.close();
  });

  it('ignores X-Forwarded-For by default: a client cannot pose as many to escape its limit', async () => {
    await withinOneWindow(windowSeconds);
    const statuses: number[] = [];
    for (let request = 0; request <= limit; request++) {
      statuses.push(await openAnswerPage(direct, `198.51.100.${request % 250}`));
    }
    expect(statuses.slice(0, limit)).not.toContain(429);
    expect(statuses.at(-1)).toBe(429);
  });

  it('counts each forwarded client on its own when the proxy is trusted', async () => {
    await withinOneWindow(windowSeconds);
    const statuses: number[] = [];
    for (let request = 0; request <= limit; request++) {
      statuses.push(await openAnswerPage(proxied, '203.0.113.7'));
    }
    expect(statuses.slice(0, limit)).not.toContain(429);
    expect(statuses.at(-1)).toBe(429);
    expect(await openAnswerPage(proxied, '203.0.113.8')).not.toBe(429);
    // The proxy's own requests (no header) are a client of their own too.
    expect(await openAnswerPage(proxied)).not.toBe(429);
  });
});
