import type { AutomationResponse } from '@rapport/domain';
import { FollowUpPlanner } from '../../src/automations/follow-up-planner';
import { withClient } from '../support/test-database';
import { appWithSignedUpBusiness } from '../support/spec-app';

describe('rules a business makes itself', () => {
  const spec = appWithSignedUpBusiness({ name: 'Rule Bakery', timeZone: 'Europe/Dublin', country: 'IE' });

  it('creates a rule that reads in plain words and plans for the orders it is for', async () => {
    const created = await spec.owner.post<AutomationResponse>('/api/automations', {
      name: 'Thanks when it ships',
      trigger: 'order_fulfilled',
      delay: { amount: 2, unit: 'hours' },
      kind: 'thank-you',
      conditions: { tags: ['wholesale'] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Thanks when it ships',
      isEnabled: true,
      survey: null,
      description: '2 hours after an order is fulfilled, to buyers tagged wholesale, send "Thank you"',
    });
    const order = await spec.owner.post<{ id: string }>('/api/orders', {
      externalId: '#R1',
      customer: { email: 'shop@rules.example', tags: ['wholesale'] },
      placedAt: '2027-01-04T09:00:00Z',
      status: 'fulfilled',
      total: '80.00',
      currency: 'EUR',
    });
    await spec.testApp.app.get(FollowUpPlanner).planPending(new Date('2027-01-04T09:30:00Z'));
    const planned = await withClient(spec.testApp.ownerUrl, async (db) => {
      const { rows } = await db.query<{ due_at: Date }>(
        `SELECT due_at FROM messages WHERE tenant_id = $1 AND automation_id = $2`,
        [spec.tenantId, created.body.id],
      );
      return rows.map((row) => row.due_at.toISOString());
    });
    expect(order.status).toBe(201);
    expect(planned).toHaveLength(1);
  });

  it('names every problem of a new rule', async () => {
    const refused = await spec.owner.post<{ details: { field: string }[] }>('/api/automations', {
      name: '',
      trigger: 'order_shipped',
      delay: { amount: 2, unit: 'weeks' },
      kind: 'reminder',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.details.map((detail) => detail.field).sort()).toEqual(
      ['delay.unit', 'kind', 'name', 'trigger'].sort(),
    );
  });

  it('moves a rule to another trigger, and deletes one, cancelling what it had planned', async () => {
    const rules = (await spec.owner.get<AutomationResponse[]>('/api/automations')).body;
    const shipped = rules.find((rule) => rule.name === 'Thanks when it ships');
    const moved = await spec.owner.patch<AutomationResponse>(`/api/automations/${shipped?.id}`, {
      trigger: 'order_delivered',
    });
    expect(moved.body.description).toBe(
      '2 hours after an order is delivered, to buyers tagged wholesale, send "Thank you"',
    );
    expect((await spec.owner.delete(`/api/automations/${shipped?.id}`)).status).toBe(204);
    expect((await spec.owner.delete(`/api/automations/${shipped?.id}`)).status).toBe(404);
    const reasons = await withClient(spec.testApp.ownerUrl, async (db) => {
      const { rows } = await db.query<{ status: string; skip_reason: string }>(
        `SELECT status, skip_reason FROM messages WHERE tenant_id = $1 AND automation_id IS NULL AND kind = 'thank-you'`,
        [spec.tenantId],
      );
      return rows;
    });
    expect(reasons).toContainEqual({ status: 'cancelled', skip_reason: 'cancelled: the rule was deleted' });
  });
});
