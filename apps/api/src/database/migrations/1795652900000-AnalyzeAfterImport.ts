import type { MigrationInterface, QueryRunner } from 'typeorm';
import { onlyAppMayExecute } from './function-grants';

const SIGNATURE = 'refresh_commerce_statistics()';

/**
 * Refreshes the planner's statistics on buyers and orders, for the app to call after a large import. Until
 * autovacuum gets to it (a minute or more), a table that just grew by hundreds of thousands of rows is
 * planned with the old figures: customer search then took half a second instead of a few milliseconds.
 * SECURITY DEFINER because only the tables' owner may analyze them; SKIP_LOCKED leaves a table another
 * ANALYZE is already working on, rather than waiting for it.
 */
export class AnalyzeAfterImport1795652900000 implements MigrationInterface {
  name = 'AnalyzeAfterImport1795652900000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION refresh_commerce_statistics() RETURNS void
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        ANALYZE (SKIP_LOCKED) customers, orders, order_lines;
      END $$`);
    await onlyAppMayExecute(db, SIGNATURE);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION ${SIGNATURE}`);
  }
}
