import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Which orders and buyers a rule is for (first or repeat order, products, total, tags, language). */
export class AddAutomationConditions1795652100000 implements MigrationInterface {
  name = 'AddAutomationConditions1795652100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE automations ADD COLUMN conditions jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(conditions) = 'object')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE automations DROP COLUMN conditions`);
  }
}
