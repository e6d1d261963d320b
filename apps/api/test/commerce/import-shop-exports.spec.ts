import { FollowUpPlanner } from '../../src/automations/follow-up-planner';
import { createTenant, signedIn, type TestTenant } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { fixture, importProblems, runImport, storedOrders, uploadImport } from '../support/imports';
import { withClient } from '../support/test-database';
import { startedApp } from '../support/spec-app';

/**
 * Orders files as the shops export them (fixtures/): every line of every order arrives, cancelled and
 * refunded orders are stored as such, and their follow-ups stop like those of a cancelled webhook order.
 */
describe('importing shop order exports', () => {
  const spec = startedApp();

  async function business(): Promise<{ tenant: TestTenant; staff: HttpClient }> {
    const tenant = await createTenant(spec.testApp);
    return { tenant, staff: await signedIn(spec.testApp, tenant.owner) };
  }

  it("imports Shopify's orders export whole: later rows of an order join it with its order columns", async () => {
    const { tenant, staff } = await business();
    const uploaded = await uploadImport(
      staff,
      'orders',
      fixture('shopify-orders-export.csv'),
      'orders_export.csv',
    );
    expect(uploaded).toMatchObject({ preset: 'shopify-orders', encoding: 'utf-8', delimiter: ',' });
    expect(uploaded.columns).toHaveLength(79);

    const done = await runImport(staff, uploaded.id, uploaded.mapping);
    expect(done).toMatchObject({ status: 'completed', rowsTotal: 12, rowsImported: 12, rowsFailed: 0 });
    const orders = await storedOrders(spec.testApp.ownerUrl, tenant.id);
    expect(
      Object.fromEntries(
        [...orders.values()].map((order) => [order.externalId, [order.lines, order.status]]),
      ),
    ).toEqual({
      '#1001': [3, 'fulfilled'],
      '#1002': [1, 'placed'],
      '#1003': [2, 'cancelled'],
      '#1004': [2, 'refunded'],
      '#1005': [2, 'refunded'],
      '#1006': [2, 'fulfilled'],
    });
    expect(orders.get('#1001')).toMatchObject({ total: '21.45', buyer: 'Ana López' });
    expect(orders.get('#1003')).toMatchObject({ buyer: 'Jürgen Müller', events: ['cancelled', 'placed'] });
    expect(orders.get('#1004')).toMatchObject({ buyer: 'Françoise Lefèvre', events: ['placed', 'refunded'] });
    expect(orders.get('#1005')?.buyer).toBe('Zoë Bäcker');

    const lines = await withClient(spec.testApp.ownerUrl, async (db) => {
      const { rows } = await db.query<{ product_name: string; quantity: number; unit_price: string }>(
        `SELECT l.product_name, l.quantity, l.unit_price::text FROM order_lines l
           JOIN orders o ON o.tenant_id = l.tenant_id AND o.id = l.order_id
          WHERE o.tenant_id = $1 AND o.external_id = '#1001' ORDER BY l.product_name`,
        [tenant.id],
      );
      return rows;
    });
    expect(lines).toEqual([
      { product_name: 'Cinnamon bun', quantity: 3, unit_price: '1.50' },
      { product_name: 'Rye loaf, seeded', quantity: 1, unit_price: '5.00' },
      { product_name: 'Sourdough loaf', quantity: 2, unit_price: '4.50' },
    ]);

    // The same file again changes nothing: no line is added twice.
    const again = await uploadImport(staff, 'orders', fixture('shopify-orders-export.csv'), 'again.csv');
    await runImport(staff, again.id, again.mapping);
    expect(await storedOrders(spec.testApp.ownerUrl, tenant.id)).toEqual(orders);
  });

  it("imports WooCommerce's Customer / Order / Coupon Export: every line, and its statuses", async () => {
    const { tenant, staff } = await business();
    const uploaded = await uploadImport(
      staff,
      'orders',
      fixture('woocommerce-order-export.csv'),
      'orders-export-2026_11_17.csv',
    );
    expect(uploaded.preset).toBe('woocommerce-order-export');
    const done = await runImport(staff, uploaded.id, uploaded.mapping);
    expect(done).toMatchObject({ status: 'completed', rowsTotal: 11, rowsImported: 11, rowsFailed: 0 });
    const orders = await storedOrders(spec.testApp.ownerUrl, tenant.id);
    expect(
      Object.fromEntries(
        [...orders.values()].map((order) => [order.externalId, [order.lines, order.status]]),
      ),
    ).toEqual({
      '2041': [3, 'fulfilled'],
      '2042': [1, 'placed'],
      '2043': [2, 'cancelled'],
      '2044': [2, 'refunded'],
      '2045': [1, 'cancelled'],
      '2046': [2, 'placed'],
    });
    expect(orders.get('2041')?.buyer).toBe('Helga Schröder');
    expect(orders.get('2046')?.buyer).toBe('François Dupont');
    const prices = await withClient(spec.testApp.ownerUrl, async (db) => {
      const { rows } = await db.query<{ product_name: string; unit_price: string }>(
        `SELECT l.product_name, l.unit_price::text FROM order_lines l
           JOIN orders o ON o.tenant_id = l.tenant_id AND o.id = l.order_id
          WHERE o.tenant_id = $1 AND o.external_id = '2041' ORDER BY l.product_name`,
        [tenant.id],
      );
      return rows;
    });
    // The export has each line's subtotal: the unit price is that over the quantity.
    expect(prices).toEqual([
      { product_name: 'Apfelstrudel', unit_price: '8.00' },
      { product_name: 'Laugenbrezel', unit_price: '1.75' },
      { product_name: 'Roggenbrot', unit_price: '4.50' },
    ]);
  });

  it('stops the follow-ups of an imported cancelled or refunded order, as for a cancelled webhook order', async () => {
    const { tenant, staff } = await business();
    // Orders placed an hour ago, so their follow-ups are still ahead.
    const placed = new Date(Date.now() - 3_600_000)
      .toISOString()
      .replace('T', ' ')
      .replace(/\.\d+Z$/, ' +0000');
    const header =
      'Name,Email,Financial Status,Fulfillment Status,Currency,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Billing Name,Cancelled at,Refunded Amount';
    const csv = [
      header,
      `#F1,kept@example.com,paid,fulfilled,EUR,9.00,${placed},2,Rye loaf,4.50,Kim Kept,,0.00`,
      `#F1,,,,,,,1,Bun,0.00,,,`,
      `#F2,cancelled@example.com,voided,,EUR,9.00,${placed},2,Rye loaf,4.50,Cy Cancel,${placed},0.00`,
      `#F3,refunded@example.com,partially_refunded,fulfilled,EUR,9.00,${placed},2,Rye loaf,4.50,Ray Refund,,4.50`,
    ].join('\n');
    const uploaded = await uploadImport(staff, 'orders', csv, 'recent.csv');
    await runImport(staff, uploaded.id, uploaded.mapping);
    await spec.testApp.app.get(FollowUpPlanner).planPending(new Date());

    const messages = await withClient(spec.testApp.ownerUrl, async (db) => {
      const { rows } = await db.query<{ external_id: string; status: string; skip_reason: string | null }>(
        `SELECT o.external_id, m.status, m.skip_reason FROM messages m
           JOIN orders o ON o.tenant_id = m.tenant_id AND o.id = m.order_id
          WHERE m.tenant_id = $1 ORDER BY o.external_id`,
        [tenant.id],
      );
      return rows;
    });
    expect(
      messages.filter((message) => message.external_id === '#F1').map((message) => message.status),
    ).toContain('scheduled');
    for (const [order, reason] of [
      ['#F2', 'cancelled: the order was cancelled'],
      ['#F3', 'cancelled: the order was refunded'],
    ]) {
      const ofOrder = messages.filter((message) => message.external_id === order);
      expect(ofOrder.length).toBeGreaterThan(0);
      expect(
        ofOrder.every((message) => message.status === 'cancelled' && message.skip_reason === reason),
      ).toBe(true);
    }
  });

  it('refuses the lines of an order whose first row is refused, naming the column and the value', async () => {
    const { tenant, staff } = await business();
    const csv = [
      'Name,Email,Created at,Total,Currency,Lineitem quantity,Lineitem name,Lineitem price,Fulfillment Status',
      '#B1,ana@example.com,yesterday,9.00,EUR,1,Rye loaf,4.50,fulfilled',
      '#B1,,,,,1,Bun,4.50,',
      '#B2,bo@example.com,2026-11-20 10:00:00 +0000,9.00,EUR,1,Rye loaf,4.50,fulfilled',
      '#B2,,,,,lots,Bun,4.50,',
    ].join('\n');
    const uploaded = await uploadImport(staff, 'orders', csv, 'bad-first-row.csv');
    const done = await runImport(staff, uploaded.id, uploaded.mapping);
    expect(done).toMatchObject({ rowsTotal: 4, rowsImported: 1, rowsFailed: 3 });
    expect(await importProblems(staff, uploaded.id)).toEqual([
      {
        line: 2,
        column: 'Created at',
        value: 'yesterday',
        reason: 'Created at: "yesterday" is not a date (use YYYY-MM-DD or DD.MM.YYYY)',
      },
      {
        line: 3,
        column: 'Name',
        value: '#B1',
        reason: 'Name: "#B1" is an order refused at line 2, so this line of it is too',
      },
      {
        line: 5,
        column: 'Lineitem quantity',
        value: 'lots',
        reason: 'Lineitem quantity: "lots" is not a whole number above 0',
      },
    ]);
    const orders = await storedOrders(spec.testApp.ownerUrl, tenant.id);
    expect([...orders.keys()]).toEqual(['#B2']);
    expect(orders.get('#B2')?.lines).toBe(1);
  });
});
