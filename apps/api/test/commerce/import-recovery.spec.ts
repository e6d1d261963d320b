import type { CustomerResponse, ImportResponse, Page } from '@rapport/domain';
import { ImportWorker } from '../../src/imports/import-worker';
import { createTenant, signedIn, type TestTenant } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';
import { withClient } from '../support/test-database';

/** Enough rows for several batches of 5,000. */
const ROWS = 12_000;

describe('an import whose worker died', () => {
  let testApp: TestApp;
  let tenant: TestTenant;
  let staff: HttpClient;

  beforeAll(async () => {
    testApp = await startTestApp();
    tenant = await createTenant(testApp, { name: 'Recovery Bakery' });
    staff = await signedIn(testApp, tenant.owner);
  });
  afterAll(() => testApp.close());

  it('is taken over when its lease runs out and resumes after the last committed row', async () => {
    const lines = ['Email,Name'];
    for (let index = 0; index < ROWS; index++)
      lines.push(index === 7_500 ? 'broken,Broken Row' : `r${index}@recovery.example,Row ${index}`);
    const upload = await staff.request<ImportResponse>('POST', '/api/imports/customers', lines.join('\n'), {
      'content-type': 'text/csv',
    });
    // What a crash leaves: the first batch committed (rows, progress), the rest never written, the lease
    // of a worker that is gone. Simulated below the API, as the owner.
    await withClient(testApp.ownerUrl, async (db) => {
      await db.query('BEGIN');
      await db.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant.id]);
      await db.query(
        `INSERT INTO customers (tenant_id, email, name)
         SELECT $1, 'r' || i || '@recovery.example', 'Row ' || i FROM generate_series(0, 4999) i`,
        [tenant.id],
      );
      await db.query(
        `UPDATE imports SET status = 'running', mapping = '{"Email":"email","Name":"name"}', rows_processed = 5000,
                rows_imported = 5000, started_at = now() - interval '10 minutes', lease_until = now() - interval '1 second'
          WHERE id = $1`,
        [upload.body.id],
      );
      await db.query('COMMIT');
    });

    testApp.app.get(ImportWorker).wake();
    let state = upload.body;
    for (let attempt = 0; attempt < 100 && state.status !== 'completed'; attempt++) {
      await new Promise((wait) => setTimeout(wait, 100));
      state = (await staff.get<ImportResponse>(`/api/imports/${upload.body.id}`)).body;
    }
    expect(state).toMatchObject({
      status: 'completed',
      rowsTotal: ROWS,
      rowsImported: ROWS - 1,
      rowsFailed: 1,
    });
    const report = await staff.get<string>(`/api/imports/${upload.body.id}/problems.csv`);
    expect(report.body).toBe(
      'line,column,value,reason\r\n7502,"Email","broken","Email: ""broken"" is not an email address"\r\n',
    );
    const count = await withClient(testApp.ownerUrl, async (db) => {
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM customers WHERE tenant_id = $1`, [
        tenant.id,
      ]);
      return rows[0].n;
    });
    expect(count).toBe(ROWS - 1);
    const last = await staff.get<Page<CustomerResponse>>('/api/customers?search=r11999%40recovery');
    expect(last.body.items.map((customer) => customer.name)).toEqual(['Row 11999']);
  });
});
