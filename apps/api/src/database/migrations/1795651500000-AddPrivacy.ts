import type { MigrationInterface, QueryRunner } from 'typeorm';
import { onlyAppMayExecute } from './function-grants';

/**
 * Privacy: a per-business retention period for inactive buyers, and the narrow cross-tenant path the
 * retention job uses to find the businesses that set one.
 */
export class AddPrivacy1795651500000 implements MigrationInterface {
  name = 'AddPrivacy1795651500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE tenants ADD COLUMN retention_months integer CHECK (retention_months BETWEEN 1 AND 120)`,
    );
    await db.query(`CREATE INDEX customers_erased_idx ON customers (tenant_id) WHERE erased_at IS NOT NULL`);
    // Only the schema owner sees every business (this policy), and the app reaches that view only
    // through the function below, which answers the ids and periods and nothing else.
    await db.query(`
      DO $$ BEGIN
        EXECUTE format('CREATE POLICY owner_reads ON tenants FOR SELECT USING (current_user = %L)', current_user);
      END $$`);
    await db.query(`
      CREATE FUNCTION tenants_with_retention() RETURNS TABLE (tenant_id uuid, retention_months integer)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT id, retention_months FROM tenants WHERE retention_months IS NOT NULL ORDER BY id
      $$`);
    await onlyAppMayExecute(db, 'tenants_with_retention()');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION tenants_with_retention()`);
    await db.query(`DROP POLICY owner_reads ON tenants`);
    await db.query(`DROP INDEX customers_erased_idx`);
    await db.query(`ALTER TABLE tenants DROP COLUMN retention_months`);
  }
}
