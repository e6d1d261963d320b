import type {
  ApiErrorBody,
  CustomerDetailResponse,
  CustomerResponse,
  OrderResponse,
  Page,
} from '@rapport/domain';
import { createApiKey } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { appWithTenant } from '../support/spec-app';

describe('buyers and orders through the REST API', () => {
  const spec = appWithTenant({ name: 'Crumb & Co' });
  let integration: HttpClient;

  beforeAll(async () => {
    integration = spec.testApp
      .http()
      .withApiKey(
        await createApiKey(spec.testApp, spec.tenant, [
          'customers:read',
          'customers:write',
          'orders:read',
          'orders:write',
        ]),
      );
  });

  const order = (externalId: string, overrides: Record<string, unknown> = {}) => ({
    externalId,
    customer: { email: `Buyer.${externalId.replace('#', '')}@Example.com`, name: 'Ana López', locale: 'es' },
    placedAt: '2026-11-20T10:15:00Z',
    total: '13.50',
    currency: 'eur',
    lines: [
      { sku: 'SOUR-800', productName: 'Sourdough loaf', quantity: 2, unitPrice: '4.50' },
      { productName: 'Cinnamon bun', quantity: 1, unitPrice: 4.5 },
    ],
    ...overrides,
  });

  it('creates a buyer, then updates the same buyer by email whatever its case', async () => {
    const created = await integration.post<CustomerResponse>('/api/customers', {
      email: 'Maria@Example.com',
      name: 'María',
      tags: ['VIP', 'vip', ' local '],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'maria@example.com', name: 'María', tags: ['vip', 'local'] });
    const again = await integration.post<CustomerResponse>('/api/customers', {
      email: 'MARIA@example.com',
      phone: '+34 600 111 222',
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: created.body.id, name: 'María', phone: '+34 600 111 222' });
  });

  it('creates an order with its buyer, products and lines; sending it again changes nothing', async () => {
    const first = await integration.post<OrderResponse>('/api/orders', order('#1001'));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      externalId: '#1001',
      source: 'api',
      status: 'placed',
      total: '13.50',
      currency: 'EUR',
      customer: { email: 'buyer.1001@example.com', name: 'Ana López' },
    });
    expect(first.body.lines.map((line) => [line.productName, line.quantity, line.unitPrice])).toEqual([
      ['Cinnamon bun', 1, '4.50'],
      ['Sourdough loaf', 2, '4.50'],
    ]);
    const second = await integration.post<OrderResponse>('/api/orders', order('#1001'));
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    const products = await spec.owner.get<{ name: string; orderCount: number }[]>(
      '/api/products?search=sourdough',
    );
    expect(products.body).toEqual([expect.objectContaining({ name: 'Sourdough loaf', orderCount: 1 })]);
  });

  it('returns the first answer to a retry with the same Idempotency-Key', async () => {
    const headers = { 'idempotency-key': `retry-${Date.now()}` };
    const first = await integration.request<OrderResponse>('POST', '/api/orders', order('#1002'), headers);
    const retry = await integration.request<OrderResponse>('POST', '/api/orders', order('#1002'), headers);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    const misuse = await integration.request<ApiErrorBody>('POST', '/api/orders', order('#1003'), headers);
    expect(misuse.status).toBe(422);
    expect(misuse.body.error).toBe('idempotency_key_reused');
  });

  it('moves an order forward and records each step on the buyer timeline; never backwards', async () => {
    const created = await integration.post<OrderResponse>('/api/orders', order('#1004'));
    const delivered = await spec.owner.post<OrderResponse>(`/api/orders/${created.body.id}/status`, {
      status: 'delivered',
      at: '2026-11-23T12:00:00Z',
    });
    expect(delivered.body).toMatchObject({ status: 'delivered', deliveredAt: '2026-11-23T12:00:00.000Z' });
    expect(delivered.body.fulfilledAt).toBe('2026-11-23T12:00:00.000Z');
    const backwards = await spec.owner.post<ApiErrorBody>(`/api/orders/${created.body.id}/status`, {
      status: 'placed',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.details).toEqual([
      { field: 'status', reason: 'cannot go from delivered to placed' },
    ]);
    const late = await integration.post<OrderResponse>(
      '/api/orders',
      order('#1004', { status: 'fulfilled' }),
    );
    expect(late.body.status).toBe('delivered');

    const timeline = await spec.owner.get<CustomerDetailResponse>(
      `/api/customers/${created.body.customer.id}`,
    );
    expect(
      timeline.body.timeline.map((entry) => (entry.kind === 'order-event' ? entry.event : entry.kind)),
    ).toEqual(['delivered', 'fulfilled', 'order']);
  });

  it('stops an order: cancelled and refunded are final', async () => {
    const created = await integration.post<OrderResponse>('/api/orders', order('#1005'));
    const cancelled = await integration.post<OrderResponse>(`/api/orders/${created.body.id}/status`, {
      status: 'cancelled',
    });
    expect(cancelled.body.status).toBe('cancelled');
    const resent = await integration.post<OrderResponse>(
      '/api/orders',
      order('#1005', { status: 'delivered' }),
    );
    expect(resent.body.status).toBe('cancelled');
  });

  it('names every bad field of an order and stores nothing', async () => {
    const result = await integration.post<ApiErrorBody>('/api/orders', {
      externalId: '#bad',
      customer: { email: 'not-an-email' },
      placedAt: 'yesterday',
      total: '10',
      currency: 'EURO',
      lines: [{ productName: 'Loaf', quantity: 0, unitPrice: '1' }],
    });
    expect(result.status).toBe(400);
    expect(result.body.details?.map((detail) => detail.field).sort()).toEqual(
      ['currency', 'customer.email', 'lines[0].quantity', 'placedAt'].sort(),
    );
    const badPrice = await integration.post<ApiErrorBody>('/api/orders', order('#bad2', { total: '-3' }));
    expect(badPrice.body.details).toEqual([
      { field: 'total', reason: 'must be an amount like 12.50 (at most 2 decimals, not negative)' },
    ]);
    const list = await spec.owner.get<Page<OrderResponse>>('/api/orders?search=%23bad');
    expect(list.body.items).toEqual([]);
  });

  it('lists buyers newest first, finds them by part of the name or email, and pages with a cursor', async () => {
    for (const name of ['Zoe Alvarez', 'Yusuf Brennan', 'Xenia Castillo']) {
      await integration.post('/api/customers', {
        email: `${name.split(' ')[0]?.toLowerCase()}@list.example`,
        name,
        tags: ['list-test'],
      });
    }
    const found = await spec.owner.get<Page<CustomerResponse>>('/api/customers?search=renna');
    expect(found.body.items.map((customer) => customer.name)).toEqual(['Yusuf Brennan']);
    const byEmail = await spec.owner.get<Page<CustomerResponse>>('/api/customers?search=xenia%40list');
    expect(byEmail.body.items.map((customer) => customer.name)).toEqual(['Xenia Castillo']);

    const firstPage = await spec.owner.get<Page<CustomerResponse>>('/api/customers?tag=list-test&limit=2');
    expect(firstPage.body.items.map((customer) => customer.name)).toEqual([
      'Xenia Castillo',
      'Yusuf Brennan',
    ]);
    const secondPage = await spec.owner.get<Page<CustomerResponse>>(
      `/api/customers?tag=list-test&limit=2&cursor=${firstPage.body.nextCursor}`,
    );
    expect(secondPage.body.items.map((customer) => customer.name)).toEqual(['Zoe Alvarez']);
    expect(secondPage.body.nextCursor).toBeNull();
  });

  it('edits a buyer from the console and refuses a key without the scope', async () => {
    const created = await spec.owner.post<CustomerResponse>('/api/customers', {
      email: 'edit@example.com',
      name: 'Before',
    });
    const edited = await spec.owner.patch<CustomerResponse>(`/api/customers/${created.body.id}`, {
      name: 'After',
      tags: ['Regular'],
    });
    expect(edited.body).toMatchObject({ name: 'After', tags: ['regular'] });
    const readOnly = spec.testApp
      .http()
      .withApiKey(await createApiKey(spec.testApp, spec.tenant, ['customers:read']));
    expect((await readOnly.post('/api/customers', { email: 'x@example.com' })).status).toBe(403);
    expect((await readOnly.get(`/api/customers/${created.body.id}`)).status).toBe(200);
  });

  it('keeps an order entered in the console apart from the API orders with the same number', async () => {
    const fromConsole = await spec.owner.post<OrderResponse>('/api/orders', order('#5001'));
    const fromApi = await integration.post<OrderResponse>('/api/orders', order('#5001'));
    expect([fromConsole.status, fromApi.status]).toEqual([201, 201]);
    expect([fromConsole.body.source, fromApi.body.source]).toEqual(['console', 'api']);
    expect(fromConsole.body.id).not.toBe(fromApi.body.id);
  });
});
