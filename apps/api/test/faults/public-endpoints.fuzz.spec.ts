import fc from 'fast-check';
import { FollowUpDispatcher } from '../../src/automations/follow-up-dispatcher';
import { FollowUpPlanner } from '../../src/automations/follow-up-planner';
import { mailTo } from '../support/factories';
import { withClient } from '../support/test-database';
import { appWithSignedUpBusiness } from '../support/spec-app';

const INBOUND_SECRET = 'fuzz-inbound-secret';
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 400);
// Each property runs RUNS requests: the time allowed grows with them (test:faults runs 2,000).
jest.setTimeout(Math.max(30_000, RUNS * 40));

/**
 * Property-based fuzzing of the endpoints anyone on the internet can reach: thousands of generated inputs,
 * never a 5xx, and never a stored row from an input that is not valid.
 */
describe('public endpoints under generated input', () => {
  const spec = appWithSignedUpBusiness(
    { name: 'Fuzz Bakery', timeZone: 'Europe/Rome', country: 'IT' },
    { INBOUND_PARSE_SECRET: INBOUND_SECRET },
  );
  let answerPath: string;
  let unsubscribePath: string;

  async function counts(): Promise<Record<string, number>> {
    return withClient(spec.testApp.ownerUrl, async (db) => {
      const { rows } = await db.query<Record<string, number>>(
        `SELECT (SELECT count(*)::int FROM answers) AS answers,
                (SELECT count(*)::int FROM orders) AS orders,
                (SELECT count(*)::int FROM customers WHERE subscription_state <> 'subscribed') AS unsubscribed,
                (SELECT count(*)::int FROM provider_events) AS events,
                (SELECT count(*)::int FROM webhook_deliveries) AS deliveries`,
      );
      return rows[0] ?? {};
    });
  }

  const post = (path: string, body: string | FormData, contentType?: string) =>
    fetch(`${spec.testApp.baseUrl}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: contentType ? { 'content-type': contentType } : {},
      body,
    });

  const tokenLike = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc
      .tuple(fc.stringMatching(/^[0-9a-f]{32}$/), fc.stringMatching(/^[A-Za-z0-9_-]{43}$/))
      .map(([a, b]) => `${a}.${b}`),
    fc.constantFrom('', '.', '..', '%00', '../../etc/passwd', 'a'.repeat(5000)),
  );
  const formValues = fc.dictionary(
    fc.oneof(
      fc.constantFrom('q.score', 'q.better', 'q.loved', 'q.comment', 'q.products.0', 'q.products.99'),
      fc.string(),
    ),
    fc.oneof(
      fc.string({ maxLength: 50 }),
      fc.integer({ min: -1000, max: 1000 }).map(String),
      fc.constant('x'.repeat(5000)),
    ),
    { maxKeys: 6 },
  );

  beforeAll(async () => {
    await spec.owner.put('/api/integrations/shopify', { secret: 'shopify-fuzz-secret' });
    await spec.owner.post('/api/orders', {
      externalId: '#F1',
      customer: { email: 'fred@fuzz.example', name: 'Fred Fuzz' },
      placedAt: '2027-01-04T09:00:00Z',
      total: '5.00',
      currency: 'EUR',
      lines: [{ productName: 'Cornetto', quantity: 1, unitPrice: '5.00' }],
    });
    await spec.testApp.app.get(FollowUpPlanner).planPending(new Date('2027-01-04T09:10:00Z'));
    await spec.testApp.app.get(FollowUpDispatcher).dispatchDue(new Date('2027-01-05T10:00:00Z'));
    await spec.testApp.app.get(FollowUpDispatcher).dispatchDue(new Date('2027-01-14T10:00:00Z'));
    const [request] = await mailTo(spec.testApp, 'fred@fuzz.example');
    answerPath = /\/api\/a\/[^"?]+/.exec(request?.html ?? '')?.[0] ?? '';
    unsubscribePath = /\/api\/u\/[^"?]+/.exec(request?.html ?? '')?.[0] ?? '';
    expect(answerPath).not.toBe('');
  });

  it('answers every answer-page request under 500, and records nothing from a link that is not one', async () => {
    const before = await counts();
    await fc.assert(
      fc.asyncProperty(
        tokenLike,
        formValues,
        fc.constantFrom('GET', 'HEAD', 'POST'),
        async (token, form, method) => {
          const path = `/api/a/${encodeURIComponent(token)}`;
          const response =
            method === 'POST'
              ? await post(
                  path,
                  new URLSearchParams(form as Record<string, string>).toString(),
                  'application/x-www-form-urlencoded',
                )
              : await fetch(
                  `${spec.testApp.baseUrl}${path}?score=${encodeURIComponent(form['q.score'] ?? token)}`,
                  { method },
                );
          expect(response.status).toBeLessThan(500);
        },
      ),
      { numRuns: RUNS },
    );
    expect((await counts())['answers']).toBe(before['answers']);
  });

  it('keeps the real answer consistent whatever is posted to it: a refused form changes nothing', async () => {
    // One connection for every run: connecting twice per run took most of the time.
    await withClient(spec.testApp.ownerUrl, async (db) => {
      const savedAnswer = async () =>
        JSON.stringify(
          (await db.query(`SELECT answers, score FROM answers WHERE tenant_id = $1`, [spec.tenantId])).rows,
        );
      await fc.assert(
        fc.asyncProperty(formValues, async (form) => {
          const saved = await savedAnswer();
          const response = await post(
            answerPath,
            new URLSearchParams(form as Record<string, string>).toString(),
            'application/x-www-form-urlencoded',
          );
          expect(response.status).toBeLessThan(500);
          if (response.status === 400) expect(await savedAnswer()).toBe(saved);
        }),
        { numRuns: RUNS },
      );
    });
  });

  it('unsubscribes nobody from a link that is not one, and never fails', async () => {
    const before = await counts();
    await fc.assert(
      fc.asyncProperty(tokenLike, fc.string({ maxLength: 200 }), async (token, body) => {
        fc.pre(`/api/u/${token}` !== unsubscribePath);
        const response = await post(
          `/api/u/${encodeURIComponent(token)}`,
          body,
          'application/x-www-form-urlencoded',
        );
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: RUNS },
    );
    expect((await counts())['unsubscribed']).toBe(before['unsubscribed']);
  });

  it('takes any multipart body at the Inbound Parse endpoint without a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.oneof(
            fc.constantFrom('to', 'from', 'subject', 'text', 'html', 'envelope'),
            fc.string({ maxLength: 20 }),
          ),
          fc.string({ maxLength: 300 }),
          { maxKeys: 8 },
        ),
        fc.boolean(),
        async (fields, isGarbled) => {
          let response: Response;
          if (isGarbled) {
            response = await post(
              `/api/inbound/${INBOUND_SECRET}`,
              Object.values(fields).join('\r\n--x\r\n'),
              'multipart/form-data; boundary=x',
            );
          } else {
            const form = new FormData();
            for (const [name, value] of Object.entries(fields)) form.append(name, value);
            response = await post(`/api/inbound/${INBOUND_SECRET}`, form);
          }
          expect(response.status).toBeLessThan(500);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('refuses forged shop and provider webhooks of any shape and stores nothing from them', async () => {
    const before = await counts();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.json(), fc.string({ maxLength: 500 })),
        fc.string({ maxLength: 60 }),
        fc.constantFrom('shopify', 'woocommerce', 'stripe'),
        async (body, signature, shop) => {
          const headers: Record<string, string> = {
            'content-type': 'application/json',
            'x-shopify-hmac-sha256': signature,
            'x-shopify-topic': 'orders/create',
            'x-wc-webhook-signature': signature,
            'stripe-signature': `t=${Math.floor(Date.now() / 1000)},v1=${signature}`,
          };
          const response = await fetch(`${spec.testApp.baseUrl}/api/webhooks/${shop}/${spec.tenantId}`, {
            method: 'POST',
            headers,
            body,
          });
          expect(response.status).toBeGreaterThanOrEqual(400);
          expect(response.status).toBeLessThan(500);
          const events = await fetch(`${spec.testApp.baseUrl}/api/webhooks/sendgrid/events`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
          });
          expect(events.status).toBeLessThan(500);
        },
      ),
      { numRuns: RUNS },
    );
    const after = await counts();
    expect([after['orders'], after['events']]).toEqual([before['orders'], before['events']]);
  });

  it('refuses a 10 MB webhook body before reading it into any handler, storing nothing', async () => {
    const before = await counts();
    const huge = JSON.stringify({ id: 1, padding: 'x'.repeat(10 * 1024 * 1024) });
    for (const path of [`/api/webhooks/shopify/${spec.tenantId}`, '/api/webhooks/sendgrid/events']) {
      const response = await post(path, huge, 'application/json');
      expect(response.status).toBe(413);
    }
    const after = await counts();
    expect([after['orders'], after['events'], after['deliveries']]).toEqual([
      before['orders'],
      before['events'],
      before['deliveries'],
    ]);
  });
});
