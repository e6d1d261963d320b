import type {
  ApiKeyResponse,
  AuditEventResponse,
  BusinessResponse,
  CreatedApiKeyResponse,
  CustomerResponse,
  IntegrationResponse,
  OrderResponse,
  Page,
  SessionResponse,
  TeamResponse,
} from '@rapport/domain';
import { API_KEY_SCOPES } from '@rapport/domain';
import {
  addMember,
  createTenant,
  createUser,
  signedIn,
  type TestTenant,
  type TestUser,
} from '../support/factories';
import type { HttpClient, HttpResult } from '../support/http-client';
import { routeRules } from '../support/routes';
import type { TestApp } from '../support/test-app';
import { withClient } from '../support/test-database';
import { startedApp } from '../support/spec-app';

/** One business seeded with every shape of data the API has, and the ids another tenant could aim at. */
interface World {
  tenant: TestTenant;
  admin: TestUser;
  staff: TestUser;
  owner: HttpClient;
  apiKey: CreatedApiKeyResponse;
  ids: {
    memberships: string[];
    invitation: string;
    apiKey: string;
    session: string;
    customer: string;
    order: string;
    import: string;
    automation: string;
    survey: string;
    answer: string;
    case: string;
    mailboxEmail: string;
    waitingMessage: string;
    enquiry: string;
    quote: string;
    webhookEndpoint: string;
    /** `<endpoint>/<delivery>`: the two ids of a delivery's route, in order. */
    webhookDelivery: string;
  };
  buyerEmail: string;
  orderNumber: string;
  /** Strings that must never appear in another tenant's answers. */
  markers: string[];
}

type Ids = World['ids'];

/**
 * How the suite attacks each route. Every route the app registers must be listed: a new route fails the
 * suite until someone decides how tenant B could try to reach tenant A through it.
 */
type RouteCase =
  /** A GET of the caller's own tenant data: B's answer must hold none of A's markers. */
  | { kind: 'read'; path?: string }
  /** Addresses a row by id: A's ids must answer 404 to B and change nothing. */
  | { kind: 'by-id'; ids: (ids: Ids) => string[]; body?: unknown }
  /** Acts on the caller's own business or account; `body` tries to smuggle A in. */
  | { kind: 'self'; body: (a: World) => unknown; path?: string }
  /** Not tenant data (health, sign-in, links addressed by unguessable tokens, the dev mail catcher). */
  | { kind: 'outside'; why: string };

/** A valid template whose subject carries `marker`. */
function templateSource(marker: string): { subject: string; body: string } {
  return {
    subject: `${marker} {{ customer.first_name }}`,
    body: '<mjml><mj-body><mj-section><mj-column><mj-text>{{ business.phone }} {{ business.email }} {{ business.address }} {{ unsubscribe_url }}</mj-text></mj-column></mj-section></mj-body></mjml>',
  };
}

/** A week that has ended, with the seeded data in it (orders of 1 November 2026). */
const A_PAST_MONDAY = '2026-10-26';

/** A valid survey, for routes that save or preview one. */
const SURVEY = { questions: [{ id: 'score', type: 'csat', prompt: null, required: true }], thankYou: null };

