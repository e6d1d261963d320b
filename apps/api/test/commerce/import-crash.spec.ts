import type { ImportResponse } from '@rapport/domain';
import { signedIn, type TestTenant } from '../support/factories';
import { assertBuilt, type BuiltApp, databaseWithBusiness, startBuiltApp, until } from '../support/built-app';
import { HttpClient } from '../support/http-client';
import { startTestApp } from '../support/test-app';
import { withClient } from '../support/test-database';

/** Twenty batches of 5,000: the kill lands with some committed and most not. */
const ROWS = 100_000;
const BAD_LINE = 60_002;

/**
 * The built app, killed with SIGKILL in the middle of a CSV import: after a restart the import is taken over
 * and finishes from its last committed batch, every good row once, the bad row reported once.
 */
describe('an import whose app was killed mid-run', () => {
  let databaseUrl: string;
  let tenant: TestTenant;
  let child: BuiltApp | undefined;

  beforeAll(async () => {
    assertBuilt();
    ({ databaseUrl, tenant } = await databaseWithBusiness('import_crash', { name: 'Crash Bakery' }));
  });
  afterAll(async () => {
    await child?.kill();
  });

  it('resumes after the restart and imports every good row exactly once', async () => {
    child = await startBuiltApp(databaseUrl);
    const staff = new HttpClient(child.baseUrl);
    await until(async () => (await fetch(`${staff.baseUrl}/api/health`).catch(() => null))?.ok === true);
    await staff.signIn(tenant.owner.email, tenant.owner.password);

    const lines = ['Email,Name'];
    for (let index = 0; index < ROWS; index++)
      lines.push(index === BAD_LINE - 2 ? 'broken,Broken Row' : `c${index}@crash.example,Row ${index}`);
    const uploaded = await staff.request<ImportResponse>('POST', '/api/imports/customers', lines.join('\n'), {
      'content-type': 'text/csv',
    });
    expect(uploaded.status).toBe(201);
    const id = uploaded.body.id;
    const started = await staff.post(`/api/imports/${id}/start`, {
      mapping: { Email: 'email', Name: 'name' },
      dryRun: false,
    });
    expect(started.status).toBe(202);
    await until(async () => (await importRow(id)).rows_processed >= 10_000);
    await child.kill();

    const atKill = await importRow(id);
    expect(atKill.status).toBe('running');
    expect(atKill.rows_processed).toBeLessThan(ROWS);
    expect(await customerCount()).toBe(atKill.rows_imported);
    // The dead worker's lease (a minute) runs out; moved back here rather than waited for.
    await withClient(databaseUrl, (db) =>
      db.query(`UPDATE imports SET lease_until = now() - interval '1 second' WHERE id = $1`, [id]),
    );

    const restarted = await startTestApp({ DATABASE_URL: databaseUrl });
    try {
      const console = await signedIn(restarted, tenant.owner);
      let state: ImportResponse | undefined;
      await until(async () => {
        state = (await console.get<ImportResponse>(`/api/imports/${id}`)).body;
        return state.status === 'completed';
      }, 60_000);
      expect(state).toMatchObject({ rowsTotal: ROWS, rowsImported: ROWS - 1, rowsFailed: 1 });
      const problems = await console.get<string>(`/api/imports/${id}/problems.csv`);
      expect(problems.body).toBe(
        `line,column,value,reason\r\n${BAD_LINE},"Email","broken","Email: ""broken"" is not an email address"\r\n`,
      );
    } finally {
      await restarted.close();
    }
    expect(await customerCount()).toBe(ROWS - 1);
  }, 120_000);

  async function importRow(
    id: string,
  ): Promise<{ status: string; rows_processed: number; rows_imported: number }> {
    return withClient(databaseUrl, async (db) => {
      const { rows } = await db.query<{ status: string; rows_processed: number; rows_imported: number }>(
        `SELECT status, rows_processed, rows_imported FROM imports WHERE id = $1`,
        [id],
      );
      if (!rows[0]) throw new Error(`No import ${id}`);
      return rows[0];
    });
  }

  async function customerCount(): Promise<number> {
    return withClient(databaseUrl, async (db) => {
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM customers WHERE tenant_id = $1`,
        [tenant.id],
      );
      return rows[0]?.n ?? 0;
    });
  }
});
