import type { DevMailboxMessageResponse, OrderLineRequest } from '@rapport/domain';
import { FollowUpDispatcher } from '../../src/followups/follow-up-dispatcher';
import { FollowUpPlanner } from '../../src/followups/follow-up-planner';
import { mailTo } from './factories';
import type { HttpClient } from './http-client';
import type { TestApp } from './test-app';

const HOUR = 3_600_000;

export interface OrderToFollowUp {
  externalId: string;
  buyer: { email: string; name: string };
  placedAt: Date;
  /** One rye bread at 9.00 unless given. */
  lines?: OrderLineRequest[];
}

/**
 * Places an order through the API, then runs the planner and the dispatcher on the spec's clock (just
 * after the order, a day later for the thank-you, ten days later for the opinion request). Returns the
 * newest email to the buyer: the opinion request.
 */
export async function sendOpinionRequest(
  testApp: TestApp,
  owner: HttpClient,
  order: OrderToFollowUp,
): Promise<DevMailboxMessageResponse> {
  const lines = order.lines ?? [{ productName: 'Rye bread', quantity: 1, unitPrice: '9.00' }];
  const total = lines.reduce((sum, line) => sum + line.quantity * Number(line.unitPrice), 0);
  const placed = await owner.post('/api/orders', {
    externalId: order.externalId,
    customer: order.buyer,
    placedAt: order.placedAt.toISOString(),
    total: total.toFixed(2),
    currency: 'EUR',
    lines,
  });
  if (placed.status !== 201) throw new Error(`Placing the order failed: ${JSON.stringify(placed.body)}`);
  const at = (hours: number) => new Date(order.placedAt.getTime() + hours * HOUR);
  await testApp.app.get(FollowUpPlanner).planPending(at(0.1));
  await testApp.app.get(FollowUpDispatcher).dispatchDue(at(24));
  await testApp.app.get(FollowUpDispatcher).dispatchDue(at(240));
  const [newest] = await mailTo(testApp, order.buyer.email);
  if (!newest) throw new Error(`No email to ${order.buyer.email}`);
  return newest;
}