const CASES: Record<string, RouteCase> = {
  'GET /api/health': { kind: 'outside', why: 'no tenant data' },
  'GET /api/u/:token': { kind: 'outside', why: 'addressed by a secret token' },
  'POST /api/webhooks/sendgrid/events': {
    kind: 'outside',
    why: "verified by SendGrid's signature (delivery-events specs)",
  },
  'POST /api/u/:token': { kind: 'outside', why: 'addressed by a secret token' },
  'GET /api/dev/mailbox': {
    kind: 'outside',
    why: "development mail catcher: everything to this machine, else a person's own (dev-mailbox spec)",
  },
  'GET /api/dev/mailbox/:id': {
    kind: 'outside',
    why: "development mail catcher: everything to this machine, else a person's own (dev-mailbox spec)",
  },
  'POST /api/dev/mailbox/:id/reply': {
    kind: 'outside',
    why: 'replies only to an email its sender may read, stored by its reply address (dev-reply spec)',
  },
  'POST /api/auth/login': { kind: 'outside', why: 'authenticates; covered by the sign-in specs' },
  'POST /api/auth/signup': { kind: 'outside', why: 'emails the address; creates nothing yet' },
  'POST /api/auth/signup/confirm': { kind: 'outside', why: 'creates a new tenant from a secret token' },
  'POST /api/auth/password-reset': { kind: 'outside', why: 'by email; reveals nothing' },
  'POST /api/auth/password-reset/confirm': { kind: 'outside', why: 'addressed by a secret token' },
  'GET /api/invitations/:token': { kind: 'outside', why: 'addressed by a secret token' },
  'POST /api/invitations/:token/accept': { kind: 'outside', why: 'addressed by a secret token' },
  'GET /api/me': { kind: 'read' },
  'GET /api/me/sessions': { kind: 'read' },
  'GET /api/business': { kind: 'read' },
  'GET /api/team': { kind: 'read' },
  'GET /api/api-keys': { kind: 'read' },
  'GET /api/audit-events': { kind: 'read' },
  'GET /api/customers': { kind: 'read' },
  'GET /api/orders': { kind: 'read' },
  'GET /api/products': { kind: 'read' },
  'GET /api/integrations': { kind: 'read' },
  'GET /api/automations': { kind: 'read' },
  'GET /api/messages': { kind: 'read' },
  'GET /api/messages/health': { kind: 'read' },
  'POST /api/messages/send-now': { kind: 'self', body: (a) => ({ customerIds: [a.ids.customer] }) },
  'POST /api/messages/:id/send-now': { kind: 'by-id', ids: (ids) => [ids.waitingMessage] },
  'PATCH /api/automations/:id': {
    kind: 'by-id',
    ids: (ids) => [ids.automation],
    body: { isEnabled: false, name: 'Hijacked', delay: { amount: 1, unit: 'minutes' } },
  },
  'GET /api/automations/:id/upcoming': { kind: 'by-id', ids: (ids) => [ids.automation] },
  'POST /api/automations': {
    kind: 'self',
    body: () => ({
      name: 'Copied rule',
      trigger: 'order_placed',
      delay: { amount: 1, unit: 'days' },
      kind: 'thank-you',
    }),
  },
  'DELETE /api/automations/:id': { kind: 'by-id', ids: (ids) => [ids.automation] },
  'GET /api/surveys': { kind: 'read' },
  'GET /api/surveys/:id': { kind: 'by-id', ids: (ids) => [ids.survey] },
  'POST /api/surveys': { kind: 'self', body: () => ({ name: 'Copied survey', definition: SURVEY }) },
  'PUT /api/surveys/:id': {
    kind: 'by-id',
    ids: (ids) => [ids.survey],
    body: { name: 'Hijacked', definition: SURVEY },
  },
  'POST /api/surveys/preview': { kind: 'self', body: () => ({ definition: SURVEY }) },
  'GET /api/answers': { kind: 'read' },
  'GET /api/answers/export.csv': { kind: 'read' },
  'GET /api/answers/products': { kind: 'read' },
  'GET /api/answers/:id': { kind: 'by-id', ids: (ids) => [ids.answer] },
  'GET /api/cases': { kind: 'read' },
  'GET /api/cases/assignees': { kind: 'read' },
  'GET /api/cases/response-times': { kind: 'read' },
  'PUT /api/cases/assignees/me': { kind: 'self', body: () => ({ takesCases: true }) },
  'GET /api/cases/:id': { kind: 'by-id', ids: (ids) => [ids.case] },
  'PATCH /api/cases/:id': {
    kind: 'by-id',
    ids: (ids) => [ids.case],
    body: { status: 'resolved', resolution: 'Closed by someone else' },
  },
  'POST /api/cases/:id/notes': { kind: 'by-id', ids: (ids) => [ids.case], body: { body: 'Planted note' } },
  'POST /api/cases/:id/replies': { kind: 'by-id', ids: (ids) => [ids.case], body: { body: 'Planted reply' } },
  'GET /api/a/:token': { kind: 'outside', why: 'addressed by a secret token' },
  'POST /api/a/:token': { kind: 'outside', why: 'addressed by a secret token' },
  'POST /api/a/:token/review': { kind: 'outside', why: 'addressed by a secret token' },
  'GET /api/review-clicks': { kind: 'read' },
  'GET /api/h/:token': { kind: 'outside', why: 'addressed by a secret token' },
  'POST /api/inbound/:secret': {
    kind: 'outside',
    why: 'SendGrid Inbound Parse behind a secret path; the reply address names the business',
  },
  'GET /api/replies/unmatched': { kind: 'read' },
  'GET /api/dashboard': { kind: 'read' },
  'GET /api/getting-started': { kind: 'read' },
  'GET /api/business/sender-status': { kind: 'read' },
  'GET /api/mailbox': { kind: 'read' },
  'GET /api/mailbox/:id': { kind: 'by-id', ids: (ids) => [ids.mailboxEmail] },
  'GET /api/reports': { kind: 'read' },
  'GET /api/reports/settings': { kind: 'read' },
  'PUT /api/reports/settings': { kind: 'self', body: () => ({ weekday: 3, hour: 6 }) },
  'PUT /api/reports/settings/me': { kind: 'self', body: () => ({ receivesReport: true }) },
  'GET /api/reports/:weekStart': { kind: 'read', path: `/api/reports/${A_PAST_MONDAY}` },
  'GET /api/reports/:weekStart/report.pdf': {
    kind: 'read',
    path: `/api/reports/${A_PAST_MONDAY}/report.pdf`,
  },
  'POST /api/reports/:weekStart/send': {
    kind: 'self',
    path: `/api/reports/${A_PAST_MONDAY}/send`,
    body: () => undefined,
  },
  'GET /api/feedback-settings': { kind: 'read' },
  'PUT /api/feedback-settings': {
    kind: 'self',
    body: () => ({
      reviewPlatforms: [{ platform: 'other', target: 'https://reviews.example/hijack' }],
      reviewInvitations: true,
      reminders: [5],
      journeyCap: { anyFollowUpDays: 2, opinionRequestDays: 40 },
      caseThresholds: { nps: 3, csat: 1, productRating: 1 },
      caseSettings: { businessHours: { opens: '10:00', closes: '12:00', days: [1] }, slaBusinessDays: 2 },
    }),
  },
  'GET /api/imports': { kind: 'read' },
  'GET /api/templates': { kind: 'read' },
  'GET /api/templates/:kind/:locale': { kind: 'read', path: '/api/templates/thank-you/en' },
  'PUT /api/templates/:kind/:locale': {
    kind: 'self',
    path: '/api/templates/thank-you/en',
    body: () => templateSource('Overwritten'),
  },
  'DELETE /api/templates/:kind/:locale': {
    kind: 'self',
    path: '/api/templates/thank-you/en',
    body: () => undefined,
  },
  'POST /api/templates/:kind/:locale/preview': {
    kind: 'self',
    path: '/api/templates/thank-you/en/preview',
    body: (a) => ({ ...templateSource('Peek'), customerId: a.ids.customer }),
  },
  'POST /api/templates/:kind/:locale/test': {
    kind: 'self',
    path: '/api/templates/thank-you/en/test',
    body: (a) => ({ ...templateSource('Peek'), customerId: a.ids.customer }),
  },
  'GET /api/imports/:id': { kind: 'by-id', ids: (ids) => [ids.import] },
  'GET /api/imports/:id/problems': { kind: 'by-id', ids: (ids) => [ids.import] },
  'GET /api/imports/:id/problems.csv': { kind: 'by-id', ids: (ids) => [ids.import] },
  'POST /api/imports/:id/start': {
    kind: 'by-id',
    ids: (ids) => [ids.import],
    body: { mapping: { Email: 'email' }, dryRun: false },
  },
  'POST /api/imports/customers': {
    kind: 'self',
    body: (a) => ({ importId: a.ids.import, tenantId: a.tenant.id }),
  },
  'POST /api/imports/orders': { kind: 'self', body: (a) => ({ importId: a.ids.import }) },
  'POST /api/imports/:kind': {
    kind: 'self',
    path: '/api/imports/appointments',
    body: (a) => ({ importId: a.ids.import, tenantId: a.tenant.id }),
  },
  'PUT /api/integrations/:provider': {
    kind: 'self',
    path: '/api/integrations/shopify',
    body: (a) => ({ secret: 'b-owns-this', tenantId: a.tenant.id }),
  },
  'POST /api/integrations/:provider/test-delivery': {
    kind: 'self',
    path: '/api/integrations/shopify/test-delivery',
    body: () => undefined,
  },
  'DELETE /api/integrations/:provider': {
    kind: 'self',
    path: '/api/integrations/woocommerce',
    body: () => undefined,
  },
  'POST /api/webhooks/shopify/:tenantId': {
    kind: 'outside',
    why: "verified by the shop's signature (webhook specs)",
  },
  'POST /api/webhooks/woocommerce/:tenantId': {
    kind: 'outside',
    why: "verified by the shop's signature (webhook specs)",
  },
  'POST /api/webhooks/stripe/:tenantId': {
    kind: 'outside',
    why: "verified by the shop's signature (webhook specs)",
  },
  'GET /api/customers/:id': { kind: 'by-id', ids: (ids) => [ids.customer] },
  'PATCH /api/customers/:id': {
    kind: 'by-id',
    ids: (ids) => [ids.customer],
    body: { name: 'Hijacked', tags: ['x'] },
  },
  'GET /api/orders/:id': { kind: 'by-id', ids: (ids) => [ids.order] },
  'GET /api/orders/:id/follow-ups': { kind: 'by-id', ids: (ids) => [ids.order] },
  'GET /api/customers/:id/export': { kind: 'by-id', ids: (ids) => [ids.customer] },
  'POST /api/customers/:id/erase': { kind: 'by-id', ids: (ids) => [ids.customer] },
  'POST /api/orders/:id/status': { kind: 'by-id', ids: (ids) => [ids.order], body: { status: 'cancelled' } },
  'GET /api/interactions': { kind: 'read' },
  'GET /api/interactions/:id': { kind: 'by-id', ids: (ids) => [ids.enquiry, ids.quote] },
  'POST /api/interactions/:id/status': {
    kind: 'by-id',
    ids: (ids) => [ids.enquiry, ids.quote],
    body: { status: 'closed' },
  },
  'POST /api/interactions/:id/answers': {
    kind: 'by-id',
    ids: (ids) => [ids.enquiry],
    body: { text: 'Hijacked answer' },
  },
  'POST /api/enquiries': {
    kind: 'self',
    body: (a) => ({
      externalId: `E-${a.orderNumber}`,
      contact: { email: a.buyerEmail, name: 'Hijacked' },
      message: 'Hijacked',
      status: 'closed',
    }),
  },
  'POST /api/quotes': {
    kind: 'self',
    body: (a) => ({
      externalId: `Q-${a.orderNumber}`,
      contact: { email: a.buyerEmail },
      amount: '1.00',
      currency: 'EUR',
      status: 'declined',
    }),
  },
  'POST /api/appointments': {
    kind: 'self',
    body: (a) => ({
      externalId: `A-${a.orderNumber}`,
      contact: { email: a.buyerEmail },
      startsAt: '2026-11-02T10:00:00Z',
      status: 'cancelled',
    }),
  },
  'GET /api/enquiry-form': { kind: 'read' },
  'PATCH /api/enquiry-form': {
    kind: 'self',
    body: (a) => ({ isEnabled: false, newAddress: true, tenantId: a.tenant.id }),
  },
  'GET /api/referrals': { kind: 'read', path: '/api/referrals?days=365' },
  'GET /api/r/:address': {
    kind: 'outside',
    why: "a customer's referral link, addressed by its business and code; it shows no personal data",
  },
  'GET /api/f/:address': {
    kind: 'outside',
    why: 'the public enquiry form, addressed by its business and key',
  },
  'POST /api/f/:address': {
    kind: 'outside',
    why: 'the public enquiry form, addressed by its business and key',
  },
  'POST /api/customers': {
    kind: 'self',
    body: (a) => ({ email: a.buyerEmail, name: 'Hijacked', tenantId: a.tenant.id }),
  },
  'POST /api/orders': {
    kind: 'self',
    body: (a) => ({
      externalId: a.orderNumber,
      customer: { email: a.buyerEmail, name: 'Hijacked' },
      placedAt: '2026-11-01T10:00:00Z',
      status: 'refunded',
      total: '1.00',
      currency: 'EUR',
    }),
  },
  'DELETE /api/me/sessions/:id': { kind: 'by-id', ids: (ids) => [ids.session] },
  'DELETE /api/team/invitations/:id': { kind: 'by-id', ids: (ids) => [ids.invitation] },
  'PATCH /api/team/members/:id': { kind: 'by-id', ids: (ids) => ids.memberships, body: { role: 'staff' } },
  'DELETE /api/team/members/:id': { kind: 'by-id', ids: (ids) => ids.memberships },
  'DELETE /api/api-keys/:id': { kind: 'by-id', ids: (ids) => [ids.apiKey] },
  'GET /api/webhook-endpoints': { kind: 'read' },
  'POST /api/webhook-endpoints': {
    kind: 'self',
    body: (a) => ({ url: `http://127.0.0.1:9/hooks/${a.tenant.id}`, events: ['case.opened'] }),
  },
  'PATCH /api/webhook-endpoints/:id': {
    kind: 'by-id',
    ids: (ids) => [ids.webhookEndpoint],
    body: { description: 'Hijacked', isActive: false },
  },
  'DELETE /api/webhook-endpoints/:id': { kind: 'by-id', ids: (ids) => [ids.webhookEndpoint] },
  'POST /api/webhook-endpoints/:id/test': { kind: 'by-id', ids: (ids) => [ids.webhookEndpoint] },
  'GET /api/webhook-endpoints/:id/deliveries': { kind: 'by-id', ids: (ids) => [ids.webhookEndpoint] },
  'POST /api/webhook-endpoints/:id/deliveries/:deliveryId/resend': {
    kind: 'by-id',
    ids: (ids) => [ids.webhookDelivery],
  },
  'PUT /api/me/business': { kind: 'self', body: (a) => ({ tenantId: a.tenant.id }) },
  'GET /api/me/notifications': { kind: 'read' },
  'PUT /api/me/notifications': {
    kind: 'self',
    body: () => ({ choices: { 'case.opened': 'none' }, summaryHour: 6 }),
  },
  'PATCH /api/business': {
    kind: 'self',
    body: (a) => ({ id: a.tenant.id, tenantId: a.tenant.id, name: 'Taken over' }),
  },
  'DELETE /api/business': { kind: 'self', body: (a) => ({ confirmName: a.tenant.name }) },
  'POST /api/business/resume-sending': { kind: 'self', body: (a) => ({ tenantId: a.tenant.id }) },
  'POST /api/businesses': {
    kind: 'self',
    body: (a) => ({ id: a.tenant.id, name: 'Mine', timeZone: 'UTC', country: 'GB' }),
  },
  'POST /api/team/invitations': {
    kind: 'self',
    body: (a) => ({ email: a.staff.email, role: 'owner', tenantId: a.tenant.id }),
  },
  'POST /api/api-keys': {
    kind: 'self',
    body: (a) => ({ name: 'x', scopes: ['orders:read'], tenantId: a.tenant.id }),
  },
  'POST /api/me/password': {
    kind: 'self',
    body: (a) => ({ currentPassword: a.tenant.owner.password, newPassword: 'x'.repeat(20) }),
  },
  'POST /api/auth/logout': { kind: 'self', body: (a) => ({ sessionId: a.ids.session }) },
  'POST /api/me/sessions/sign-out-everywhere': { kind: 'self', body: (a) => ({ userId: a.tenant.owner.id }) },
};

