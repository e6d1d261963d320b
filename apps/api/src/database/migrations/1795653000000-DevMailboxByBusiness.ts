import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The development mailbox notes which business sent an email (follow-ups, test sends), so a signed-in
 * member reads their own business's emails there and no other's. The rows stay outside the tenant tables
 * (no tenant_id, no row-level security: this machine reads them all), hence the column's own name and no
 * foreign key; a deleted business's ids are never reused.
 */
export class DevMailboxByBusiness1795653000000 implements MigrationInterface {
  name = 'DevMailboxByBusiness1795653000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE dev_mailbox ADD COLUMN sender_tenant_id uuid`);
    await db.query(
      `CREATE INDEX dev_mailbox_sender_recent_idx ON dev_mailbox (sender_tenant_id, created_at DESC)`,
    );
    await db.query(`CREATE INDEX dev_mailbox_to_recent_idx ON dev_mailbox (to_address, created_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX dev_mailbox_to_recent_idx`);
    await db.query(`DROP INDEX dev_mailbox_sender_recent_idx`);
    await db.query(`ALTER TABLE dev_mailbox DROP COLUMN sender_tenant_id`);
  }
}
