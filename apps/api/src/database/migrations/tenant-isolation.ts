import type { QueryRunner } from 'typeorm';

/**
 * Makes a new tenant table as every other: row-level security on and forced (the owner too), and the one
 * policy that shows and accepts only the current business's rows (docs/adr/0001-tenancy.md).
 */
export async function isolateByTenant(db: QueryRunner, table: string): Promise<void> {
  await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
  await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
  await db.query(`
    CREATE POLICY tenant_isolation ON ${table}
      USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`);
}