describe('tenant isolation on every route', () => {
  const spec = startedApp();
  let alpha: World;
  let beta: World;

  beforeAll(async () => {
    alpha = await seedWorld(spec.testApp, 'Alpha Goods');
    beta = await seedWorld(spec.testApp, 'Beta Goods');
  });

  it('has an isolation case for every route the app registers', () => {
    const routes = routeRules(spec.testApp).map((rule) => rule.route);
    expect(routes.filter((route) => !(route in CASES))).toEqual([]);
    expect(Object.keys(CASES).filter((route) => !routes.includes(route))).toEqual([]);
  });

  it("never shows tenant A's rows to tenant B, by session or by API key", async () => {
    const leaks: string[] = [];
    for (const [route, rule] of Object.entries(CASES)) {
      if (rule.kind !== 'read') continue;
      const path = rule.path ?? route.split(' ')[1] ?? '';
      for (const [who, client] of await betaClients()) {
        const result = await client.get(path);
        const text = JSON.stringify(result.body);
        for (const marker of alpha.markers)
          if (text.includes(marker)) leaks.push(`${who} ${route} shows ${marker}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('answers 404 to tenant B for every id of tenant A, and changes nothing', async () => {
    const before = await snapshot(alpha);
    const wrong: string[] = [];
    for (const [route, rule] of Object.entries(CASES)) {
      if (rule.kind !== 'by-id') continue;
      const [method = 'GET', pattern = ''] = route.split(' ');
      for (const id of rule.ids(alpha.ids)) {
        for (const [who, client] of await betaClients()) {
          const parts = id.split('/');
          let next = 0;
          const path = pattern.replace(/:\w+/g, () => parts[Math.min(next++, parts.length - 1)] ?? '');
          const result = await client.request(method, path, rule.body);
          // A session gets "not found"; an API key may be refused earlier for lacking the permission.
          const allowed = who === 'session' ? [404] : [403, 404];
          if (!allowed.includes(result.status))
            wrong.push(`${who} ${method} ${pattern} (${id}) -> ${result.status}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(await snapshot(alpha)).toEqual(before);
  });

  it("cannot reach tenant A through a route that acts on the caller's own business", async () => {
    const before = await snapshot(alpha);
    const outcomes: string[] = [];
    for (const [route, rule] of Object.entries(CASES)) {
      if (rule.kind !== 'self') continue;
      const [method = 'GET', pattern = ''] = route.split(' ');
      for (const [who, client] of await betaClients()) {
        const result = await client.request(method, rule.path ?? pattern, rule.body(alpha));
        if (result.status >= 500) outcomes.push(`${who} ${route} -> ${result.status}`);
      }
    }
    expect(outcomes).toEqual([]);
    expect(await snapshot(alpha)).toEqual(before);
  });

  it('refuses ids smuggled in bodies instead of obeying them', async () => {
    const [, session] = (await betaClients())[0] ?? [];
    const patch = await session?.patch<{ details: { field: string }[] }>('/api/business', {
      tenantId: alpha.tenant.id,
    });
    expect(patch?.status).toBe(400);
    expect(patch?.body.details.map((detail) => detail.field)).toContain('tenantId');
    const switched = await session?.put('/api/me/business', { tenantId: alpha.tenant.id });
    expect(switched?.status).toBe(404);
  });

  /** B's callers, fresh for each use: some routes end the session they are called with. */
  async function betaClients(): Promise<[string, HttpClient][]> {
    return [
      ['session', await signedIn(spec.testApp, beta.tenant.owner)],
      ['api-key', spec.testApp.http().withApiKey(beta.apiKey.key)],
    ];
  }
});

async function seedWorld(testApp: TestApp, name: string): Promise<World> {
  const tenant = await createTenant(testApp, { name });
  const admin = await createUser(testApp);
  const staff = await createUser(testApp);
  await addMember(testApp, tenant.id, admin, 'admin');
  await addMember(testApp, tenant.id, staff, 'staff');
  const owner = await signedIn(testApp, tenant.owner);
  const invitee = `invitee-${tenant.id.slice(0, 8)}@example.test`;
  await expectOk(owner.post('/api/team/invitations', { email: invitee, role: 'staff' }));
  const apiKey = (
    await expectOk(
      owner.post<CreatedApiKeyResponse>('/api/api-keys', {
        name: `${name} key`,
        scopes: [...API_KEY_SCOPES],
      }),
    )
  ).body;
  const buyerEmail = `buyer-${tenant.id.slice(0, 8)}@example.test`;
  const orderNumber = `#A-${tenant.id.slice(0, 8)}`;
  const productName = `Loaf ${tenant.id.slice(0, 8)}`;
  const order = (
    await expectOk(
      owner.post<OrderResponse>('/api/orders', {
        externalId: orderNumber,
        customer: { email: buyerEmail, name: `Buyer of ${name}` },
        placedAt: '2026-11-01T10:00:00Z',
        total: '5.00',
        currency: 'EUR',
        lines: [{ sku: `SKU-${tenant.id.slice(0, 8)}`, productName, quantity: 1, unitPrice: '5.00' }],
      }),
    )
  ).body;
  await expectOk(owner.put('/api/integrations/shopify', { secret: `secret-of-${name}` }));
  const upload = await expectOk(
    owner.request<{ id: string }>(
      'POST',
      `/api/imports/customers?fileName=${encodeURIComponent(`${name}.csv`)}`,
      `Email\n${buyerEmail}\n`,
      {
        'content-type': 'text/csv',
      },
    ),
  );
  const enquiry = (
    await expectOk(
      owner.post<{ id: string }>('/api/enquiries', {
        externalId: `E-${orderNumber}`,
        contact: { email: buyerEmail },
        subject: `Enquiry of ${name}`,
        message: `Question of ${name}`,
      }),
    )
  ).body;
  const quote = (
    await expectOk(
      owner.post<{ id: string }>('/api/quotes', {
        externalId: `Q-${orderNumber}`,
        contact: { email: buyerEmail },
        subject: `Quote of ${name}`,
        amount: '10.00',
        currency: 'EUR',
      }),
    )
  ).body;
  await expectOk(owner.get('/api/enquiry-form'));
  const automations = (await owner.get<{ id: string }[]>('/api/automations')).body;
  await expectOk(owner.put('/api/templates/thank-you/en', templateSource(`Template of ${name}`)));
  const surveys = (await owner.get<{ id: string }[]>('/api/surveys')).body;
  // An answer with a low score and its case, as a buyer's POST would leave them.
  const endpoint = (
    await expectOk(
      owner.post<{ id: string }>('/api/webhook-endpoints', {
        url: `http://127.0.0.1:9/hooks/${name}`,
        events: ['case.opened'],
        description: `Hook of ${name}`,
      }),
    )
  ).body;
  const webhookDelivery = await withClient(testApp.ownerUrl, async (db) => {
    const event = await db.query<{ id: string }>(
      `INSERT INTO business_events (tenant_id, type, data) VALUES ($1, 'case.opened', '{}') RETURNING id`,
      [tenant.id],
    );
    const delivery = await db.query<{ id: string }>(
      `INSERT INTO endpoint_deliveries (tenant_id, endpoint_id, event_id, status, attempts)
       VALUES ($1, $2, $3, 'failed', 1) RETURNING id`,
      [tenant.id, endpoint.id, event.rows[0]?.id],
    );
    return `${endpoint.id}/${delivery.rows[0]?.id ?? ''}`;
  });
  const feedback = await withClient(testApp.ownerUrl, async (db) => {
    const message = await db.query<{ id: string }>(
      `INSERT INTO messages (tenant_id, customer_id, order_id, kind, status, due_at, sent_at)
       VALUES ($1, $2, $3, 'opinion-request', 'sent', now(), now()) RETURNING id`,
      [tenant.id, order.customer.id, order.id],
    );
    const answer = await db.query<{ id: string }>(
      `INSERT INTO answers (tenant_id, message_id, customer_id, order_id, answers, score, score_type, band, comment, channel)
       VALUES ($1, $2, $3, $4, '{"score": 2}', 2, 'nps', 'detractor', $5, 'web') RETURNING id`,
      [tenant.id, message.rows[0]?.id, order.customer.id, order.id, `Comment of ${name}`],
    );
    await db.query(
      `INSERT INTO answer_ratings (tenant_id, answer_id, product_name, rating) VALUES ($1, $2, $3, 2)`,
      [tenant.id, answer.rows[0]?.id, productName],
    );
    const opened = await db.query<{ id: string }>(
      `INSERT INTO cases (tenant_id, answer_id, customer_id, order_id, reasons, due_at)
       VALUES ($1, $2, $3, $4, '{NPS 2}', now() + interval '1 day') RETURNING id`,
      [tenant.id, answer.rows[0]?.id, order.customer.id, order.id],
    );
    await db.query(
      `INSERT INTO replies (tenant_id, from_email, subject, body, full_text) VALUES ($1, $2, 'Hello', $3, $3)`,
      [tenant.id, buyerEmail, `Reply of ${name}`],
    );
    const waiting = await db.query<{ id: string }>(
      `INSERT INTO messages (tenant_id, customer_id, order_id, kind, status, due_at)
       VALUES ($1, $2, $3, 'thank-you', 'scheduled', now() + interval '1 day') RETURNING id`,
      [tenant.id, order.customer.id, order.id],
    );
    const caught = await db.query<{ id: string }>(
      `INSERT INTO mailbox_emails (tenant_id, to_address, subject, html, text) VALUES ($1, $2, $3, '<p>x</p>', 'x') RETURNING id`,
      [tenant.id, buyerEmail, `Caught for ${name}`],
    );
    return {
      answer: answer.rows[0]?.id ?? '',
      case: opened.rows[0]?.id ?? '',
      mailboxEmail: caught.rows[0]?.id ?? '',
      waitingMessage: waiting.rows[0]?.id ?? '',
    };
  });
  const team = (await owner.get<TeamResponse>('/api/team')).body;
  const sessions = (await owner.get<SessionResponse[]>('/api/me/sessions')).body;
  const ids = {
    memberships: team.members.map((member) => member.id),
    invitation: team.invitations[0]?.id ?? '',
    apiKey: apiKey.id,
    session: sessions.find((session) => session.isCurrent)?.id ?? '',
    customer: order.customer.id,
    order: order.id,
    import: upload.body.id,
    automation: automations[0]?.id ?? '',
    survey: surveys[0]?.id ?? '',
    answer: feedback.answer,
    case: feedback.case,
    mailboxEmail: feedback.mailboxEmail,
    waitingMessage: feedback.waitingMessage,
    enquiry: enquiry.id,
    quote: quote.id,
    webhookEndpoint: endpoint.id,
    webhookDelivery,
  };
  const markers = [
    tenant.id,
    name,
    tenant.owner.email,
    admin.email,
    staff.email,
    invitee,
    apiKey.prefix,
    ...ids.memberships,
    ids.invitation,
    ids.apiKey,
    ids.session,
    buyerEmail,
    orderNumber,
    productName,
    `Buyer of ${name}`,
    `secret-of-${name}`,
    ids.webhookEndpoint,
    `Hook of ${name}`,
    `Template of ${name}`,
    ids.customer,
    ids.order,
    ids.import,
    ids.automation,
    ids.survey,
    ids.answer,
    ids.case,
    `Comment of ${name}`,
    `Reply of ${name}`,
    `Caught for ${name}`,
    `${name}.csv`,
    ids.enquiry,
    ids.quote,
    `Enquiry of ${name}`,
    `Question of ${name}`,
    `Quote of ${name}`,
  ];
  return { tenant, admin, staff, owner, apiKey, ids, markers, buyerEmail, orderNumber };
}

/** Everything of A that B might change, read through A's own session (which must survive too). */
async function snapshot(world: World) {
  const [
    business,
    team,
    keys,
    audit,
    customers,
    orders,
    integrations,
    imports,
    automations,
    templates,
    surveys,
    cases,
    feedback,
    reportSettings,
    interactions,
    enquiryForm,
    webhookEndpoints,
  ] = await Promise.all([
    world.owner.get<BusinessResponse>('/api/business'),
    world.owner.get<TeamResponse>('/api/team'),
    world.owner.get<ApiKeyResponse[]>('/api/api-keys'),
    world.owner.get<Page<AuditEventResponse>>('/api/audit-events?limit=200'),
    world.owner.get<Page<CustomerResponse>>('/api/customers?limit=200'),
    world.owner.get<Page<OrderResponse>>('/api/orders?limit=200'),
    world.owner.get<IntegrationResponse[]>('/api/integrations'),
    world.owner.get<unknown[]>('/api/imports'),
    world.owner.get<unknown[]>('/api/automations'),
    world.owner.get<unknown[]>('/api/templates'),
    world.owner.get<unknown[]>('/api/surveys'),
    world.owner.get<Page<unknown>>('/api/cases'),
    world.owner.get<unknown>('/api/feedback-settings'),
    world.owner.get<unknown>('/api/reports/settings'),
    world.owner.get<Page<unknown>>('/api/interactions?limit=200'),
    world.owner.get<unknown>('/api/enquiry-form'),
    world.owner.get<unknown[]>('/api/webhook-endpoints'),
  ]);
  return {
    statuses: [business.status, team.status, keys.status, audit.status, customers.status, orders.status],
    customers: customers.body.items,
    integrations: integrations.body,
    imports: imports.body,
    automations: automations.body,
    templates: templates.body,
    surveys: surveys.body,
    cases: cases.body.items,
    feedback: feedback.body,
    reportSettings: reportSettings.body,
    interactions: interactions.body.items,
    enquiryForm: enquiryForm.body,
    webhookEndpoints: webhookEndpoints.body,
    orders: orders.body.items,
    business: business.body,
    team: team.body,
    keys: keys.body.map(({ lastUsedAt: _ignored, ...key }) => key),
    audit: audit.body.items.map((event) => event.id),
  };
}

async function expectOk<T>(request: Promise<HttpResult<T>>): Promise<HttpResult<T>> {
  const result = await request;
  if (result.status >= 300)
    throw new Error(`Seeding failed: ${result.status} ${JSON.stringify(result.body)}`);
  return result;
}
