import { SendGridMock } from '@rapport/sendgrid-mock';
import type {
  BusinessResponse,
  CustomerResponse,
  DeliveryHealthResponse,
  MeResponse,
  OrderResponse,
} from '@rapport/domain';
import { FollowUpDispatcher } from '../../src/automations/follow-up-dispatcher';
import { FollowUpPlanner } from '../../src/automations/follow-up-planner';
import { waitForMailTo } from '../support/factories';
import { withClient } from '../support/test-database';
import { appWithSignedUpBusiness } from '../support/spec-app';

const T0 = new Date('2027-01-04T09:00:00Z');
const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);

describe("SendGrid's delivery events", () => {
  const mock = new SendGridMock();
  beforeAll(() => mock.start());
  afterAll(() => mock.stop());
  const spec = appWithSignedUpBusiness(
    { name: 'Events Bakery', timeZone: 'Europe/Madrid', country: 'ES' },
    { SENDGRID_WEBHOOK_PUBLIC_KEY: mock.publicKey },
  );
  let eventsUrl: string;
  let sequence = 0;

  beforeAll(async () => {
    eventsUrl = `${spec.testApp.baseUrl}/api/webhooks/sendgrid/events`;
  });

  /** A buyer with a sent thank-you and a planned opinion request; returns the thank-you's message id. */
  async function sentThankYou(email: string): Promise<string> {
    sequence += 1;
    await spec.owner.post<OrderResponse>('/api/orders', {
      externalId: `#EV${sequence}-${Date.now()}`,
      customer: { email, name: 'Ben Buyer' },
      placedAt: T0.toISOString(),
      total: '5.00',
      currency: 'EUR',
    });
    await spec.testApp.app.get(FollowUpPlanner).planPending(at(0.1));
    await spec.testApp.app.get(FollowUpDispatcher).dispatchDue(at(24));
    const [row] = await query<{ id: string }>(
      `SELECT m.id FROM messages m JOIN customers c ON c.tenant_id = m.tenant_id AND c.id = m.customer_id
        WHERE m.tenant_id = $1 AND c.email = $2 AND m.kind = 'thank-you'`,
      [spec.tenantId, email],
    );
    return row?.id ?? '';
  }

  async function query<T>(sql: string, values: unknown[]): Promise<T[]> {
    return withClient(spec.testApp.ownerUrl, async (db) => (await db.query(sql, values)).rows as T[]);
  }

  async function statuses(email: string): Promise<string[]> {
    const rows = await query<{ status: string }>(
      `SELECT m.status FROM messages m JOIN customers c ON c.tenant_id = m.tenant_id AND c.id = m.customer_id
        WHERE m.tenant_id = $1 AND c.email = $2 ORDER BY m.due_at`,
      [spec.tenantId, email],
    );
    return rows.map((row) => row.status);
  }

  it('marks a message delivered, then opened, and never back', async () => {
    const email = 'ben@events.example';
    const messageId = await sentThankYou(email);
    const base = { email, message_id: messageId, tenant_id: spec.tenantId };
    expect(
      (
        await mock.postEvents(eventsUrl, [
          { ...base, event: 'delivered' },
          { ...base, event: 'open' },
        ])
      ).status,
    ).toBe(200);
    await mock.postEvents(eventsUrl, [{ ...base, event: 'delivered' }]);
    expect((await statuses(email))[0]).toBe('opened');
  });

  it('stops all mail to a bounced address, keeping the reason to check the contact, and a late "delivered" does not undo it', async () => {
    const email = 'bounce@events.example';
    const messageId = await sentThankYou(email);
    const base = { email, message_id: messageId, tenant_id: spec.tenantId };
    await mock.postEvents(eventsUrl, [{ ...base, event: 'bounce', reason: '550 mailbox unavailable' }]);
    await mock.postEvents(eventsUrl, [{ ...base, event: 'delivered' }]);
    expect(await statuses(email)).toEqual(['bounced', 'cancelled']);
    const customers = await spec.owner.get<{ items: CustomerResponse[] }>(
      `/api/customers?search=${encodeURIComponent(email)}`,
    );
    expect(customers.body.items[0]).toMatchObject({
      subscriptionState: 'bounced',
      subscriptionReason: "check this contact's email: 550 mailbox unavailable",
    });
  });

  it('applies a replayed event once', async () => {
    const email = 'replay@events.example';
    const messageId = await sentThankYou(email);
    const events = [
      {
        email,
        message_id: messageId,
        tenant_id: spec.tenantId,
        event: 'delivered',
        sg_event_id: `evt-${messageId}`,
      },
    ];
    const first = await (await mock.postEvents(eventsUrl, events)).json();
    const again = await (await mock.postEvents(eventsUrl, events)).json();
    expect(first).toEqual({ applied: 1, duplicates: 0, ignored: 0 });
    expect(again).toEqual({ applied: 0, duplicates: 1, ignored: 0 });
  });

  it('refuses a tampered body, a stale timestamp and missing signatures, and stores nothing', async () => {
    const email = 'forged@events.example';
    const messageId = await sentThankYou(email);
    const events = [{ email, message_id: messageId, tenant_id: spec.tenantId, event: 'bounce' }];
    expect((await mock.postEvents(eventsUrl, events, { tamper: true })).status).toBe(401);
    expect(
      (await mock.postEvents(eventsUrl, events, { timestamp: Math.floor(Date.now() / 1000) - 3600 })).status,
    ).toBe(401);
    const unsigned = await fetch(eventsUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(events),
    });
    expect(unsigned.status).toBe(401);
    expect(await statuses(email)).toEqual(['sent', 'scheduled']);
  });

  it('pauses a business whose complaint rate passes 0.3% in a day, and says why', async () => {
    const email = 'angry@events.example';
    const messageId = await sentThankYou(email);
    await mock.postEvents(eventsUrl, [
      { email, message_id: messageId, tenant_id: spec.tenantId, event: 'spamreport' },
    ]);
    const [tenant] = await query<{ paused_reason: string | null }>(
      `SELECT paused_reason FROM tenants WHERE id = $1`,
      [spec.tenantId],
    );
    expect(tenant?.paused_reason).toMatch(
      /^Paused: 1 spam complaints for \d+ delivered emails in a day \(limit 0\.3%\)$/,
    );
    expect((await spec.owner.get<BusinessResponse>('/api/business')).status).toBe(200);
    expect((await spec.owner.get<MeResponse>('/api/me')).body.business?.pausedReason).toBe(
      tenant?.paused_reason,
    );

    // The owner looked into it and sends again; the audit log says who and what the pause was.
    const resumed = await spec.owner.post<MeResponse>('/api/business/resume-sending', {});
    expect(resumed.status).toBe(200);
    expect(resumed.body.business?.pausedReason).toBeNull();
    const [after] = await query<{ paused_at: Date | null }>(`SELECT paused_at FROM tenants WHERE id = $1`, [
      spec.tenantId,
    ]);
    expect(after?.paused_at).toBeNull();
    const [audit] = await query<{ details: Record<string, { from: string; to: string }> }>(
      `SELECT details FROM audit_events WHERE tenant_id = $1 AND action = 'business.updated'
        ORDER BY occurred_at DESC LIMIT 1`,
      [spec.tenantId],
    );
    expect(audit?.details['sending']).toEqual({ from: `paused: ${tenant?.paused_reason}`, to: 'resumed' });
  });

  it('sums up delivery health: delivered, bounced and complaint shares of what was sent', async () => {
    const rows = await query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM messages WHERE tenant_id = $1 AND sent_at IS NOT NULL GROUP BY status`,
      [spec.tenantId],
    );
    const count = (...names: string[]) =>
      rows.filter((row) => names.includes(row.status)).reduce((sum, row) => sum + row.n, 0);
    const sent = count('sent', 'delivered', 'opened', 'clicked', 'bounced', 'dropped', 'complained');
    const reported = sent - count('sent');
    const health = await spec.owner.get<DeliveryHealthResponse>('/api/messages/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({
      days: 30,
      sent,
      awaitingReport: count('sent'),
      delivered: count('delivered', 'opened', 'clicked'),
      bounced: count('bounced'),
      complained: 1,
      complaintRate: 1 / reported,
    });
    expect(health.body.bounced).toBeGreaterThan(0);
    expect(health.body.delivered).toBeGreaterThan(0);
  });

  it('tells the team once a day that sending is at risk: for spam complaints, and for a spike of bounces', async () => {
    const atRisk = () =>
      query<{ data: Record<string, unknown> }>(
        `SELECT data FROM business_events WHERE tenant_id = $1 AND type = 'delivery.at_risk' ORDER BY occurred_at`,
        [spec.tenantId],
      );
    // The complaint pause of the test above told it once; a second complaint the same day adds nothing.
    expect((await atRisk()).map((event) => event.data['reason'])).toEqual(['complaints']);
    const email = 'angrier@events.example';
    const messageId = await sentThankYou(email);
    await mock.postEvents(eventsUrl, [
      { email, message_id: messageId, tenant_id: spec.tenantId, event: 'spamreport' },
    ]);
    expect((await atRisk()).map((event) => event.data['reason'])).toEqual(['complaints']);

    // Ten bounces in a day of few deliveries: the list has gone bad.
    const bouncing = 'gone@events.example';
    const bounced = await sentThankYou(bouncing);
    await mock.postEvents(
      eventsUrl,
      Array.from({ length: 12 }, () => ({
        email: bouncing,
        message_id: bounced,
        tenant_id: spec.tenantId,
        event: 'bounce',
        reason: '550 5.1.1 no such user',
      })),
    );
    const events = await atRisk();
    expect(events.map((event) => event.data['reason'])).toEqual(['complaints', 'bounces']);
    expect(events[1]?.data).toMatchObject({
      reason: 'bounces',
      bounced: expect.any(Number),
      sent: expect.any(Number),
    });
    expect(Number(events[1]?.data['bounced'])).toBeGreaterThanOrEqual(10);

    // The owner hears of it at once (their role's default), in plain words with the figures.
    const notice = await waitForMailTo(
      spec.testApp,
      spec.ownerEmail,
      (mail) => mail.subject === 'Sending is at risk' && mail.text.includes('bounced'),
    );
    expect(notice.text).toMatch(/\d+ of \d+ emails sent in the last day bounced\./);
  });
});
