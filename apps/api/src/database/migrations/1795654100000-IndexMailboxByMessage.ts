import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An order's page links each of its follow-ups to the copy the mailbox caught: found by message. */
export class IndexMailboxByMessage1795654100000 implements MigrationInterface {
  name = 'IndexMailboxByMessage1795654100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX mailbox_emails_message_idx ON mailbox_emails (tenant_id, message_id) WHERE message_id IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX mailbox_emails_message_idx`);
  }
}
