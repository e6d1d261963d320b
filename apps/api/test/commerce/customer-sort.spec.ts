import { randomUUID } from 'node:crypto';
import type { ApiErrorBody, CustomerResponse, CustomerSort, Page } from '@rapport/domain';
import { withClient } from '../support/test-database';
import { appWithTenant } from '../support/spec-app';

interface Buyer {
  id: string;
  name: string;
  email: string;
  createdAt: string;
  /** Placement times of the buyer's orders. */
  orders: string[];
}

/** Customers' and orders' times are kept to the millisecond (timestamptz(3)), which the cursors rely on. */
const day = (n: number, millis = 123) =>
  `2026-01-${String(1 + n).padStart(2, '0')}T09:30:00.${String(millis).padStart(3, '0')}Z`;

/**
 * Buyers with ties on every sort: equal names in other cases, nameless ones, equal creation times, equal
 * latest orders, equal order counts, and buyers who never ordered.
 */
const BUYERS: Omit<Buyer, 'id'>[] = [
  { name: 'Ana', email: 'ana@sort.example', createdAt: day(1), orders: [day(10), day(20)] },
  { name: 'ana', email: 'ana2@sort.example', createdAt: day(1), orders: [day(20)] },
  { name: 'Bruno', email: 'bruno@sort.example', createdAt: day(2), orders: [] },
  { name: '', email: 'nameless@sort.example', createdAt: day(2), orders: [day(5), day(6), day(7)] },
  { name: '', email: 'nameless2@sort.example', createdAt: day(3), orders: [] },
  { name: 'Carla', email: 'carla@sort.example', createdAt: day(3), orders: [day(20), day(1)] },
  { name: 'Dora', email: 'dora@sort.example', createdAt: day(4), orders: [day(30)] },
  { name: 'Elena', email: 'elena@sort.example', createdAt: day(4), orders: [] },
  { name: 'Bruno', email: 'bruno2@sort.example', createdAt: day(5), orders: [day(30), day(2), day(3)] },
  { name: 'Zoe', email: 'zoe@sort.example', createdAt: day(6, 124), orders: [day(8)] },
  { name: 'carla', email: 'carla2@sort.example', createdAt: day(6), orders: [day(8)] },
];

const byId = (a: Buyer, b: Buyer) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const latest = (buyer: Buyer) => Math.max(-Infinity, ...buyer.orders.map(Date.parse));

/** Each sort as the list promises it, ties by id in the sort's direction. */
const EXPECTED: Record<CustomerSort, (a: Buyer, b: Buyer) => number> = {
  newest: (a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || byId(b, a),
  name: (a, b) =>
    Number(a.name === '') - Number(b.name === '') ||
    (a.name.toLowerCase() < b.name.toLowerCase()
      ? -1
      : a.name.toLowerCase() > b.name.toLowerCase()
        ? 1
        : 0) ||
    byId(a, b),
  'last-order': (a, b) => latest(b) - latest(a) || byId(b, a),
  orders: (a, b) => b.orders.length - a.orders.length || byId(b, a),
};

describe('sorting the customers list', () => {
  const spec = appWithTenant({ name: 'Sorted Bakery' });
  let buyers: Buyer[];

  beforeAll(async () => {
    buyers = BUYERS.map((buyer) => ({ ...buyer, id: randomUUID() }));
    await withClient(spec.testApp.ownerUrl, async (db) => {
      for (const buyer of buyers) {
        await db.query(
          `INSERT INTO customers (tenant_id, id, email, name, created_at) VALUES ($1, $2, $3, $4, $5)`,
          [spec.tenant.id, buyer.id, buyer.email, buyer.name, buyer.createdAt],
        );
        for (const [index, placedAt] of buyer.orders.entries()) {
          await db.query(
            `INSERT INTO orders (tenant_id, customer_id, source, external_id, placed_at, status, total, currency)
             VALUES ($1, $2, 'api', $3, $4, 'placed', 10, 'EUR')`,
            [spec.tenant.id, buyer.id, `${buyer.email}-${index}`, placedAt],
          );
        }
      }
    });
  });

  async function allPages(query: string): Promise<CustomerResponse[]> {
    const seen: CustomerResponse[] = [];
    let cursor: string | null = null;
    do {
      const after = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page: { status: number; body: Page<CustomerResponse> } = await spec.owner.get<
        Page<CustomerResponse>
      >(`/api/customers?limit=2&${query}${after}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor && seen.length <= buyers.length);
    return seen;
  }

  it.each<CustomerSort>(['newest', 'name', 'last-order', 'orders'])(
    'pages through the list sorted by %s, every buyer once and in order',
    async (sort) => {
      const seen = await allPages(`sort=${sort}`);
      expect(seen.map((customer) => customer.email)).toEqual(
        [...buyers].sort(EXPECTED[sort]).map((buyer) => buyer.email),
      );
    },
  );

  it('is newest first when no sort is given', async () => {
    const first = await spec.owner.get<Page<CustomerResponse>>('/api/customers?limit=3');
    expect(first.body.items.map((customer) => customer.email)).toEqual(
      [...buyers]
        .sort(EXPECTED.newest)
        .slice(0, 3)
        .map((buyer) => buyer.email),
    );
  });

  it('keeps the filters under another sort', async () => {
    const seen = await allPages('sort=orders&search=bruno');
    expect(seen.map((customer) => [customer.email, customer.orderCount])).toEqual([
      ['bruno2@sort.example', 3],
      ['bruno@sort.example', 0],
    ]);
  });

  it('refuses an unknown sort with a 400 naming the parameter', async () => {
    const result = await spec.owner.get<ApiErrorBody>('/api/customers?sort=price');
    expect(result.status).toBe(400);
    expect(result.body.details).toEqual([
      { field: 'sort', reason: 'must be one of newest, name, last-order, orders' },
    ]);
  });

  it('refuses a cursor made for another order instead of paging from the wrong place', async () => {
    const byName = await spec.owner.get<Page<CustomerResponse>>('/api/customers?limit=2&sort=name');
    const cursor = encodeURIComponent(byName.body.nextCursor ?? '');
    for (const path of [`/api/customers?sort=orders&cursor=${cursor}`, `/api/customers?cursor=${cursor}`]) {
      const result = await spec.owner.get<ApiErrorBody>(path);
      expect(result.status).toBe(400);
      expect(result.body.details?.map((detail) => detail.field)).toEqual(['cursor']);
    }
  });

  it.each([
    ['orders', ['abc']],
    ['orders', ['99999999999999999999999999']],
    ['orders', ['1.5']],
    ['last-order', ['not a date']],
    ['last-order', ['2026-13-45 00:00:00+00']],
    ['last-order', ['']],
    ['name', ['maybe', 'zzz']],
    ['name', ['false', 'a\u0000b']],
  ])('refuses a %s cursor whose keys %j do not read as their types (was a 500)', async (sort, keys) => {
    const id = '06943dc9-bef2-4fc6-95a4-82ba8d610c00';
    const cursor = Buffer.from(JSON.stringify([sort, keys, id])).toString('base64url');
    const result = await spec.owner.get<ApiErrorBody>(`/api/customers?sort=${sort}&cursor=${cursor}`);
    expect(result.status).toBe(400);
    expect(result.body.details?.map((detail) => detail.field)).toEqual(['cursor']);
  });
});
