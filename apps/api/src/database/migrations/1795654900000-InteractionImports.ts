import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Files of enquiries, quotes and appointments are imported like customers and orders. */
export class InteractionImports1795654900000 implements MigrationInterface {
  name = 'InteractionImports1795654900000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE imports DROP CONSTRAINT imports_kind_check,
        ADD CONSTRAINT imports_kind_check
          CHECK (kind IN ('customers', 'orders', 'enquiries', 'quotes', 'appointments'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM imports WHERE kind IN ('enquiries', 'quotes', 'appointments')`);
    await db.query(`
      ALTER TABLE imports DROP CONSTRAINT imports_kind_check,
        ADD CONSTRAINT imports_kind_check CHECK (kind IN ('customers', 'orders'))`);
  }
}
