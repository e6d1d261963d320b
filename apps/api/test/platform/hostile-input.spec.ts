import { createHmac, randomUUID } from 'node:crypto';
import { SendGridMock } from '@rapport/sendgrid-mock';
import type { IntegrationResponse } from '@rapport/domain';
import { FollowUpDispatcher } from '../../src/automations/follow-up-dispatcher';
import { FollowUpPlanner } from '../../src/automations/follow-up-planner';
import { mailTo } from '../support/factories';
import { withClient } from '../support/test-database';
import { appWithSignedUpBusiness } from '../support/spec-app';

const SHOPIFY_SECRET = 'shpss_hostile_secret';
const WOO_SECRET = 'woo-hostile-secret';
const STRIPE_SECRET = 'whsec_hostile';
const INBOUND_SECRET = 'hostile-inbound-secret';

/**
 * Each input an outsider tried that once stopped the app or earned a 5xx, replayed as it was: each must
 * now answer a clear 4xx (or, for a signed delivery, a recorded refusal) while the app keeps serving.
 */
describe('hostile input', () => {
  const mock = new SendGridMock();
  beforeAll(() => mock.start());
  afterAll(() => mock.stop());
  const spec = appWithSignedUpBusiness(
    { name: 'Hostile Bakery', timeZone: 'Europe/Madrid', country: 'ES' },
    { SENDGRID_WEBHOOK_PUBLIC_KEY: mock.publicKey, INBOUND_PARSE_SECRET: INBOUND_SECRET },
  );

  const send = (
    path: string,
    init: { method?: string; contentType?: string; body?: string; headers?: Record<string, string> },
  ) =>
    fetch(`${spec.testApp.baseUrl}${path}`, {
      method: init.method ?? 'POST',
      headers: {
        cookie: 'XSRF-TOKEN=t',
        'x-xsrf-token': 't',
        ...(init.contentType ? { 'content-type': init.contentType } : {}),
        ...init.headers,
      },
      body: init.body,
    });
  const json = (path: string, body: string) => send(path, { contentType: 'application/json', body });
  const isServing = async () => (await fetch(`${spec.testApp.baseUrl}/api/health`)).status === 200;
  const rows = (sql: string) =>
    withClient(spec.testApp.ownerUrl, async (db) => (await db.query<{ n: number }>(sql)).rows[0]?.n ?? 0);

  beforeAll(async () => {
    for (const [provider, secret] of [
      ['shopify', SHOPIFY_SECRET],
      ['woocommerce', WOO_SECRET],
      ['stripe', STRIPE_SECRET],
    ] as const) {
      expect((await spec.owner.put(`/api/integrations/${provider}`, { secret })).status).toBe(204);
    }
  });

  it('answers a text/plain sign-in with 415 instead of stopping the process', async () => {
    const response = await send('/api/auth/login', {
      contentType: 'text/plain',
      body: '{"email":"a@b.c","password":"x"}',
    });
    expect(response.status).toBe(415);
    expect(((await response.json()) as { message: string }).message).toContain('accepts application/json');
    expect(await isServing()).toBe(true);
  });

  it.each([
    ['text/plain', '{"businessName":"x"}'],
    [
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\na@b.c\r\n--x--',
    ],
  ])('answers a %s sign-up with 415', async (contentType, body) => {
    expect((await send('/api/auth/signup', { contentType, body })).status).toBe(415);
  });

  it.each([
    ['an array', '[{"email":"a@b.c"}]'],
    ['a string', '"owner@northwind.example"'],
    ['1e999', '1e999'],
  ])('answers a sign-in whose body is %s with 400', async (_what, body) => {
    const response = await json('/api/auth/login', body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { details: unknown }).details).toEqual([
      { field: 'body', reason: 'must be a JSON object' },
    ]);
  });

  it('answers deeply nested JSON with 400 naming the limit, on public and signed-in routes alike', async () => {
    const deep = '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000);
    for (const path of ['/api/auth/password-reset', '/api/auth/signup', '/api/webhooks/sendgrid/events']) {
      const response = await json(path, deep);
      expect({ path, status: response.status }).toEqual({
        path,
        status: path.includes('sendgrid') ? 401 : 400,
      });
    }
    const signedIn = await spec.owner.request('POST', '/api/customers', deep, {
      'content-type': 'application/json',
    });
    expect(signedIn.status).toBe(400);
    expect(JSON.stringify(signedIn.body)).toContain('nests deeper than 32 levels');
  });

  it('answers NUL and lone surrogates with 400 naming the field, in bodies and query strings', async () => {
    const signUp = await json(
      '/api/auth/signup',
      JSON.stringify({
        businessName: 'N\u0000L',
        name: 'Ana',
        email: 'x\ud800y@example.com',
        password: 'long enough password',
        timeZone: 'Europe/Madrid',
        country: 'ES',
      }),
    );
    expect(signUp.status).toBe(400);
    expect(((await signUp.json()) as { details: unknown }).details).toEqual([
      { field: 'businessName', reason: 'contains a NUL character (\\u0000)' },
      { field: 'email', reason: 'contains an unpaired UTF-16 surrogate' },
    ]);
    const customer = await spec.owner.post('/api/customers', {
      email: 'c@example.com',
      name: 'C\u0000',
      externalIds: { crm: '\ud800' },
    });
    expect(customer.status).toBe(400);
    expect(customer.body).toMatchObject({
      details: [
        { field: 'name', reason: 'contains a NUL character (\\u0000)' },
        { field: 'externalIds.crm', reason: 'contains an unpaired UTF-16 surrogate' },
      ],
    });
    for (const path of [
      '/api/customers?search=%00',
      '/api/customers?tag=%00',
      '/api/answers?q=%00',
      '/api/audit-events?actor=%00',
      '/api/orders?search=a%00',
    ]) {
      const response = await spec.owner.get(path);
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
    }
    for (const path of [
      '/api/answers?from=2026-02-30',
      '/api/answers?to=0000-01-01',
      '/api/answers/export.csv?from=2026-02-31',
      '/api/reports/2026-02-30',
      '/api/cases?from=2026-13-01',
    ]) {
      const response = await spec.owner.get(path);
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
    }
    const upload = await spec.owner.request(
      'POST',
      '/api/imports/customers?fileName=a%00.csv',
      'email\na@b.c\n',
      {
        'content-type': 'text/csv',
      },
    );
    expect(upload.status).toBe(400);
    expect(upload.body).toMatchObject({ details: [{ field: 'fileName' }] });
    expect(
      await rows(
        `SELECT count(*)::int AS n FROM customers WHERE tenant_id = '${spec.tenantId}' AND email = 'c@example.com'`,
      ),
    ).toBe(0);
  });

  it('reports every field error of an order at once, nested ones included, and types nested values', async () => {
    const missingCustomer = await spec.owner.post('/api/orders', {
      externalId: '#1',
      placedAt: '2026-11-20T10:00:00Z',
      total: '1.00',
      currency: 'EUR',
    });
    expect(missingCustomer.status).toBe(400);
    expect(missingCustomer.body).toMatchObject({
      details: [{ field: 'customer', reason: 'must be an object' }],
    });
    const many = await spec.owner.post('/api/orders', {
      externalId: '#2',
      placedAt: 'yesterday',
      total: 'lots',
      currency: 'euros',
      customer: { email: 'not an email', externalIds: { a: { b: 1 } } },
      lines: [{ productName: 'Rye', quantity: 1e308, unitPrice: '-1' }],
    });
    expect(many.status).toBe(400);
    const fields = (many.body as { details: { field: string }[] }).details
      .map((detail) => detail.field)
      .sort();
    expect(fields).toEqual(
      [
        'currency',
        'customer.email',
        'customer.externalIds',
        'lines[0].quantity',
        'lines[0].unitPrice',
        'placedAt',
        'total',
      ].sort(),
    );
    expect(await rows(`SELECT count(*)::int AS n FROM orders WHERE tenant_id = '${spec.tenantId}'`)).toBe(0);
  });

  it('refuses null where a field may only be left out, and a blank survey name, with 400', async () => {
    const nulls = await spec.owner.post('/api/customers', {
      email: 'nully@example.com',
      name: null,
      tags: null,
      consentBasis: null,
      externalIds: null,
    });
    expect(nulls.status).toBe(400);
    const fields = (nulls.body as { details: { field: string }[] }).details.map((detail) => detail.field);
    expect(fields.sort()).toEqual(['consentBasis', 'externalIds', 'name', 'tags']);
    const blank = await spec.owner.post('/api/surveys', {
      name: '   ',
      definition: { questions: [{ id: 'score', type: 'nps', prompt: null, required: true }] },
    });
    expect(blank.status).toBe(400);
    expect(blank.body).toMatchObject({ details: [{ field: 'name', reason: 'must not be blank' }] });
  });

  it('refuses null on an existing buyer, in a PATCH and in an order naming them, and a blank survey name on PUT', async () => {
    const created = await spec.owner.post<{ id: string }>('/api/customers', {
      email: 'kept@example.com',
      name: 'Kept',
    });
    expect(created.status).toBe(201);
    for (const [field, value] of [
      ['name', null],
      ['tags', null],
      ['consentBasis', null],
    ] as const) {
      const patched = await spec.owner.patch(`/api/customers/${created.body.id}`, { [field]: value });
      expect({ field, status: patched.status }).toEqual({ field, status: 400 });
    }
    const order = await spec.owner.post('/api/orders', {
      externalId: '#N1',
      customer: { email: 'kept@example.com', tags: null, consentBasis: null },
      placedAt: '2026-11-20T09:30:00Z',
      total: '1.00',
      currency: 'EUR',
      lines: [{ productName: 'Rye', quantity: 1, unitPrice: '1.00' }],
    });
    expect(order.status).toBe(400);
    const fields = (order.body as { details: { field: string }[] }).details.map((detail) => detail.field);
    expect(fields.sort()).toEqual(['customer.consentBasis', 'customer.tags']);
    const survey = await spec.owner.post<{ id: string }>('/api/surveys', {
      name: 'Named',
      definition: { questions: [{ id: 'score', type: 'nps', prompt: null, required: true }] },
    });
    expect(survey.status).toBe(201);
    const renamed = await spec.owner.put(`/api/surveys/${survey.body.id}`, {
      name: ' ',
      definition: { questions: [{ id: 'score', type: 'nps', prompt: null, required: true }] },
    });
    expect(renamed.status).toBe(400);
  });

  it('answers a template that would render without end with its problem, and does not save it', async () => {
    const template = (await spec.owner.get<{ subject: string; body: string }>('/api/templates/thank-you/en'))
      .body;
    for (const loop of [
      '{% for i in (1..100000000) %}x{% endfor %}',
      '{% assign a = "xxxxxxxxxx" %}{% for i in (1..30) %}{% assign a = a | append: a %}{% endfor %}{{ a | size }}',
    ]) {
      const body = template.body.replace('{{ business.name }}', `{{ business.name }}${loop}`);
      const preview = await spec.owner.post<{ problems: { field: string; reason: string }[] }>(
        '/api/templates/thank-you/en/preview',
        { subject: template.subject, body },
      );
      expect(preview.status).toBe(200);
      expect(preview.body.problems).toEqual([
        { field: 'body', reason: expect.stringContaining('stops while being filled in') },
      ]);
      const saved = await spec.owner.put('/api/templates/thank-you/en', { subject: template.subject, body });
      expect(saved.status).toBe(400);
    }
    expect((await spec.owner.get<{ isCustom: boolean }>('/api/templates/thank-you/en')).body.isCustom).toBe(
      false,
    );
  });

  describe('signed deliveries that cannot be used', () => {
    const shopify = (body: string) =>
      send(`/api/webhooks/shopify/${spec.tenantId}`, {
        contentType: 'application/json',
        body,
        headers: {
          'x-shopify-hmac-sha256': createHmac('sha256', SHOPIFY_SECRET).update(body).digest('base64'),
          'x-shopify-topic': 'orders/create',
          'x-shopify-webhook-id': randomUUID(),
        },
      });
    /** Posts a Stripe event signed as Stripe signs it: HMAC-SHA256 of "<unix seconds>.<body>". */
    const stripe = (body: string) => {
      const at = Math.floor(Date.now() / 1000);
      const v1 = createHmac('sha256', STRIPE_SECRET).update(`${at}.${body}`).digest('hex');
      return send(`/api/webhooks/stripe/${spec.tenantId}`, {
        contentType: 'application/json',
        body,
        headers: { 'stripe-signature': `t=${at},v1=${v1}` },
      });
    };
    const order = (changes: Record<string, unknown>) =>
      JSON.stringify({
        name: `#H${randomUUID().slice(0, 6)}`,
        email: 'buyer@example.com',
        created_at: '2026-11-20T09:30:00-05:00',
        total_price: '8.00',
        currency: 'EUR',
        line_items: [{ title: 'Rye loaf', quantity: 1, price: '8.00' }],
        ...changes,
      });

    it.each([
      ['created_at "yesterday"', { created_at: 'yesterday' }, 'created_at: "yesterday" is not a date-time'],
      [
        'a line quantity of 1e308',
        { line_items: [{ title: 'Rye', quantity: 1e308, price: '1.00' }] },
        'line_items[0].quantity',
      ],
      ['a NUL in the buyer email', { email: 'b\u0000@example.com' }, 'email contains a NUL character'],
      ['a null line item', { line_items: [null] }, "not in the provider's format"],
      ['an object for the buyer id', { customer: { id: { toString: 1 } } }, "not in the provider's format"],
      [
        'a lone surrogate in a product',
        { line_items: [{ title: 'R\ud800', quantity: 1, price: '1.00' }] },
        'line_items[0].title',
      ],
    ])('keeps a Shopify delivery with %s as refused, answered 200', async (_what, changes, reason) => {
      const response = await shopify(order(changes));
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        outcome: 'refused',
        message: expect.stringContaining(reason),
      });
      const listed = (await spec.owner.get<IntegrationResponse[]>('/api/integrations')).body.find(
        (item) => item.provider === 'shopify',
      );
      expect(listed?.deliveries[0]).toMatchObject({
        outcome: 'failed',
        message: expect.stringContaining(reason),
      });
    });

    it('keeps a Shopify delivery dated 30 February as refused, instead of reading it as 2 March', async () => {
      const response = await shopify(order({ created_at: '2026-02-30T10:00:00' }));
      expect(await response.json()).toMatchObject({
        outcome: 'refused',
        message: expect.stringContaining('created_at: "2026-02-30T10:00:00" is not a date-time'),
      });
    });

    const woo = (fields: Record<string, unknown>) => {
      const body = JSON.stringify({
        id: 7,
        number: `W${randomUUID().slice(0, 6)}`,
        status: 'processing',
        date_created_gmt: '2026-11-20T09:30:00',
        total: '5.00',
        currency: 'EUR',
        billing: { email: 'w@example.com' },
        line_items: [{ name: 'Rye', quantity: 1, price: 5 }],
        ...fields,
      });
      return send(`/api/webhooks/woocommerce/${spec.tenantId}`, {
        contentType: 'application/json',
        body,
        headers: {
          'x-wc-webhook-signature': createHmac('sha256', WOO_SECRET).update(body).digest('base64'),
          'x-wc-webhook-topic': 'order.created',
          'x-wc-webhook-delivery-id': randomUUID(),
        },
      });
    };

    it.each([
      ['status', { status: { toString: 1 } }],
      ['customer_id', { customer_id: { toString: 1 } }],
      ['a line price', { line_items: [{ name: 'Rye', quantity: 1, price: { toString: 1 } }] }],
      ['a date on 31 April', { date_created_gmt: '2026-04-31T10:00:00' }],
    ])('keeps a WooCommerce delivery with an unusable %s as refused, answered 200', async (_what, fields) => {
      const response = await woo(fields);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ outcome: 'refused' });
    });

    it('reads a WooCommerce date given as Unix seconds, as the refusal message says it may be', async () => {
      const response = await woo({ date_created_gmt: 1763600000 });
      expect(await response.json()).toMatchObject({ outcome: 'processed' });
    });

    it('names a delivery without an id by a digest of its body, never by its signature', async () => {
      const body = order({});
      const signature = createHmac('sha256', SHOPIFY_SECRET).update(body).digest('base64');
      const response = await send(`/api/webhooks/shopify/${spec.tenantId}`, {
        contentType: 'application/json',
        body,
        headers: { 'x-shopify-hmac-sha256': signature, 'x-shopify-topic': 'orders/create' },
      });
      expect(response.status).toBe(200);
      const listed = (await spec.owner.get<IntegrationResponse[]>('/api/integrations')).body.find(
        (item) => item.provider === 'shopify',
      );
      const ids = listed?.deliveries.map((delivery) => delivery.deliveryId) ?? [];
      expect(ids[0]).toMatch(/^body-sha256:[0-9a-f]{32}$/);
      expect(ids).not.toContain(signature);
    });

    it('keeps a Stripe event whose type is an object as refused, answered 200', async () => {
      const body = JSON.stringify({
        id: 'evt_obj',
        type: { toString: 1 },
        created: 1763600000,
        data: { object: {} },
      });
      const response = await stripe(body);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ outcome: expect.stringMatching(/refused|ignored/) });
    });

    it('keeps a WooCommerce delivery with a date that is not one as refused', async () => {
      const body = JSON.stringify({
        id: 1,
        number: 'W1',
        status: 'processing',
        date_created_gmt: 'not a date',
        total: '5.00',
        currency: 'EUR',
        billing: { email: 'w@example.com' },
      });
      const response = await send(`/api/webhooks/woocommerce/${spec.tenantId}`, {
        contentType: 'application/json',
        body,
        headers: {
          'x-wc-webhook-signature': createHmac('sha256', WOO_SECRET).update(body).digest('base64'),
          'x-wc-webhook-topic': 'order.created',
          'x-wc-webhook-delivery-id': randomUUID(),
        },
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        outcome: 'refused',
        message: expect.stringContaining('date_created_gmt'),
      });
    });

    it('keeps a Stripe event created in the year 5138 as refused, and one with a NUL in its id', async () => {
      for (const [id, created, reason] of [
        ['evt_far', 99999999999999, 'created'],
        ['evt_\u0000', 1763600000, 'id contains a NUL character'],
      ] as const) {
        const body = JSON.stringify({
          id,
          type: 'checkout.session.completed',
          created,
          data: {
            object: {
              id: 'cs_1',
              payment_intent: `pi_${created}`,
              amount_total: 500,
              currency: 'eur',
              created,
              customer_details: { email: 's@example.com' },
            },
          },
        });
        const response = await stripe(body);
        expect(response.status).toBe(200);
        expect(await response.json()).toMatchObject({
          outcome: 'refused',
          message: expect.stringContaining(reason),
        });
      }
    });

    it('applies a SendGrid batch around a null entry and an event id with a NUL, without failing it', async () => {
      const eventsUrl = `${spec.testApp.baseUrl}/api/webhooks/sendgrid/events`;
      const rawBody = JSON.stringify([null, { event: 'delivered', sg_event_id: 'a\u0000', timestamp: 1 }, 7]);
      const response = await mock.postEvents(eventsUrl, [], { rawBody });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ applied: 0, duplicates: 0, ignored: 3 });
    });

    it('keeps an emailed reply whose text holds a NUL, without that character', async () => {
      const form = new FormData();
      form.set('to', `r-${spec.tenantId}-${randomUUID()}@reply.rapport.localhost`);
      form.set('from', 'Buyer <b@example.com>');
      form.set('text', 'Lovely\u0000 bread');
      const response = await fetch(`${spec.testApp.baseUrl}/api/inbound/${INBOUND_SECRET}`, {
        method: 'POST',
        body: form,
      });
      expect(response.status).toBe(200);
    });
  });

  it('asks the buyer again, in their language, when the answer page gets a post it cannot read', async () => {
    await spec.owner.post('/api/orders', {
      externalId: '#A1',
      customer: { email: 'lucia@example.com', name: 'Lucía', locale: 'es' },
      placedAt: '2027-01-04T09:00:00Z',
      total: '5.00',
      currency: 'EUR',
      lines: [{ productName: 'Pan', quantity: 1, unitPrice: '5.00' }],
    });
    await spec.testApp.app.get(FollowUpPlanner).planPending(new Date('2027-01-04T09:10:00Z'));
    await spec.testApp.app.get(FollowUpDispatcher).dispatchDue(new Date('2027-01-05T10:00:00Z'));
    await spec.testApp.app.get(FollowUpDispatcher).dispatchDue(new Date('2027-01-14T10:00:00Z'));
    const [request] = await mailTo(spec.testApp, 'lucia@example.com');
    const answerPath = /\/api\/a\/[^"?]+/.exec(request?.html ?? '')?.[0] ?? '';
    expect(answerPath).not.toBe('');
    for (const contentType of ['text/plain', 'multipart/form-data; boundary=x']) {
      const response = await send(answerPath, { contentType, body: 'q.score=9' });
      expect({ contentType, status: response.status }).toEqual({ contentType, status: 400 });
      const page = await response.text();
      expect(page).toContain('No hemos podido leer lo que se envió');
      expect(page).toContain('<form method="post"');
    }
    const withNul = await send(answerPath, {
      contentType: 'application/x-www-form-urlencoded',
      body: 'q.comment=a%00b',
    });
    expect(withNul.status).toBe(400);
    expect(await withNul.text()).toContain('No hemos podido leer');
    expect(await rows(`SELECT count(*)::int AS n FROM answers WHERE tenant_id = '${spec.tenantId}'`)).toBe(0);
  });
});
