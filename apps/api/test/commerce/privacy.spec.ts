import type {
  AuditEventResponse,
  BusinessResponse,
  CustomerExport,
  CustomerResponse,
  OrderResponse,
  Page,
} from '@rapport/domain';
import { PrivacyService } from '../../src/customers/privacy.service';
import { createTenant, signedIn, type TestTenant } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

describe("buyers' privacy", () => {
  let testApp: TestApp;
  let tenant: TestTenant;
  let owner: HttpClient;

  beforeAll(async () => {
    testApp = await startTestApp();
    tenant = await createTenant(testApp, { name: 'Private Bakery' });
    owner = await signedIn(testApp, tenant.owner);
  });
  afterAll(() => testApp.close());

  async function placeOrder(externalId: string, email: string, placedAt: string): Promise<OrderResponse> {
    const result = await owner.post<OrderResponse>('/api/orders', {
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
    const exported = await owner.get<CustomerExport>(`/api/customers/${order.customer.id}/export`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toContain(`customer-${order.customer.id}.json`);
    expect(exported.body).toMatchObject({
      business: { id: tenant.id, name: 'Private Bakery' },
      customer: { email: 'petra@example.com', phone: '+44 7000 000000' },
      orders: [expect.objectContaining({ externalId: '#P1', total: '20.00' })],
    });
    const audit = await owner.get<Page<AuditEventResponse>>('/api/audit-events?action=customer.exported');
    expect(audit.body.items[0]?.target).toBe('petra@example.com');
  });

  it('erases the personal data and keeps the orders, anonymous, so totals do not change', async () => {
    const order = await placeOrder('#P2', 'erase.me@example.com', '2026-11-02T10:00:00Z');
    expect((await owner.post(`/api/customers/${order.customer.id}/erase`)).status).toBe(204);
    const customer = await owner.get<CustomerResponse>(`/api/customers/${order.customer.id}`);
    expect(customer.body).toMatchObject({
      email: `erased-${order.customer.id}@erased.invalid`,
      name: '',
      phone: null,
      tags: [],
      subscriptionState: 'unsubscribed',
    });
    const kept = await owner.get<OrderResponse>(`/api/orders/${order.id}`);
    expect(kept.body).toMatchObject({
      total: '20.00',
      customer: { email: `erased-${order.customer.id}@erased.invalid` },
    });
    const search = await owner.get<Page<CustomerResponse>>('/api/customers?search=erase.me');
    expect(search.body.items).toEqual([]);
    const audit = await owner.get<Page<AuditEventResponse>>('/api/audit-events?action=customer.erased');
    expect(JSON.stringify(audit.body.items)).not.toContain('erase.me@example.com');
    expect((await owner.post(`/api/customers/${order.customer.id}/erase`)).status).toBe(204);
  });

  it('erases buyers inactive for longer than the retention period, and only them', async () => {
    const old = await placeOrder('#P3', 'long.gone@example.com', '2025-01-10T10:00:00Z');
    const recent = await placeOrder('#P4', 'still.here@example.com', '2026-11-20T10:00:00Z');
    const saved = await owner.patch<BusinessResponse>('/api/business', { retentionMonths: 12 });
    expect(saved.body.retentionMonths).toBe(12);
    const erased = await testApp.app.get(PrivacyService).applyRetention(new Date('2026-11-26T00:00:00Z'));
    expect(erased).toBeGreaterThanOrEqual(1);
    expect((await owner.get<CustomerResponse>(`/api/customers/${old.customer.id}`)).body.name).toBe('');
    expect((await owner.get<CustomerResponse>(`/api/customers/${recent.customer.id}`)).body.email).toBe(
      'still.here@example.com',
    );
    const audit = await owner.get<Page<AuditEventResponse>>(
      '/api/audit-events?action=customer.retention_erased',
    );
    expect(audit.body.items[0]).toMatchObject({
      actor: 'Rapport (retention policy)',
      details: { olderThanMonths: 12 },
    });
  });

  it('refuses a retention period out of range, naming the field', async () => {
    const result = await owner.patch<{ details: unknown }>('/api/business', { retentionMonths: 0 });
    expect(result.status).toBe(400);
    expect(result.body.details).toEqual([{ field: 'retentionMonths', reason: 'must not be less than 1' }]);
  });
});
