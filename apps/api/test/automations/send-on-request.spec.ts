import { randomUUID } from 'node:crypto';
import type { ApiErrorBody, MessageResponse, OrderResponse, Page } from '@rapport/domain';
import { wallTimeAt } from '@rapport/domain';
import { FollowUpDispatcher } from '../../src/automations/follow-up-dispatcher';
import { FollowUpPlanner } from '../../src/automations/follow-up-planner';
import { withClient } from '../support/test-database';
import { appWithSignedUpBusiness } from '../support/spec-app';

/** A waiting follow-up sent at once on request: to try a rule on oneself, or for a buyer at the counter. */
describe('sending a waiting follow-up now', () => {
  const spec = appWithSignedUpBusiness({ name: 'Counter Bakery', timeZone: 'Europe/Madrid', country: 'ES' });

  beforeAll(async () => {
    // The window is shut all of today: whatever goes today goes because someone asked for it.
    const today = wallTimeAt(new Date(), 'Europe/Madrid').weekday;
    const otherDays = [1, 2, 3, 4, 5, 6, 7].filter((day) => day !== today);
    await withClient(spec.testApp.ownerUrl, (db) =>
      db.query(`UPDATE tenants SET send_window = $2 WHERE id = $1`, [
        spec.tenantId,
        { opens: '09:00', closes: '19:00', days: otherDays },
      ]),
    );
  });

  /** An order placed now: its thank-you waits a day. */
  async function waitingThankYou(email: string): Promise<MessageResponse> {
    const order = await spec.owner.post<OrderResponse>('/api/orders', {
      externalId: `#C-${randomUUID().slice(0, 8)}`,
      customer: { email, name: 'Tomas Buyer' },
      placedAt: new Date().toISOString(),
      total: '9.00',
      currency: 'EUR',
      lines: [{ productName: 'Rye loaf', quantity: 1, unitPrice: '9.00' }],
    });
    expect(order.status).toBe(201);
    await spec.testApp.app.get(FollowUpPlanner).planPending(new Date());
    const messages = await spec.owner.get<Page<MessageResponse>>(
      `/api/messages?customerId=${order.body.customer.id}`,
    );
    const thankYou = messages.body.items.find((message) => message.kind === 'thank-you');
    if (!thankYou) throw new Error('no thank-you was planned');
    expect(thankYou.status).toBe('scheduled');
    expect(new Date(thankYou.dueAt).getTime()).toBeGreaterThan(Date.now() + 12 * 3_600_000);
    return thankYou;
  }

  const statusOf = async (message: MessageResponse): Promise<MessageResponse | undefined> =>
    (
      await spec.owner.get<Page<MessageResponse>>(`/api/messages?customerId=${message.customer.id}`)
    ).body.items.find((item) => item.id === message.id);

  it('sends it at the next dispatch, outside the send window, while others wait for the window', async () => {
    const asked = await waitingThankYou(`asked-${Date.now()}@buyers.example`);
    const other = await waitingThankYou(`other-${Date.now()}@buyers.example`);
    // The other one falls due too, with nobody asking: the closed window holds it.
    await withClient(spec.testApp.ownerUrl, (db) =>
      db.query(`UPDATE messages SET due_at = now() - interval '1 minute' WHERE id = $1`, [other.id]),
    );

    const result = await spec.owner.post<MessageResponse>(`/api/messages/${asked.id}/send-now`);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ id: asked.id, status: 'scheduled' });
    expect(new Date(result.body.dueAt).getTime()).toBeLessThanOrEqual(Date.now());

    await spec.testApp.app.get(FollowUpDispatcher).dispatchDue(new Date());
    expect(await statusOf(asked)).toMatchObject({ status: 'sent' });
    expect(await statusOf(other)).toMatchObject({
      status: 'scheduled',
      reason: 'waiting for the send window',
    });
  });

  it('refuses to hurry an email to a buyer who unsubscribed since, naming why, and sends nothing', async () => {
    const asked = await waitingThankYou(`gone-${Date.now()}@buyers.example`);
    await withClient(spec.testApp.ownerUrl, (db) =>
      db.query(`UPDATE customers SET subscription_state = 'unsubscribed' WHERE tenant_id = $1 AND id = $2`, [
        spec.tenantId,
        asked.customer.id,
      ]),
    );
    const refused = await spec.owner.post<ApiErrorBody>(`/api/messages/${asked.id}/send-now`);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('no longer takes emails');
    await spec.testApp.app.get(FollowUpDispatcher).dispatchDue(new Date());
    expect(await statusOf(asked)).toMatchObject({ status: 'scheduled' });
  });

  it('records who sent a follow-up early in the audit log', async () => {
    const log = await spec.owner.get<Page<{ action: string; target: string | null }>>(
      '/api/audit-events?action=message.sent_now',
    );
    expect(log.body.items.map((event) => event.target)).toContain('Thank you to Tomas Buyer');
  });

  it('refuses a message that is not waiting, naming it, and answers 404 for one that does not exist', async () => {
    const asked = await waitingThankYou(`twice-${Date.now()}@buyers.example`);
    await spec.owner.post(`/api/messages/${asked.id}/send-now`);
    await spec.testApp.app.get(FollowUpDispatcher).dispatchDue(new Date());
    const again = await spec.owner.post<ApiErrorBody>(`/api/messages/${asked.id}/send-now`);
    expect(again.status).toBe(400);
    expect(JSON.stringify(again.body)).toContain('is sent, not waiting to be sent');
    expect((await spec.owner.post(`/api/messages/${randomUUID()}/send-now`)).status).toBe(404);
  });
});
