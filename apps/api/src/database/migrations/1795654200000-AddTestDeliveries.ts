import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Send a test delivery": Rapport posts a signed sample to a shop's own webhook address. It is kept with
 * the shop's deliveries, marked as a test, so the settings show it as such and nothing counts it as the
 * shop's own (the connection's state, the getting-started checklist).
 */
export class AddTestDeliveries1795654200000 implements MigrationInterface {
  name = 'AddTestDeliveries1795654200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE webhook_deliveries ADD COLUMN is_test boolean NOT NULL DEFAULT false`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE webhook_deliveries DROP COLUMN is_test`);
  }
}
