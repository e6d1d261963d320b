import type {
  AuditEventResponse,
  BusinessResponse,
  CustomerExport,
  CustomerResponse,
  InteractionResponse,
  OrderResponse,
  Page,
} from '@rapport/domain';
import { PrivacyService } from '../../src/privacy/privacy.service';
import { withClient } from '../support/test-database';
import { appWithTenant } from '../support/spec-app';

describe("buyers' privacy", () => {
  const spec = appWithTenant({ name: 'Private Bakery' });

  async function placeOrder(externalId: string, email: string, placedAt: string): Promise<OrderResponse> {
    const result = await spec.owner.post<OrderResponse>('/api/orders', {
      externalId,
      customer: { email, name: 'Petra Private', phone: '+44 7000 000000', tags: ['vip'] },
      placedAt,
      total: '20.00',
      currency: 'GBP',
      lines: [{ productName: 'Wedding cake', quantity: 1, unitPrice: '20.00' }],
    });
    return result.body;
  }

  it('exports everything held about a buyer as JSON, and records that it did', async () => {
    const order = await placeOrder('#P1', 'petra@example.com', '2026-11-01T10:00:00Z');
    const exported = await spec.owner.get<CustomerExport>(`/api/customers/${order.customer.id}/export`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toContain(`customer-${order.customer.id}.json`);
    expect(exported.body).toMatchObject({
      business: { id: spec.tenant.id, name: 'Private Bakery' },
      customer: { email: 'petra@example.com', phone: '+44 7000 000000' },
      orders: [expect.objectContaining({ externalId: '#P1', total: '20.00' })],
    });
    const audit = await spec.owner.get<Page<AuditEventResponse>>(
      '/api/audit-events?action=customer.exported',
    );
    expect(audit.body.items[0]?.target).toBe('petra@example.com');
  });

  it('erases what a person asked and was quoted for, and their referral code, keeping the steps and amounts', async () => {
    const enquiry = await spec.owner.post<InteractionResponse>('/api/enquiries', {
      externalId: 'E-PRIV',
      contact: { email: 'asker@example.com', name: 'Asker' },
      subject: 'My address is 1 Secret Lane',
      message: 'Call me on 0700 000 000',
    });
    const quote = await spec.owner.post<InteractionResponse>('/api/quotes', {
      externalId: 'Q-PRIV',
      contact: { email: 'asker@example.com' },
      subject: 'Kitchen at 1 Secret Lane',
      amount: '900',
      currency: 'GBP',
    });
    await withClient(spec.testApp.ownerUrl, (db) =>
      db.query(`INSERT INTO referral_codes (tenant_id, customer_id, code) VALUES ($1, $2, 'PRIVCODE')`, [
        spec.tenant.id,
        enquiry.body.contact.id,
      ]),
    );
    expect((await spec.owner.post(`/api/customers/${enquiry.body.contact.id}/erase`)).status).toBe(204);
    const asked = await spec.owner.get<InteractionResponse>(`/api/interactions/${enquiry.body.id}`);
    const quoted = await spec.owner.get<InteractionResponse>(`/api/interactions/${quote.body.id}`);
    expect([asked.body.subject, asked.body.message, asked.body.status]).toEqual(['', '', 'open']);
    expect([quoted.body.subject, quoted.body.amount]).toEqual(['', '900.00']);
    const codes = await withClient(spec.testApp.ownerUrl, (db) =>
      db.query(`SELECT code FROM referral_codes WHERE tenant_id = $1`, [spec.tenant.id]),
    );
    expect(codes.rows).toEqual([]);
  });

  it('erases the personal data and keeps the orders, anonymous, so totals do not change', async () => {
    const order = await placeOrder('#P2', 'erase.me@example.com', '2026-11-02T10:00:00Z');
    expect((await spec.owner.post(`/api/customers/${order.customer.id}/erase`)).status).toBe(204);
    const customer = await spec.owner.get<CustomerResponse>(`/api/customers/${order.customer.id}`);
    expect(customer.body).toMatchObject({
      email: `erased-${order.customer.id}@erased.invalid`,
      name: '',
      phone: null,
      tags: [],
      subscriptionState: 'unsubscribed',
    });
    const kept = await spec.owner.get<OrderResponse>(`/api/orders/${order.id}`);
    expect(kept.body).toMatchObject({
      total: '20.00',
      customer: { email: `erased-${order.customer.id}@erased.invalid` },
    });
    const search = await spec.owner.get<Page<CustomerResponse>>('/api/customers?search=erase.me');
    expect(search.body.items).toEqual([]);
    const audit = await spec.owner.get<Page<AuditEventResponse>>('/api/audit-events?action=customer.erased');
    expect(JSON.stringify(audit.body.items)).not.toContain('erase.me@example.com');
    expect((await spec.owner.post(`/api/customers/${order.customer.id}/erase`)).status).toBe(204);
  });

  it("erases what a buyer wrote (comments, replies, the case's texts) and keeps their scores, anonymous", async () => {
    const order = await placeOrder('#P9', 'words@example.com', '2026-11-03T10:00:00Z');
    const ids = await withClient(spec.testApp.ownerUrl, async (db) => {
      const message = await db.query<{ id: string }>(
        `INSERT INTO messages (tenant_id, customer_id, order_id, kind, status, due_at, sent_at, to_email, subject)
         VALUES ($1, $2, $3, 'opinion-request', 'sent', now(), now(), 'words@example.com', 'How did we do, Petra?')
         RETURNING id`,
        [spec.tenant.id, order.customer.id, order.id],
      );
      const answer = await db.query<{ id: string }>(
        `INSERT INTO answers (tenant_id, message_id, customer_id, order_id, answers, score, score_type, band, comment,
                              reply_comment, channel)
         VALUES ($1, $2, $3, $4, '{"score": 2, "better": "My neighbour Ann got my cake"}', 2, 'nps', 'detractor',
                 'My neighbour Ann got my cake', 'Call me on 07700 900123', 'web') RETURNING id`,
        [spec.tenant.id, message.rows[0]?.id, order.customer.id, order.id],
      );
      await db.query(
        `INSERT INTO replies (tenant_id, message_id, answer_id, from_email, body, full_text)
         VALUES ($1, $2, $3, 'words@example.com', 'Call me on 07700 900123', 'Call me on 07700 900123')`,
        [spec.tenant.id, message.rows[0]?.id, answer.rows[0]?.id],
      );
      const opened = await db.query<{ id: string }>(
        `INSERT INTO cases (tenant_id, answer_id, customer_id, order_id, reasons, due_at)
         VALUES ($1, $2, $3, $4, '{NPS 2}', now()) RETURNING id`,
        [spec.tenant.id, answer.rows[0]?.id, order.customer.id, order.id],
      );
      await db.query(
        `INSERT INTO case_entries (tenant_id, case_id, kind, body) VALUES ($1, $2, 'note', 'Petra lives at 4 Elm Road')`,
        [spec.tenant.id, opened.rows[0]?.id],
      );
      return { answer: answer.rows[0]?.id };
    });
    expect((await spec.owner.post(`/api/customers/${order.customer.id}/erase`)).status).toBe(204);
    const left = await withClient(spec.testApp.ownerUrl, async (db) => {
      const answers = await db.query(
        `SELECT answers, score, band, comment, reply_comment FROM answers WHERE tenant_id = $1 AND id = $2`,
        [spec.tenant.id, ids.answer],
      );
      const texts = await db.query(
        `SELECT (SELECT count(*)::int FROM replies WHERE tenant_id = $1) AS replies,
                (SELECT array_agg(body) FROM case_entries WHERE tenant_id = $1) AS entries,
                (SELECT count(*)::int FROM messages WHERE tenant_id = $1 AND to_email IS NOT NULL) AS addressed`,
        [spec.tenant.id],
      );
      return { answer: answers.rows[0], texts: texts.rows[0] };
    });
    expect(left.answer).toEqual({
      answers: { score: 2 },
      score: 2,
      band: 'detractor',
      comment: null,
      reply_comment: null,
    });
    expect(left.texts).toEqual({ replies: 0, entries: ['[erased]'], addressed: 0 });
  });

  it('erases buyers inactive for longer than the retention period, and only them', async () => {
    const old = await placeOrder('#P3', 'long.gone@example.com', '2025-01-10T10:00:00Z');
    const recent = await placeOrder('#P4', 'still.here@example.com', '2026-11-20T10:00:00Z');
    const saved = await spec.owner.patch<BusinessResponse>('/api/business', { retentionMonths: 12 });
    expect(saved.body.retentionMonths).toBe(12);
    const erased = await spec.testApp.app
      .get(PrivacyService)
      .applyRetention(new Date('2026-11-26T00:00:00Z'));
    expect(erased).toBeGreaterThanOrEqual(1);
    expect((await spec.owner.get<CustomerResponse>(`/api/customers/${old.customer.id}`)).body.name).toBe('');
    expect((await spec.owner.get<CustomerResponse>(`/api/customers/${recent.customer.id}`)).body.email).toBe(
      'still.here@example.com',
    );
    const audit = await spec.owner.get<Page<AuditEventResponse>>(
      '/api/audit-events?action=customer.retention_erased',
    );
    expect(audit.body.items[0]).toMatchObject({
      actor: 'Rapport (retention policy)',
      details: { olderThanMonths: 12 },
    });
  });

  it('refuses a retention period out of range, naming the field', async () => {
    const result = await spec.owner.patch<{ details: unknown }>('/api/business', { retentionMonths: 0 });
    expect(result.status).toBe(400);
    expect(result.body.details).toEqual([{ field: 'retentionMonths', reason: 'must not be less than 1' }]);
  });
});
