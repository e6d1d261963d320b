import { createHash, randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { assertBuilt, type BuiltApp, databaseWithBusiness, startBuiltApp, until } from '../support/built-app';
import type { TestTenant } from '../support/factories';

const fingerprint = (secret: string) => createHash('sha256').update(secret).digest('hex').slice(0, 6);

/** The built app with its JSON logs on stdout, as production runs it: no secret of a URL reaches them. */
describe('request logs', () => {
  let child: BuiltApp | undefined;
  let tenant: TestTenant;
  const inboundSecret = randomBytes(24).toString('hex');

  beforeAll(async () => {
    assertBuilt();
    let databaseUrl: string;
    ({ databaseUrl, tenant } = await databaseWithBusiness('log_secrets'));
    child = await startBuiltApp(databaseUrl, { LOG_LEVEL: 'info', INBOUND_PARSE_SECRET: inboundSecret });
    const baseUrl = child.baseUrl;
    await until(async () => (await fetch(`${baseUrl}/api/health`).catch(() => null))?.ok === true);
  }, 60_000);
  afterAll(async () => {
    await child?.stop();
  });

  function buyerToken(): string {
    return `${tenant.id.replace(/-/g, '')}.${randomBytes(32).toString('base64url')}`;
  }

  it("logs buyers' links, invitations and the Inbound Parse path with a hash instead of the secret", async () => {
    const app = child as BuiltApp;
    const [answer, unsubscribe, honeypot, invitation] = [
      buyerToken(),
      buyerToken(),
      buyerToken(),
      buyerToken(),
    ];
    const email = `maya-${Date.now()}@harbour.example`;
    const calls: [string, string][] = [
      ['GET', `/api/a/${answer}?score=9`],
      ['POST', `/api/a/${answer}`],
      ['POST', `/api/a/${answer}/review`],
      ['GET', `/api/u/${unsubscribe}`],
      ['POST', `/api/u/${unsubscribe}`],
      ['GET', `/api/h/${honeypot}`],
      ['GET', `/api/invitations/${invitation}`],
      ['POST', `/api/inbound/${inboundSecret}`],
      ['GET', `/api/dev/mailbox?to=${encodeURIComponent(email)}`],
    ];
    for (const [method, path] of calls) {
      const response = await fetch(`${app.baseUrl}${path}`, {
        method,
        ...(method === 'POST'
          ? { body: 'q.score=9', headers: { 'content-type': 'application/x-www-form-urlencoded' } }
          : {}),
      });
      await response.arrayBuffer();
    }
    const expected = [
      `/api/a/:token#${fingerprint(answer)}?score`,
      `/api/a/:token#${fingerprint(answer)}/review`,
      `/api/u/:token#${fingerprint(unsubscribe)}`,
      `/api/h/:token#${fingerprint(honeypot)}`,
      `/api/invitations/:token#${fingerprint(invitation)}`,
      `/api/inbound/:secret#${fingerprint(inboundSecret)}`,
      '/api/dev/mailbox?to',
    ];
    await until(() => expected.every((url) => app.output().includes(`"url":"${url}"`)), 10_000);

    const lines = app.output().split('\n').filter(Boolean);
    const requestLines = lines.filter((line) => line.includes('"req":'));
    expect(requestLines.length).toBeGreaterThanOrEqual(calls.length);
    for (const secret of [answer, unsubscribe, honeypot, invitation, inboundSecret]) {
      // The secret parts only: the tenant id before the dot names the business, which is no secret.
      const secretPart = secret.split('.').at(-1) ?? secret;
      expect(lines.filter((line) => line.includes(secretPart))).toEqual([]);
    }
    expect(lines.filter((line) => line.includes(email) || line.includes(encodeURIComponent(email)))).toEqual(
      [],
    );
  }, 60_000);

  it("keeps Nest's start-up wiring (a line per module and per route) out of the info-level log", () => {
    const lines = (child as BuiltApp).output().split('\n');
    expect(
      lines.filter((line) => /"context":"(RouterExplorer|RoutesResolver|InstanceLoader)"/.test(line)),
    ).toEqual([]);
    expect(lines.some((line) => line.includes('"level":30'))).toBe(true);
  });

  it('hashes the secret of a request line that names the whole URL (absolute form)', async () => {
    const app = child as BuiltApp;
    const [answer, unsubscribe] = [buyerToken(), buyerToken()];
    const { port } = new URL(app.baseUrl);
    const targets = [
      `http://rapport.example/api/a/${answer}`,
      `http://rapport.example/api/u/${unsubscribe}`,
      `http://rapport.example/api/inbound/${inboundSecret}`,
    ];
    for (const target of targets) {
      // fetch always sends the path only; http.request sends `path` as written in the request line.
      await new Promise<void>((resolve, reject) => {
        const call = httpRequest({ host: '127.0.0.1', port, method: 'GET', path: target }, (response) => {
          response.resume();
          response.on('end', resolve);
        });
        call.on('error', reject);
        call.end();
      });
    }
    await until(() => app.output().includes(`/api/inbound/:secret#${fingerprint(inboundSecret)}`), 10_000);
    const lines = app.output().split('\n').filter(Boolean);
    for (const secret of [answer, unsubscribe, inboundSecret]) {
      const secretPart = secret.split('.').at(-1) ?? secret;
      expect(lines.filter((line) => line.includes(secretPart))).toEqual([]);
    }
  }, 60_000);
});
