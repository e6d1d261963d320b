import {
  type ApiErrorBody,
  type AutomationResponse,
  DEFAULT_SEND_WINDOW,
  type OrderResponse,
  plannedSendTime,
  type SendNowResponse,
  type UpcomingMessageResponse,
  wallTimeAt,
} from '@rapport/domain';
import { FollowUpDispatcher } from '../../src/automations/follow-up-dispatcher';
import { FollowUpPlanner } from '../../src/automations/follow-up-planner';
import { withClient } from '../support/test-database';
import { appWithSignedUpBusiness } from '../support/spec-app';

interface MessageRow {
  kind: string;
  status: string;
  due_at: Date;
  skip_reason: string | null;
  order_number: string;
}

/** Monday 4 January 2027, 10:00 in Madrid. Tests drive the clock; this is well after the real one. */
const T0 = new Date('2027-01-04T09:00:00Z');
const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);

describe('the follow-up engine', () => {
  const spec = appWithSignedUpBusiness({ name: 'Engine Bakery', timeZone: 'Europe/Madrid', country: 'ES' });
  let sequence = 0;

  const planner = () => spec.testApp.app.get(FollowUpPlanner);
  const dispatcher = () => spec.testApp.app.get(FollowUpDispatcher);

  async function placeOrder(
    email: string,
    placedAt: Date,
    extra: Record<string, unknown> = {},
  ): Promise<OrderResponse> {
    sequence += 1;
    const result = await spec.owner.post<OrderResponse>('/api/orders', {
      externalId: `#E${sequence}-${Date.now()}`,
      customer: { email, name: 'Bea Buyer' },
      placedAt: placedAt.toISOString(),
      total: '12.00',
      currency: 'EUR',
      lines: [{ productName: 'Sourdough loaf', quantity: 1, unitPrice: '12.00' }],
      ...extra,
    });
    return result.body;
  }

  async function messagesOf(email: string): Promise<MessageRow[]> {
    return withClient(spec.testApp.ownerUrl, async (db) => {
      const { rows } = await db.query<MessageRow>(
        `SELECT m.kind, m.status, m.due_at, m.skip_reason, o.external_id AS order_number
           FROM messages m JOIN customers c ON c.tenant_id = m.tenant_id AND c.id = m.customer_id
           LEFT JOIN orders o ON o.tenant_id = m.tenant_id AND o.id = m.order_id
          WHERE m.tenant_id = $1 AND c.email = $2 ORDER BY m.due_at`,
        [spec.tenantId, email],
      );
      return rows;
    });
  }

  async function mailbox(
    email: string,
  ): Promise<{ subject: string; text: string; headers: Record<string, string>; reply_to: string }[]> {
    return withClient(spec.testApp.ownerUrl, async (db) => {
      const { rows } = await db.query(
        `SELECT subject, text, headers, reply_to FROM dev_mailbox WHERE to_address = $1 ORDER BY created_at`,
        [email],
      );
      return rows;
    });
  }

  it("plans a thank-you a day after the order and an opinion request ten days after, then sends the thank-you in the window, in the business's language when the buyer's is unknown", async () => {
    const email = 'bea@engine.example';
    await placeOrder(email, T0);
    await planner().planPending(at(0.1));
    expect((await messagesOf(email)).map((row) => [row.kind, row.status, row.due_at.toISOString()])).toEqual([
      ['thank-you', 'scheduled', at(24).toISOString()],
      ['opinion-request', 'scheduled', at(240).toISOString()],
    ]);

    await dispatcher().dispatchDue(at(24));
    const [thankYou] = await messagesOf(email);
    expect(thankYou?.status).toBe('sent');
    const [mail] = await mailbox(email);
    expect(mail?.subject).toBe('Gracias por tu pedido en Engine Bakery');
    expect(mail?.text).toMatch(/^Hola, Bea:\n\nGracias por tu pedido #E\d+-\d+\. Nos alegra/m);
    expect(mail?.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(mail?.headers['List-Unsubscribe']).toMatch(
      /^<http:\/\/localhost:\d+\/api\/u\/[0-9a-f]{32}\.[\w-]{43}>$/,
    );
    expect(mail?.reply_to).toMatch(/^r-[0-9a-z]{25}-[0-9a-z]{25}@reply\.rapport\.localhost$/);

    const customers = await spec.owner.get<{ items: { id: string }[] }>(
      `/api/customers?search=${encodeURIComponent(email)}`,
    );
    const detail = await spec.owner.get<{ timeline: { kind: string; status?: string; subject?: string }[] }>(
      `/api/customers/${customers.body.items[0]?.id}`,
    );
    expect(detail.body.timeline.filter((entry) => entry.kind === 'email')).toEqual([
      expect.objectContaining({ messageKind: 'opinion-request', status: 'scheduled', subject: null }),
      expect.objectContaining({
        messageKind: 'thank-you',
        status: 'sent',
        subject: 'Gracias por tu pedido en Engine Bakery',
      }),
    ]);
  });

  it('re-times the opinion request when the order is delivered, to seven days after delivery', async () => {
    const email = 'dora@engine.example';
    const order = await placeOrder(email, T0);
    await planner().planPending(at(0.1));
    await spec.owner.post(`/api/orders/${order.id}/status`, {
      status: 'delivered',
      at: at(48).toISOString(),
    });
    await planner().planPending(at(48.1));
    const request = (await messagesOf(email)).find((row) => row.kind === 'opinion-request');
    expect(request?.due_at.toISOString()).toBe(at(48 + 168).toISOString());
  });

  it('waits for the send window in the buyer’s time zone', async () => {
    const email = 'night@engine.example';
    // Placed at 22:00 in Madrid: the thank-you falls due at 22:00 the next day, outside 09:00-19:00.
    await placeOrder(email, at(12));
    await planner().planPending(at(12.1));
    await dispatcher().dispatchDue(at(36));
    const [thankYou] = await messagesOf(email);
    expect(thankYou?.status).toBe('scheduled');
    expect(thankYou?.skip_reason).toBe('waiting for the send window');
    const opens = thankYou?.due_at.getTime() ?? 0;
    expect(opens).toBeGreaterThanOrEqual(new Date('2027-01-06T08:00:00Z').getTime());
    expect(opens).toBeLessThan(new Date('2027-01-06T08:45:00Z').getTime());
  });

  it('re-times what waits for the window when the business widens it, instead of keeping the old opening', async () => {
    const email = 'widened@engine.example';
    await placeOrder(email, at(12));
    await planner().planPending(at(12.1));
    await dispatcher().dispatchDue(at(36));
    expect((await messagesOf(email))[0]).toMatchObject({
      status: 'scheduled',
      skip_reason: 'waiting for the send window',
    });
    const everyDay = { opens: '00:00', closes: '23:59', days: [1, 2, 3, 4, 5, 6, 7] };
    expect((await spec.owner.patch('/api/business', { sendWindow: everyDay })).status).toBe(200);
    try {
      const [waiting] = await messagesOf(email);
      expect(waiting?.due_at.getTime()).toBeLessThanOrEqual(Date.now());
      await dispatcher().dispatchDue(at(36.2));
      expect((await messagesOf(email))[0]?.status).toBe('sent');
    } finally {
      await spec.owner.patch('/api/business', { sendWindow: DEFAULT_SEND_WINDOW });
    }
  });

  it('holds a second thank-you back within three days, and says why', async () => {
    const email = 'twice@engine.example';
    await placeOrder(email, T0);
    await placeOrder(email, at(1));
    await planner().planPending(at(1.1));
    await dispatcher().dispatchDue(at(26));
    const thankYous = (await messagesOf(email)).filter((row) => row.kind === 'thank-you');
    expect(thankYous.map((row) => [row.status, row.skip_reason])).toEqual([
      ['sent', null],
      ['skipped', 'skipped: thank you sent today'],
    ]);
  });

  it('cancels what is planned for a cancelled order', async () => {
    const email = 'cancel@engine.example';
    const order = await placeOrder(email, T0);
    await planner().planPending(at(0.1));
    await spec.owner.post(`/api/orders/${order.id}/status`, { status: 'cancelled', at: at(2).toISOString() });
    await planner().planPending(at(2.1));
    expect((await messagesOf(email)).map((row) => [row.status, row.skip_reason])).toEqual([
      ['cancelled', 'cancelled: the order was cancelled'],
      ['cancelled', 'cancelled: the order was cancelled'],
    ]);
  });

  it('unsubscribes with one click (POST only: opening the link changes nothing) and stops the next message', async () => {
    const email = 'leave@engine.example';
    await placeOrder(email, T0);
    await planner().planPending(at(0.1));
    await dispatcher().dispatchDue(at(24));
    const [mail] = await mailbox(email);
    const url = /<(.+)>/.exec(mail?.headers['List-Unsubscribe'] ?? '')?.[1] ?? '';
    const path = new URL(url).pathname;

    const opened = await fetch(`${spec.testApp.baseUrl}${path}`);
    expect(opened.status).toBe(200);
    // The buyer's language is unknown: the page is in the business's, Spanish.
    expect(await opened.text()).toContain('¿Darte de baja de Engine Bakery?');
    await fetch(`${spec.testApp.baseUrl}${path}`, { method: 'HEAD' });
    expect((await messagesOf(email)).map((row) => row.status)).toEqual(['sent', 'scheduled']);

    const oneClick = await fetch(`${spec.testApp.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
      redirect: 'manual',
    });
    expect(oneClick.status).toBe(200);
    expect((await messagesOf(email)).map((row) => [row.status, row.skip_reason])).toEqual([
      ['sent', null],
      ['cancelled', 'cancelled: the buyer unsubscribed'],
    ]);
    // Another order later: its follow-ups are skipped, never sent.
    await placeOrder(email, at(100));
    await planner().planPending(at(100.1));
    await dispatcher().dispatchDue(at(125));
    const later = (await messagesOf(email)).filter((row) => row.status === 'skipped');
    expect(later[0]?.skip_reason).toBe('skipped: the buyer is unsubscribed');
    expect(await mailbox(email)).toHaveLength(1);
  });

  it('lists the rules in plain words and plans nothing for a rule that is turned off', async () => {
    const rules =
      await spec.owner.get<{ id: string; description: string; isEnabled: boolean }[]>('/api/automations');
    expect(rules.body.map((rule) => rule.description)).toEqual([
      '1 day after an order is placed, send "Thank you"',
      '7 days after an order is delivered (or 10 days after it is placed when delivery is unknown), send "How did we do?"',
      '5 minutes after an enquiry arrives, send "Thank you for your enquiry"',
      '3 days after a quote is sent, send "Following up on your quote"',
      '2 hours after an appointment is completed, send "Thanks for visiting"',
      '3 days after an appointment is completed, send "How did we do?"',
      '1 hour after someone misses an appointment, send "We missed you"',
    ]);
    const thankYou = rules.body[0];
    expect((await spec.owner.patch(`/api/automations/${thankYou?.id}`, { isEnabled: false })).status).toBe(
      200,
    );
    const email = 'off@engine.example';
    await placeOrder(email, T0);
    await planner().planPending(at(0.1));
    expect((await messagesOf(email)).map((row) => row.kind)).toEqual(['opinion-request']);
    await spec.owner.patch(`/api/automations/${thankYou?.id}`, { isEnabled: true });
  });

  it('shows the outbox with the reason a message did not go', async () => {
    const messages = await spec.owner.get<{
      items: { status: string; reason: string | null; customer: { email: string } }[];
    }>('/api/messages?status=skipped');
    expect(messages.status).toBe(200);
    expect(messages.body.items.map((message) => message.reason)).toContain('skipped: thank you sent today');
    const bad = await spec.owner.get<{ details: unknown }>('/api/messages?status=lost');
    expect(bad.status).toBe(400);
  });

  it('keeps sender details and a valid send window in the business settings', async () => {
    const saved = await spec.owner.patch<{ senderName: string; sendWindow: unknown; contactPhone: string }>(
      '/api/business',
      {
        senderName: 'Elena at Engine Bakery',
        contactPhone: '+34 910 000 000',
        postalAddress: 'Calle Mayor 1, Madrid',
        sendWindow: { opens: '10:00', closes: '18:00', days: [5, 1, 2, 3, 4] },
      },
    );
    expect(saved.body).toMatchObject({
      senderName: 'Elena at Engine Bakery',
      contactPhone: '+34 910 000 000',
      sendWindow: { opens: '10:00', closes: '18:00', days: [1, 2, 3, 4, 5] },
    });
    const backwards = await spec.owner.patch<{ details: unknown }>('/api/business', {
      sendWindow: { opens: '18:00', closes: '10:00', days: [1] },
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.details).toEqual([{ field: 'sendWindow', reason: 'must close after it opens' }]);
    await spec.owner.patch('/api/business', {
      sendWindow: { opens: '09:00', closes: '19:00', days: [1, 2, 3, 4, 5, 6] },
    });
  });

  it('sends each message once when two dispatchers run at the same time', async () => {
    const emails = Array.from({ length: 12 }, (_, index) => `race${index}@engine.example`);
    for (const email of emails) await placeOrder(email, T0);
    await planner().planPending(at(0.1));
    await Promise.all([
      dispatcher().dispatchDue(at(24)),
      dispatcher().dispatchDue(at(24)),
      dispatcher().dispatchDue(at(24)),
    ]);
    for (const email of emails) expect(await mailbox(email)).toHaveLength(1);
  });

  it('holds the journey cap when two dispatchers each claim one of a buyer’s messages', async () => {
    // The buyer's two thank-yous fall in different claims (50 per claim): the first is the last of one
    // claim, behind 49 other buyers' messages, so it is still being sent when the second is looked at.
    const buyer = 'split@engine.example';
    const others = Array.from({ length: 49 }, (_, index) => `split${index}@engine.example`);
    for (const [index, email] of others.entries()) await placeOrder(email, at(48 + index / 100));
    await placeOrder(buyer, at(48.5));
    await placeOrder(buyer, at(49));
    await planner().planPending(at(49.1));
    await Promise.all([dispatcher().dispatchDue(at(74)), dispatcher().dispatchDue(at(74))]);
    expect(await mailbox(buyer)).toHaveLength(1);
    // Which of the two goes depends on which dispatcher holds the buyer first; never both.
    const thankYous = (await messagesOf(buyer)).filter((row) => row.kind === 'thank-you');
    expect(thankYous.map((row) => [row.status, row.skip_reason]).sort()).toEqual([
      ['sent', null],
      ['skipped', 'skipped: thank you sent today'],
    ]);
    for (const email of others) expect(await mailbox(email)).toHaveLength(1);
  });

  it("edits a rule's name and delay for what is planned from then on, and refuses a delay it cannot keep", async () => {
    const [thankYou] = (await spec.owner.get<AutomationResponse[]>('/api/automations')).body;
    const edited = await spec.owner.patch<AutomationResponse>(`/api/automations/${thankYou?.id}`, {
      name: 'Quick thanks',
      delay: { amount: 2, unit: 'hours' },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      name: 'Quick thanks',
      isEnabled: true,
      delay: { amount: 2, unit: 'hours' },
      description: '2 hours after an order is placed, send "Thank you"',
    });
    const email = 'quick@engine.example';
    await placeOrder(email, T0);
    await planner().planPending(at(0.1));
    expect((await messagesOf(email))[0]?.due_at.toISOString()).toBe(at(2).toISOString());

    const tooLong = await spec.owner.patch<ApiErrorBody>(`/api/automations/${thankYou?.id}`, {
      delay: { amount: 400, unit: 'days' },
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.details).toEqual([{ field: 'delay', reason: 'must be at most a year' }]);
    const badUnit = await spec.owner.patch<ApiErrorBody>(`/api/automations/${thankYou?.id}`, {
      delay: { amount: 1, unit: 'weeks' },
    });
    expect(badUnit.body.details).toEqual([
      { field: 'delay.unit', reason: 'must be one of minutes, hours, days' },
    ]);
    await spec.owner.patch(`/api/automations/${thankYou?.id}`, {
      name: 'Thank you',
      delay: { amount: 1, unit: 'days' },
    });
  });

  it('previews who a rule will write to in the next seven days, at the times the dispatcher will send', async () => {
    const [thankYou] = (await spec.owner.get<AutomationResponse[]>('/api/automations')).body;
    const placedNow = new Date();
    await placeOrder('soon@engine.example', placedNow);
    await planner().planPending(new Date(placedNow.getTime() + 60_000));
    const dueAt = new Date(placedNow.getTime() + 86_400_000);
    // A window open one day a week only, not the day the thank-you falls due: the preview must move it.
    const dueDay = wallTimeAt(dueAt, 'Europe/Madrid').weekday;
    const window = { opens: '09:00', closes: '19:00', days: [(dueDay % 7) + 1] };
    expect((await spec.owner.patch('/api/business', { sendWindow: window })).status).toBe(200);
    try {
      const upcoming = await spec.owner.get<UpcomingMessageResponse[]>(
        `/api/automations/${thankYou?.id}/upcoming`,
      );
      expect(upcoming.status).toBe(200);
      expect(upcoming.body.map((message) => message.customer.email)).toEqual(['soon@engine.example']);
      const [shown] = upcoming.body;
      const expected = plannedSendTime({ id: shown?.messageId ?? '', dueAt }, window, 'Europe/Madrid');
      expect(shown?.dueAt).toBe(expected.toISOString());
      const local = wallTimeAt(new Date(shown?.dueAt ?? 0), 'Europe/Madrid');
      expect(local.weekday).toBe((dueDay % 7) + 1);
      expect(local.hour).toBeGreaterThanOrEqual(9);
      expect(local.hour).toBeLessThan(19);
    } finally {
      await spec.owner.patch('/api/business', { sendWindow: DEFAULT_SEND_WINDOW });
    }
  });

  it('applies only to the orders its conditions name, and names a wrong condition', async () => {
    const [thankYou] = (await spec.owner.get<AutomationResponse[]>('/api/automations')).body;
    const edited = await spec.owner.patch<AutomationResponse>(`/api/automations/${thankYou?.id}`, {
      conditions: { orderNumber: 'repeat', productNames: [' sourdough loaf ', ''], minTotal: '10' },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.conditions).toEqual({
      orderNumber: 'repeat',
      productNames: ['sourdough loaf'],
      minTotal: '10',
    });
    expect(edited.body.description).toBe(
      '1 day after an order is placed, for repeat orders, containing sourdough loaf, totalling at least 10, send "Thank you"',
    );
    const email = 'picky@engine.example';
    await placeOrder(email, T0);
    await placeOrder(email, at(1), {
      total: '5.00',
      lines: [{ productName: 'Sourdough loaf', quantity: 1, unitPrice: '5.00' }],
    });
    await placeOrder(email, at(2));
    await planner().planPending(at(2.1));
    const thankYous = (await messagesOf(email)).filter((row) => row.kind === 'thank-you');
    // The first order is not a repeat; the second is below the minimum; the third matches.
    expect(thankYous.map((row) => row.due_at.toISOString())).toEqual([at(26).toISOString()]);

    const wrong = await spec.owner.patch<ApiErrorBody>(`/api/automations/${thankYou?.id}`, {
      conditions: { orderNumber: 'second', maxTotal: 'ten' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details).toEqual([
      { field: 'conditions.orderNumber', reason: 'must be first or repeat' },
      { field: 'conditions.maxTotal', reason: 'must be an amount like 25 or 25.50' },
    ]);
    await spec.owner.patch(`/api/automations/${thankYou?.id}`, { conditions: {} });
  });

  it('sends a note now to chosen buyers, leaving out one who unsubscribed, and names an unknown buyer', async () => {
    const keen = await placeOrder('keen@engine.example', T0);
    const gone = await placeOrder('gone@engine.example', T0);
    await withClient(spec.testApp.ownerUrl, (db) =>
      db.query(`UPDATE customers SET subscription_state = 'unsubscribed' WHERE tenant_id = $1 AND id = $2`, [
        spec.tenantId,
        gone.customer.id,
      ]),
    );
    const sent = await spec.owner.post<SendNowResponse>('/api/messages/send-now', {
      customerIds: [keen.customer.id, gone.customer.id],
    });
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({
      planned: 1,
      skipped: [{ customerId: gone.customer.id, reason: 'the buyer is unsubscribed' }],
    });
    await dispatcher().dispatchDue(at(30));
    const notes = (await mailbox('keen@engine.example')).filter((mail) =>
      mail.subject.startsWith('Un mensaje'),
    );
    expect(notes.map((mail) => mail.subject)).toEqual(['Un mensaje de Engine Bakery']);

    const unknown = await spec.owner.post<ApiErrorBody>('/api/messages/send-now', {
      customerIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(unknown.status).toBe(404);
    const empty = await spec.owner.post<ApiErrorBody>('/api/messages/send-now', { customerIds: [] });
    expect(empty.body.details).toEqual([{ field: 'customerIds', reason: 'must name at least one customer' }]);
  });

  it('lists the outbox of one rule or one buyer', async () => {
    const [thankYou, opinion] = (await spec.owner.get<AutomationResponse[]>('/api/automations')).body;
    const order = await placeOrder('filtered@engine.example', T0);
    await planner().planPending(at(0.1));
    type Listed = { items: { kind: string; automation: string | null; customer: { id: string } }[] };
    const byRule = await spec.owner.get<Listed>(`/api/messages?automationId=${opinion?.id}&limit=200`);
    expect(byRule.status).toBe(200);
    expect(byRule.body.items.length).toBeGreaterThan(0);
    expect(byRule.body.items.every((message) => message.automation === opinion?.name)).toBe(true);
    const byBuyer = await spec.owner.get<Listed>(
      `/api/messages?customerId=${order.customer.id}&automationId=${thankYou?.id}`,
    );
    expect(byBuyer.body.items.map((message) => [message.kind, message.customer.id])).toEqual([
      ['thank-you', order.customer.id],
    ]);
    const wrong = await spec.owner.get<ApiErrorBody>('/api/messages?automationId=rule-1');
    expect(wrong.body.details).toEqual([{ field: 'automationId', reason: 'must be a UUID' }]);
  });
});
