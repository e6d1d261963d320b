import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each business's copy of the emails the development mailbox caught for it (follow-ups and replies from
 * cases), so its console can show them as its buyers would see them. Written only while no email provider
 * is configured; with SendGrid the provider delivers and nothing is kept.
 */
export class CreateMailbox1795652500000 implements MigrationInterface {
  name = 'CreateMailbox1795652500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE mailbox_emails (
        tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        message_id uuid,
        to_address text NOT NULL,
        subject text NOT NULL,
        html text NOT NULL,
        text text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- No foreign key to messages: the dispatcher holds the message row while the email is caught, and
        -- the key's check would wait on it.
        PRIMARY KEY (tenant_id, id)
      )`);
    await db.query(
      `CREATE INDEX mailbox_emails_recent_idx ON mailbox_emails (tenant_id, created_at DESC, id DESC)`,
    );
    await db.query(`ALTER TABLE mailbox_emails ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE mailbox_emails FORCE ROW LEVEL SECURITY`);
    await db.query(`
      CREATE POLICY tenant_isolation ON mailbox_emails
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE mailbox_emails`);
  }
}
