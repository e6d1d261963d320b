import { SchedulerRegistry } from '@nestjs/schedule';
import fc from 'fast-check';
import { signUpBusiness } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';
import { withClient } from '../support/test-database';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 400);
// A floor well above the usual run time: on two shared cores a whole-suite run has taken over a minute.
jest.setTimeout(Math.max(180_000, RUNS * 60));

interface Operation {
  method: string;
  path: string;
  queryNames: string[];
  bodyFields: string[];
  mediaTypes: string[];
}

/** Tables a refused request may still touch: rate-limit counters and the session's last-seen time. */
const WRITTEN_BY_ANY_REQUEST = new Set(['rate_limit_buckets', 'sessions', 'migrations']);

/** Would end the fuzzing session or the business if a generated input happened to be valid. */
const SESSION_ENDING = new Set([
  'POST /api/auth/logout',
  'POST /api/me/sessions/sign-out-everywhere',
  'DELETE /api/business',
]);

const hostileText = fc.oneof(
  fc.constantFrom('\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '\ud83d', '%00', '1e999', '-1', '', ' '),
  // Dates that match the ISO 8601 pattern but are no real day, or none the database takes.
  fc.constantFrom(
    '2026-02-30',
    '0000-01-01',
    '9999-12-31T23:59:59Z',
    '+275760-09-13T00:00:00Z',
    '2026-11-30T25:00:00Z',
  ),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constant('x'.repeat(5000)),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  fc.constantFrom(null, true, 1e308, -1e308, Number.MAX_SAFE_INTEGER, -0, 0.5, 99999999999999),
  fc.array(hostileText, { maxLength: 3 }),
  fc.dictionary(hostileText, hostileText, { maxKeys: 3 }),
  fc.constant({ a: { b: { c: 1 } } }),
);
const deepJson = fc
  .integer({ min: 33, max: 20_000 })
  .chain((depth) =>
    fc.constantFrom('['.repeat(depth) + ']'.repeat(depth), '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)),
  );

/** What a request's body may be: each an attack the policy, the pipes or the handlers must survive. */
function bodyOf(operation: Operation): fc.Arbitrary<{ contentType?: string; body?: string }> {
  const json = (text: fc.Arbitrary<string>) =>
    text.map((body) => ({ contentType: 'application/json', body }));
  const fields = operation.bodyFields.length > 0 ? operation.bodyFields : ['email', 'name', 'id'];
  return fc.oneof(
    json(deepJson),
    json(fc.constantFrom('[]', '"text"', '1e999', 'null', '{"__proto__":{"x":1}}', '{', '[{}]')),
    json(
      fc
        .dictionary(fc.oneof(fc.constantFrom(...fields), hostileText), hostileValue, {
          minKeys: 1,
          maxKeys: 6,
        })
        .map((value) => JSON.stringify(value)),
    ),
    fc
      .record({
        contentType: fc.constantFrom(
          'text/plain',
          'multipart/form-data; boundary=x',
          'application/x-www-form-urlencoded',
          'application/xml',
          'text/csv',
          'application/json; charset=utf-16',
          'image/png',
        ),
        body: fc.constantFrom(
          '{"email":"a@b.c","password":"x"}',
          '--x\r\n\r\n--x--',
          'a=%00&b=\ud800',
          '\u0000',
        ),
      })
      .map((value) => value),
    fc.constant({ body: 'no content type' }),
  );
}

function operationsOf(document: { paths: Record<string, Record<string, unknown>> }): Operation[] {
  const components = (document as { components?: { schemas?: Record<string, { properties?: object }> } })
    .components?.schemas;
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      const operation = raw as {
        parameters?: { in: string; name: string }[];
        requestBody?: { content: Record<string, { schema?: { $ref?: string } }> };
      };
      const content = operation.requestBody?.content ?? {};
      const ref = Object.values(content)[0]?.schema?.$ref?.split('/').pop();
      operations.push({
        method: method.toUpperCase(),
        path,
        queryNames: (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        bodyFields: Object.keys(components?.[ref ?? '']?.properties ?? {}),
        mediaTypes: Object.keys(content),
      });
    }
  }
  return operations;
}

/**
 * Property-based fuzzing of every route the OpenAPI document lists, public and signed-in alike, generated
 * from the document so a route added tomorrow is covered the day it lands: hostile content types, NUL and
 * lone surrogates in every string, deep nesting, wrong types, arrays for objects, huge numbers, missing
 * fields. Never a 5xx, the app keeps answering, and nothing is written by what it refuses.
 */
describe('every route of the OpenAPI document under generated input', () => {
  let testApp: TestApp;
  let owner: HttpClient;
  let operations: Operation[];
  let signIn: () => Promise<HttpClient>;

  async function storedRows(): Promise<number> {
    return withClient(testApp.ownerUrl, async (db) => {
      const tables = (
        await db.query<{ table_name: string }>(
          `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
        )
      ).rows
        .map((row) => row.table_name)
        .filter((name) => !WRITTEN_BY_ANY_REQUEST.has(name));
      const { rows } = await db.query<{ n: number }>(
        `SELECT (${tables.map((name) => `(SELECT count(*) FROM "${name}")`).join(' + ')})::int AS n`,
      );
      return rows[0]?.n ?? 0;
    });
  }

  beforeAll(async () => {
    testApp = await startTestApp({
      INBOUND_PARSE_SECRET: 'fuzz-secret',
      SENDGRID_WEBHOOK_PUBLIC_KEY: 'not-a-key',
    });
    // Background work (an accepted upload being imported, a follow-up planned) would write rows while a
    // later, refused request is being checked: this spec judges requests alone.
    const scheduler = testApp.app.get(SchedulerRegistry);
    for (const name of scheduler.getIntervals()) scheduler.deleteInterval(name);
    const business = await signUpBusiness(testApp, {
      name: 'Route Fuzz',
      timeZone: 'Europe/Paris',
      country: 'FR',
    });
    owner = business.owner;
    signIn = async () => {
      const client = testApp.http();
      await client.post('/api/auth/login', {
        email: business.ownerEmail,
        password: 'ovens warm before dawn',
      });
      return client;
    };
    const document = await owner.get<{ paths: Record<string, Record<string, unknown>> }>(
      '/api/docs/openapi.json',
    );
    operations = operationsOf(document.body);
  });
  afterAll(() => testApp.close());

  it('lists the public routes too: buyer pages, webhooks and inbound mail', () => {
    const listed = operations.map((operation) => `${operation.method} ${operation.path}`);
    expect(listed).toEqual(
      expect.arrayContaining([
        'GET /api/a/{token}',
        'POST /api/a/{token}',
        'POST /api/u/{token}',
        'GET /api/h/{token}',
        'POST /api/webhooks/shopify/{tenantId}',
        'POST /api/webhooks/woocommerce/{tenantId}',
        'POST /api/webhooks/stripe/{tenantId}',
        'POST /api/webhooks/sendgrid/events',
        'POST /api/inbound/{secret}',
        'POST /api/imports/customers',
      ]),
    );
  });

  it('answers every generated request under 500 and writes nothing for what it refuses', async () => {
    const pathValue = fc.oneof(
      fc.uuid(),
      hostileText.map((text) => encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '\u0000'))),
      fc.constantFrom('%ED%A0%80', '%C0%80', '%FF'),
      fc.constantFrom('..', '%2e%2e', '2026-11-23', 'fuzz-secret', 'shopify', 'en', 'thank-you'),
    );
    const request = fc.integer({ min: 0, max: operations.length - 1 }).chain((index) => {
      const operation = operations[index] as Operation;
      return fc.record({
        operation: fc.constant(operation),
        pathValues: fc.array(pathValue, { minLength: 4, maxLength: 4 }),
        query: fc.dictionary(
          fc.oneof(fc.constantFrom(...operation.queryNames, 'x'), hostileText),
          hostileText,
          {
            maxKeys: 3,
          },
        ),
        body:
          operation.method === 'GET'
            ? fc.constant<{ contentType?: string; body?: string }>({})
            : bodyOf(operation),
        signedIn: fc.boolean(),
      });
    });
    let anonymous = testApp.http();
    await fc.assert(
      fc.asyncProperty(request, async ({ operation, pathValues, query, body, signedIn }) => {
        const key = `${operation.method} ${operation.path}`;
        let slot = 0;
        const path = operation.path.replace(/\{[^}]+\}/g, () => pathValues[slot++] ?? 'x');
        // A literal '..' is resolved by the client's URL parser before anything is sent: what leaves the
        // API that way is another route (the console's pages), not this one under hostile input.
        fc.pre(new URL(path, testApp.baseUrl).pathname.startsWith('/api/'));
        const search = new URLSearchParams(query as Record<string, string>).toString();
        const client = signedIn ? owner : anonymous;
        const before = await storedRows();
        const headers: Record<string, string> = {};
        if (body.contentType) headers['content-type'] = body.contentType;
        const response = await client.request(
          operation.method,
          `${path}${search ? `?${search}` : ''}`,
          body.body,
          headers,
        );
        expect({ key, status: response.status }).toEqual({ key, status: expect.any(Number) });
        if (response.status >= 500)
          throw new Error(`${key} answered ${response.status} to ${JSON.stringify({ path, search, body })}`);
        if (response.status >= 400)
          expect({ key, written: (await storedRows()) - before }).toEqual({ key, written: 0 });
        if (response.status === 401 && signedIn && !SESSION_ENDING.has(key)) owner = await signIn();
        if (SESSION_ENDING.has(key) && response.status < 300) owner = await signIn();
        if (response.status === 429) anonymous = testApp.http();
      }),
      { numRuns: RUNS },
    );
    expect((await fetch(`${testApp.baseUrl}/api/health`)).status).toBe(200);
  });
});
