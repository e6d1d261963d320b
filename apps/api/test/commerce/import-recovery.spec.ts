import type { CustomerResponse, ImportResponse, Page } from '@rapport/domain';
import { ImportWorker } from '../../src/imports/import-worker';
import { withClient } from '../support/test-database';
import { appWithTenant } from '../support/spec-app';

/** Enough rows for several batches of 5,000. */
const ROWS = 12_000;

describe('an import whose worker died', () => {
  const spec = appWithTenant({ name: 'Recovery Bakery' });

  it('is taken over when its lease runs out and resumes after the last committed row', async () => {
    const lines = ['Email,Name'];
    for (let index = 0; index < ROWS; index++)
      lines.push(index === 7_500 ? 'broken,Broken Row' : `r${index}@recovery.example,Row ${index}`);
    const upload = await spec.owner.request<ImportResponse>(
      'POST',
      '/api/imports/customers',
      lines.join('\n'),
      {
        'content-type': 'text/csv',
      },
    );
    // What a crash leaves: the first batch committed (rows, progress), the rest never written, the lease
    // of a worker that is gone. Simulated below the API, as the owner.
    await withClient(spec.testApp.ownerUrl, async (db) => {
      await db.query('BEGIN');
      await db.query(`SELECT set_config('app.tenant_id', $1, true)`, [spec.tenant.id]);
      await db.query(
        `INSERT INTO customers (tenant_id, email, name)
         SELECT $1, 'r' || i || '@recovery.example', 'Row ' || i FROM generate_series(0, 4999) i`,
        [spec.tenant.id],
      );
      await db.query(
        `UPDATE imports SET status = 'running', mapping = '{"Email":"email","Name":"name"}', rows_processed = 5000,
                rows_imported = 5000, started_at = now() - interval '10 minutes', lease_until = now() - interval '1 second'
          WHERE id = $1`,
        [upload.body.id],
      );
      await db.query('COMMIT');
    });

    spec.testApp.app.get(ImportWorker).wake();
    let state = upload.body;
    for (let attempt = 0; attempt < 100 && state.status !== 'completed'; attempt++) {
      await new Promise((wait) => setTimeout(wait, 100));
      state = (await spec.owner.get<ImportResponse>(`/api/imports/${upload.body.id}`)).body;
    }
    expect(state).toMatchObject({
      status: 'completed',
      rowsTotal: ROWS,
      rowsImported: ROWS - 1,
      rowsFailed: 1,
    });
    const report = await spec.owner.get<string>(`/api/imports/${upload.body.id}/problems.csv`);
    expect(report.body).toBe(
      'line,column,value,reason\r\n7502,"Email","broken","Email: ""broken"" is not an email address"\r\n',
    );
    const count = await withClient(spec.testApp.ownerUrl, async (db) => {
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM customers WHERE tenant_id = $1`, [
        spec.tenant.id,
      ]);
      return rows[0].n;
    });
    expect(count).toBe(ROWS - 1);
    const last = await spec.owner.get<Page<CustomerResponse>>('/api/customers?search=r11999%40recovery');
    expect(last.body.items.map((customer) => customer.name)).toEqual(['Row 11999']);
  });
});
