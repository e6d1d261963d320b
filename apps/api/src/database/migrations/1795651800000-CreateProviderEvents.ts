import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Delivery events from the email provider, kept once per event id (SendGrid retries and replays). */
export class CreateProviderEvents1795651800000 implements MigrationInterface {
  name = 'CreateProviderEvents1795651800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE provider_events (
        tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        provider_event_id text NOT NULL,
        message_id uuid,
        event text NOT NULL,
        occurred_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, provider_event_id)
      )`);
    await db.query(`CREATE INDEX provider_events_day_idx ON provider_events (tenant_id, event, occurred_at)`);
    await db.query(`ALTER TABLE provider_events ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE provider_events FORCE ROW LEVEL SECURITY`);
    await db.query(`
      CREATE POLICY tenant_isolation ON provider_events
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE provider_events`);
  }
}
