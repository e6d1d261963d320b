import type { ApiErrorBody, OrderFollowUpsResponse, OrderResponse } from '@rapport/domain';
import { FollowUpDispatcher } from '../../src/automations/follow-up-dispatcher';
import { FollowUpPlanner } from '../../src/automations/follow-up-planner';
import { createTenant, signedIn } from '../support/factories';
import { withClient } from '../support/test-database';
import { appWithTenant } from '../support/spec-app';

/** Monday 4 January 2027, 10:00 in Madrid. The spec drives the planner's and dispatcher's clock. */
const T0 = new Date('2027-01-04T09:00:00Z');
const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);

describe("an order's follow-ups", () => {
  const spec = appWithTenant({ name: 'Follow-up Bakery', timeZone: 'Europe/Madrid' });

  async function placeOrder(externalId: string, email: string): Promise<OrderResponse> {
    const result = await spec.owner.post<OrderResponse>('/api/orders', {
      externalId,
      customer: { email, name: 'Ana' },
      placedAt: T0.toISOString(),
      total: '9.00',
      currency: 'EUR',
    });
    expect(result.status).toBe(201);
    return result.body;
  }

  it('lists the thank-you sent, the opinion request cancelled with its reason, a failed reminder and a case reply, oldest due first, with the business time zone', async () => {
    const order = await placeOrder('#F-1', 'ana@follow.example');
    const other = await placeOrder('#F-2', 'bob@follow.example');
    await spec.testApp.app.get(FollowUpPlanner).planPending(at(0.1));
    await spec.testApp.app.get(FollowUpDispatcher).dispatchDue(at(24));
    const cancelled = await spec.owner.post(`/api/orders/${order.id}/status`, {
      status: 'cancelled',
      at: at(30).toISOString(),
    });
    expect(cancelled.status).toBe(201);
    // The cancellation stops the opinion request when it falls due.
    await spec.testApp.app.get(FollowUpDispatcher).dispatchDue(at(240));
    await withClient(spec.testApp.ownerUrl, async (db) => {
      await db.query(
        `INSERT INTO messages (tenant_id, customer_id, order_id, kind, status, due_at, last_error)
         VALUES ($1, $2, $3, 'reminder', 'failed', $4, 'the mail provider refused it')`,
        [spec.tenant.id, order.customer.id, order.id, at(300)],
      );
      await db.query(
        `INSERT INTO messages (tenant_id, customer_id, order_id, kind, status, due_at, subject)
         VALUES ($1, $2, $3, 'case-reply', 'scheduled', $4, 'Re: your loaf')`,
        [spec.tenant.id, order.customer.id, order.id, at(400)],
      );
    });

    const result = await spec.owner.get<OrderFollowUpsResponse>(`/api/orders/${order.id}/follow-ups`);

    expect(result.status).toBe(200);
    expect(result.body.timeZone).toBe('Europe/Madrid');
    expect(
      result.body.items.map((item) => [item.kind, item.status, item.dueAt, item.automation, item.reason]),
    ).toEqual([
      ['thank-you', 'sent', at(24).toISOString(), 'Thank you', null],
      [
        'opinion-request',
        'cancelled',
        at(240).toISOString(),
        'How did we do?',
        expect.stringMatching(/cancel/),
      ],
      ['reminder', 'failed', at(300).toISOString(), null, 'the mail provider refused it'],
      ['case-reply', 'scheduled', at(400).toISOString(), null, null],
    ]);
    const [thankYou, request] = result.body.items;
    expect(thankYou?.sentAt).not.toBeNull();
    expect(thankYou?.subject).toContain('Follow-up Bakery');
    // The sent one links to the copy the business's mailbox caught, which opens for the same business.
    expect(thankYou?.mailboxEmailId).toEqual(expect.any(String));
    expect(request?.mailboxEmailId).toBeNull();
    const caught = await spec.owner.get<{ subject: string }>(`/api/mailbox/${thankYou?.mailboxEmailId}`);
    expect(caught.body.subject).toBe(thankYou?.subject);

    const others = await spec.owner.get<OrderFollowUpsResponse>(`/api/orders/${other.id}/follow-ups`);
    // The other order went on: its request was sent and its reminder planned; none of the first order's show.
    expect(others.body.items.map((item) => [item.kind, item.status])).toEqual([
      ['thank-you', 'sent'],
      ['opinion-request', 'sent'],
      ['reminder', 'scheduled'],
    ]);
  });

  it('answers an order with no follow-ups with an empty list', async () => {
    await withClient(spec.testApp.ownerUrl, (db) =>
      db.query(`UPDATE automations SET is_enabled = false WHERE tenant_id = $1`, [spec.tenant.id]),
    );
    const order = await placeOrder('#F-3', 'cleo@follow.example');
    await spec.testApp.app.get(FollowUpPlanner).planPending(at(0.1));
    const result = await spec.owner.get<OrderFollowUpsResponse>(`/api/orders/${order.id}/follow-ups`);
    expect(result.body).toEqual({ timeZone: 'Europe/Madrid', items: [] });
  });

  it("answers 404 for another business's order and 400 naming the id for a malformed one", async () => {
    const order = await placeOrder('#F-4', 'dan@follow.example');
    const stranger = await signedIn(spec.testApp, (await createTenant(spec.testApp)).owner);
    expect((await stranger.get(`/api/orders/${order.id}/follow-ups`)).status).toBe(404);
    const malformed = await spec.owner.get<ApiErrorBody>('/api/orders/not-an-id/follow-ups');
    expect(malformed.status).toBe(400);
    expect(malformed.body.details?.map((detail) => detail.field)).toEqual(['id']);
  });

  it('is in the OpenAPI document', async () => {
    const document = await spec.testApp
      .http()
      .get<{ paths: Record<string, Record<string, unknown>> }>('/api/docs/openapi.json');
    expect(Object.keys(document.body.paths['/api/orders/{id}/follow-ups'] ?? {})).toEqual(['get']);
  });
});
