import type { ApiErrorBody, CustomerResponse, ImportResponse, OrderResponse, Page } from '@rapport/domain';
import { createTenant, signedIn } from '../support/factories';
import { runImport, uploadImport } from '../support/imports';
import { REFRESH_STATISTICS_FROM } from '../../src/imports/import-runner';
import { withClient } from '../support/test-database';
import { appWithTenant } from '../support/spec-app';

const CUSTOMERS_CSV =
  '\uFEFFFirst Name;Last Name;Email;Phone;Tags;Accepts Email Marketing\r\n' +
  'Ana;López;ana@example.com;+34 600 000 001;"vip, local";yes\r\n' +
  'Bo;"Brown, Jr.";bo@example.com;;;no\r\n' +
  'Cy;"Multi\nLine";not-an-email;;;\r\n' +
  'Di;Díaz;;;;\r\n' +
  'Ed;Evans;ED@EXAMPLE.COM;;regular;\r\n';

const SHOPIFY_ORDERS_CSV = [
  'Name,Email,Financial Status,Created at,Currency,Total,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Name,Fulfillment Status',
  '#2001,ana@example.com,paid,2026-11-10 09:00:00 +0100,EUR,13.50,2,Sourdough loaf,4.50,SOUR-800,Ana López,fulfilled',
  '#2001,ana@example.com,paid,2026-11-10 09:00:00 +0100,EUR,13.50,1,Cinnamon bun,4.50,,Ana López,fulfilled',
  '#2002,fay@example.com,paid,not a date,EUR,5.00,1,Rye loaf,5.00,RYE-1,Fay Fox,unfulfilled',
  '#2003,gus@example.com,paid,2026-11-12 10:00:00 +0000,EUR,abc,1,Rye loaf,5.00,RYE-1,Gus Grey,unfulfilled',
  '#2004,hal@example.com,paid,2026-11-13T08:30:00Z,EUR,5.00,1,Rye loaf,5.00,RYE-1,Hal Hill,unfulfilled',
].join('\n');

