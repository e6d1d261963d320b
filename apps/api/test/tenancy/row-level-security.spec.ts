import { createHash } from 'node:crypto';
import { type Client } from 'pg';
import { APP_ROLE } from '../../src/database/database-roles';
import { createTenant, signedIn } from '../support/factories';
import { withClient } from '../support/test-database';
import { startedApp } from '../support/spec-app';

describe('the schema enforces tenant isolation structurally', () => {
  const spec = startedApp();

  const owner = <T>(work: (client: Client) => Promise<T>) => withClient(spec.testApp.ownerUrl, work);

  async function tenantTables(): Promise<string[]> {
    return owner(async (client) => {
      const { rows } = await client.query<{ table_name: string }>(
        `SELECT c.table_name FROM information_schema.columns c
           JOIN information_schema.tables t USING (table_schema, table_name)
          WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE'
          ORDER BY 1`,
      );
      return rows.map((row) => row.table_name);
    });
  }

  it('finds the tenant-owned tables it checks', async () => {
    expect(await tenantTables()).toEqual(expect.arrayContaining(['memberships']));
  });

  it('forces row-level security with a tenant policy on every table that has tenant_id', async () => {
    const tables = [...(await tenantTables()), 'tenants'];
    const problems = await owner(async (client) => {
      const found: string[] = [];
      for (const table of tables) {
        const { rows } = await client.query<{
          relrowsecurity: boolean;
          relforcerowsecurity: boolean;
          policies: string;
        }>(
          `SELECT c.relrowsecurity, c.relforcerowsecurity,
                  (SELECT count(*) FROM pg_policies p WHERE p.schemaname = 'public' AND p.tablename = c.relname
                      AND p.qual LIKE '%app_current_tenant()%') AS policies
             FROM pg_class c WHERE c.relname = $1 AND c.relnamespace = 'public'::regnamespace`,
          [table],
        );
        const row = rows[0];
        if (!row?.relrowsecurity) found.push(`${table}: row-level security not enabled`);
        if (!row?.relforcerowsecurity) found.push(`${table}: row-level security not forced`);
        if (Number(row?.policies ?? 0) === 0) found.push(`${table}: no policy on app_current_tenant()`);
      }
      return found;
    });
    expect(problems).toEqual([]);
  });

  it('keys every tenant-owned table by (tenant_id, id)', async () => {
    const tables = await tenantTables();
    const keys = await owner(async (client) => {
      const { rows } = await client.query<{ table_name: string; columns: string[] }>(
        `SELECT tc.table_name, array_agg(kcu.column_name::text ORDER BY kcu.ordinal_position) AS columns
           FROM information_schema.table_constraints tc
           JOIN information_schema.key_column_usage kcu USING (constraint_schema, constraint_name, table_name)
          WHERE tc.table_schema = 'public' AND tc.constraint_type = 'PRIMARY KEY' AND tc.table_name = ANY($1)
          GROUP BY tc.table_name ORDER BY 1`,
        [tables],
      );
      return rows;
    });
    expect(keys).toEqual(tables.map((table_name) => ({ table_name, columns: ['tenant_id', 'id'] })));
  });

  it('makes every foreign key into a tenant-owned table include tenant_id', async () => {
    const tables = await tenantTables();
    const offenders = await owner(async (client) => {
      const { rows } = await client.query<{ name: string }>(
        `SELECT con.conname AS name
           FROM pg_constraint con
           JOIN pg_class target ON target.oid = con.confrelid
          WHERE con.contype = 'f' AND target.relname = ANY($1)
            AND NOT EXISTS (
              SELECT 1 FROM unnest(con.confkey) k JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k
               WHERE a.attname = 'tenant_id')`,
        [tables],
      );
      return rows.map((row) => row.name);
    });
    expect(offenders).toEqual([]);
  });

  it('runs the app as a role that bypasses nothing and owns nothing', async () => {
    const [role] = await spec.testApp.dataSource.query(
      `SELECT current_user AS name, r.rolsuper, r.rolbypassrls,
              (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid)::int AS owned
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(role).toEqual({ name: APP_ROLE, rolsuper: false, rolbypassrls: false, owned: 0 });
  });

  it('lets the dispatcher functions enter one business only, never from inside another', async () => {
    const [first, second] = await owner(async (client) => {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO tenants (name, time_zone, locale, country) VALUES ('Fn A', 'UTC', 'en', 'GB'), ('Fn B', 'UTC', 'en', 'GB')
         RETURNING id`,
      );
      return rows.map((row) => row.id);
    });
    const runner = spec.testApp.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query(`SELECT set_config('app.tenant_id', $1, true)`, [first]);
      // Inside the first business, a claim for the second is refused, not run in the second's name.
      await expect(
        runner.query(`SELECT * FROM claim_business_messages($1, now(), 10, '5 minutes')`, [second]),
      ).rejects.toThrow('another business is already set in this transaction');
      await runner.rollbackTransaction();
      // Outside any business, it claims the named one's and leaves no business set behind.
      await runner.startTransaction();
      expect(
        await runner.query(`SELECT * FROM claim_business_messages($1, now(), 10, '5 minutes')`, [second]),
      ).toEqual([]);
      const [setting] = await runner.query(
        `SELECT coalesce(current_setting('app.tenant_id', true), '') AS tenant`,
      );
      expect(setting).toEqual({ tenant: '' });
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
  });

  it("reads a session's principal as its own user only, and leaves the user setting as it was", async () => {
    const tenant = await createTenant(spec.testApp);
    const staff = await signedIn(spec.testApp, tenant.owner);
    const token = decodeURIComponent((staff.sessionCookie ?? '').split('=')[1] ?? '');
    const hash = createHash('sha256').update(token).digest();
    const someoneElse = '00000000-0000-4000-8000-000000000001';
    const runner = spec.testApp.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query(`SELECT set_config('app.user_id', $1, true)`, [someoneElse]);
      expect(await runner.query(`SELECT * FROM session_principal($1)`, [Buffer.from('not a token')])).toEqual(
        [],
      );
      const [principal] = await runner.query(
        `SELECT email, active_tenant_id, role FROM session_principal($1)`,
        [hash],
      );
      expect(principal).toEqual({ email: tenant.owner.email, active_tenant_id: tenant.id, role: 'owner' });
      const [setting] = await runner.query(`SELECT current_setting('app.user_id', true) AS user_id`);
      expect(setting).toEqual({ user_id: someoneElse });
      await runner.rollbackTransaction();
    } finally {
      await runner.release();
    }
  });
});