describe('CSV imports', () => {
  const spec = appWithTenant({ name: 'Import Bakery' });

  const upload = (kind: 'customers' | 'orders', csv: string, fileName: string) =>
    uploadImport(spec.owner, kind, csv, fileName);
  const runToEnd = (id: string, mapping: Record<string, string>, dryRun: boolean) =>
    runImport(spec.owner, id, mapping, dryRun);

  async function customerCount(): Promise<number> {
    return (await spec.owner.get<Page<CustomerResponse>>('/api/customers?limit=200')).body.items.length;
  }

  it('previews the file: separator, columns with their types, first rows, and the Shopify preset', async () => {
    const preview = await upload('customers', CUSTOMERS_CSV, 'shopify-customers.csv');
    expect(preview).toMatchObject({
      status: 'uploaded',
      delimiter: ';',
      preset: 'shopify-customers',
      fileName: 'shopify-customers.csv',
    });
    expect(preview.columns.map((column) => column.header)).toEqual([
      'First Name',
      'Last Name',
      'Email',
      'Phone',
      'Tags',
      'Accepts Email Marketing',
    ]);
    expect(preview.previewRows[2]).toEqual(['Cy', 'Multi\nLine', 'not-an-email', '', '', '']);
    expect(preview.mapping).toMatchObject({ Email: 'email', 'First Name': 'firstName', Tags: 'tags' });
  });

  it('dry-runs without writing, then imports the good rows and reports each bad row with its line', async () => {
    const before = await customerCount();
    const uploaded = await upload('customers', CUSTOMERS_CSV, 'customers.csv');
    const dry = await runToEnd(uploaded.id, uploaded.mapping, true);
    expect(dry).toMatchObject({
      status: 'completed',
      isDryRun: true,
      rowsTotal: 5,
      rowsImported: 3,
      rowsFailed: 2,
    });
    expect(await customerCount()).toBe(before);

    const real = await runToEnd(uploaded.id, uploaded.mapping, false);
    expect(real).toMatchObject({
      status: 'completed',
      isDryRun: false,
      rowsTotal: 5,
      rowsImported: 3,
      rowsFailed: 2,
    });
    expect(await customerCount()).toBe(before + 3);
    const ana = (await spec.owner.get<Page<CustomerResponse>>('/api/customers?search=ana%40example')).body
      .items[0];
    expect(ana).toMatchObject({
      name: 'Ana López',
      tags: ['vip', 'local'],
      consentBasis: 'explicit_consent',
    });

    const report = await spec.owner.get<string>(`/api/imports/${uploaded.id}/problems.csv`);
    expect(report.headers.get('content-disposition')).toContain('customers-problems.csv');
    expect(report.body).toBe(
      'line,column,value,reason\r\n' +
        '4,"Email","not-an-email","Email: ""not-an-email"" is not an email address"\r\n' +
        '6,"Email","","Email: is empty"\r\n',
    );
  });

  it('changes nothing when the same file is imported twice', async () => {
    const first = await upload('customers', CUSTOMERS_CSV, 'again.csv');
    await runToEnd(first.id, first.mapping, false);
    const listed = (await spec.owner.get<Page<CustomerResponse>>('/api/customers?limit=200')).body.items;
    const second = await upload('customers', CUSTOMERS_CSV, 'again.csv');
    await runToEnd(second.id, second.mapping, false);
    expect((await spec.owner.get<Page<CustomerResponse>>('/api/customers?limit=200')).body.items).toEqual(
      listed,
    );
  });

  it('imports a Shopify orders export: lines grouped into orders, bad rows reported', async () => {
    const uploaded = await upload('orders', SHOPIFY_ORDERS_CSV, 'orders.csv');
    expect(uploaded.preset).toBe('shopify-orders');
    const done = await runToEnd(uploaded.id, uploaded.mapping, false);
    expect(done).toMatchObject({ status: 'completed', rowsTotal: 5, rowsImported: 3, rowsFailed: 2 });
    const orders = (await spec.owner.get<Page<OrderResponse>>('/api/orders?search=%232')).body.items;
    expect(orders.map((order) => order.externalId).sort()).toEqual(['#2001', '#2004']);
    const big = orders.find((order) => order.externalId === '#2001');
    expect(big).toMatchObject({
      source: 'csv',
      status: 'fulfilled',
      total: '13.50',
      placedAt: '2026-11-10T08:00:00.000Z',
    });
    expect(big?.lines).toHaveLength(2);
    const report = await spec.owner.get<string>(`/api/imports/${uploaded.id}/problems.csv`);
    expect(report.body).toContain('4,"Created at","not a date","Created at: ""not a date"" is not a date');
    expect(report.body).toContain('5,"Total","abc","Total: ""abc"" is not an amount like 12.50"');
  });

  it('refuses a mapping without the required fields, or naming columns the file lacks', async () => {
    const uploaded = await upload('customers', CUSTOMERS_CSV, 'bad-mapping.csv');
    const missing = await spec.owner.post<ApiErrorBody>(`/api/imports/${uploaded.id}/start`, {
      mapping: { Phone: 'phone' },
      dryRun: false,
    });
    expect(missing.status).toBe(400);
    expect(missing.body.details).toEqual([{ field: 'mapping', reason: 'Map a column to Email' }]);
    const ghost = await spec.owner.post<ApiErrorBody>(`/api/imports/${uploaded.id}/start`, {
      mapping: { Mail: 'email' },
      dryRun: false,
    });
    expect(ghost.body.details).toEqual([
      { field: 'mapping', reason: 'names a column the file does not have: "Mail"' },
    ]);
  });

  it('refuses an empty file or one sent without the CSV content type', async () => {
    const empty = await spec.owner.request<ApiErrorBody>('POST', '/api/imports/customers', '', {
      'content-type': 'text/csv',
    });
    expect(empty.status).toBe(400);
    const json = await spec.owner.post<ApiErrorBody>('/api/imports/customers', { email: 'x' });
    expect(json.status).toBe(415);
    expect(json.body.message).toContain('text/csv');
  });

  it('refreshes the planner statistics after a large import, before it shows as finished', async () => {
    const analyzed = () =>
      withClient(spec.testApp.ownerUrl, async (db) => {
        const { rows } = await db.query<{ relname: string; analyze_count: string }>(
          `SELECT relname, analyze_count FROM pg_stat_user_tables
            WHERE relname IN ('customers', 'orders', 'order_lines') ORDER BY relname`,
        );
        return rows.map((row) => [row.relname, Number(row.analyze_count)] as const);
      });
    const lines = Array.from(
      { length: REFRESH_STATISTICS_FROM },
      (_, n) => `Buyer ${n};buyer${n}@stats.example`,
    );
    const csv = ['Name;Email', ...lines].join('\n');

    // A small file leaves them to autovacuum; a dry run of a large one writes nothing to plan for.
    const before = await analyzed();
    const small = await upload('customers', ['Name;Email', ...lines.slice(0, 10)].join('\n'), 'few.csv');
    await runToEnd(small.id, small.mapping, false);
    const large = await upload('customers', csv, 'many.csv');
    await runToEnd(large.id, large.mapping, true);
    expect(await analyzed()).toEqual(before);

    const finished = await runToEnd(large.id, large.mapping, false);
    expect(finished.rowsImported).toBe(REFRESH_STATISTICS_FROM);
    expect(await analyzed()).toEqual(before.map(([table, count]) => [table, count + 1]));
  });

  it('keeps imports to their own business', async () => {
    const other = await createTenant(spec.testApp);
    const otherStaff = await signedIn(spec.testApp, other.owner);
    const uploaded = await upload('customers', CUSTOMERS_CSV, 'mine.csv');
    expect((await otherStaff.get(`/api/imports/${uploaded.id}`)).status).toBe(404);
    expect(
      (
        await otherStaff.post(`/api/imports/${uploaded.id}/start`, {
          mapping: uploaded.mapping,
          dryRun: false,
        })
      ).status,
    ).toBe(404);
    expect((await otherStaff.get<ImportResponse[]>('/api/imports')).body).toEqual([]);
  });
});
