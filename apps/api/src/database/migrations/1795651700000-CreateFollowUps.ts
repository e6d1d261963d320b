import type { MigrationInterface, QueryRunner } from 'typeorm';
import { onlyAppMayExecute } from './function-grants';

const STATUSES = `'scheduled', 'sending', 'sent', 'delivered', 'opened', 'clicked', 'bounced', 'dropped', 'complained',
  'failed', 'cancelled', 'skipped'`;

/**
 * The follow-up engine: each business's sender details and send window, its automations, and the outbox
 * of planned messages. Order events are marked once planned. Two owner-run functions let the planner and
 * the dispatcher find work across businesses; each answers ids only.
 */
export class CreateFollowUps1795651700000 implements MigrationInterface {
  name = 'CreateFollowUps1795651700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE tenants
        ADD COLUMN sender_name text CHECK (char_length(sender_name) <= 100),
        ADD COLUMN sender_email text CHECK (char_length(sender_email) <= 254),
        ADD COLUMN contact_phone text CHECK (char_length(contact_phone) <= 40),
        ADD COLUMN contact_email text CHECK (char_length(contact_email) <= 254),
        ADD COLUMN postal_address text CHECK (char_length(postal_address) <= 500),
        ADD COLUMN send_window jsonb NOT NULL DEFAULT '{"opens": "09:00", "closes": "19:00", "days": [1, 2, 3, 4, 5, 6]}',
        ADD COLUMN paused_at timestamptz,
        ADD COLUMN paused_reason text`);

    await db.query(`
      CREATE TABLE automations (
        tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 120),
        trigger text NOT NULL CHECK (trigger IN ('order_placed', 'order_fulfilled', 'order_delivered')),
        delay_minutes integer NOT NULL CHECK (delay_minutes BETWEEN 0 AND 525600),
        fallback_after_placed_days integer CHECK (fallback_after_placed_days BETWEEN 1 AND 365),
        kind text NOT NULL CHECK (kind IN ('thank-you', 'opinion-request')),
        template_name text NOT NULL,
        is_enabled boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      )`);

    await db.query(`
      CREATE TABLE messages (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        automation_id uuid,
        customer_id uuid NOT NULL,
        order_id uuid,
        kind text NOT NULL CHECK (kind IN ('thank-you', 'opinion-request', 'reminder', 'manual')),
        status text NOT NULL CHECK (status IN (${STATUSES})),
        due_at timestamptz NOT NULL,
        lease_until timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        provider_message_id text,
        skip_reason text,
        last_error text,
        to_email text,
        subject text,
        unsubscribe_token_hash bytea,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, automation_id) REFERENCES automations (tenant_id, id) ON DELETE SET NULL (automation_id),
        FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, order_id) REFERENCES orders (tenant_id, id) ON DELETE CASCADE,
        UNIQUE (tenant_id, automation_id, order_id)
      )`);
    await db.query(`CREATE INDEX messages_due_idx ON messages (due_at) WHERE status = 'scheduled'`);
    await db.query(`CREATE INDEX messages_leased_idx ON messages (lease_until) WHERE status = 'sending'`);
    await db.query(`CREATE INDEX messages_customer_idx ON messages (tenant_id, customer_id, sent_at DESC)`);
    await db.query(`CREATE INDEX messages_order_idx ON messages (tenant_id, order_id)`);
    await db.query(`CREATE UNIQUE INDEX messages_unsubscribe_key ON messages (unsubscribe_token_hash)`);

    await db.query(`ALTER TABLE order_events ADD COLUMN planned_at timestamptz`);
    await db.query(
      `CREATE INDEX order_events_unplanned_idx ON order_events (recorded_at) WHERE planned_at IS NULL`,
    );

    for (const table of ['automations', 'messages']) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await db.query(`
        CREATE POLICY tenant_isolation ON ${table}
          USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`);
    }
    // As for imports: the owner (only) sees across businesses, and the app reaches that view only through
    // the functions below.
    await db.query(`
      DO $$ BEGIN
        EXECUTE format('CREATE POLICY owner_claims ON messages USING (current_user = %L)', current_user);
        EXECUTE format('CREATE POLICY owner_claims ON order_events USING (current_user = %L)', current_user);
      END $$`);

    await db.query(`
      CREATE FUNCTION claim_due_messages(at timestamptz, batch integer, lease interval)
      RETURNS TABLE (tenant_id uuid, message_id uuid)
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
        WITH claimed AS (
          UPDATE messages m
             SET status = 'sending', lease_until = at + lease, attempts = m.attempts + 1, updated_at = now()
           WHERE (m.tenant_id, m.id) IN (
                   SELECT q.tenant_id, q.id FROM messages q
                    WHERE (q.status = 'scheduled' AND q.due_at <= at)
                       OR (q.status = 'sending' AND q.lease_until < at)
                    ORDER BY q.due_at
                    LIMIT least(batch, 500)
                      FOR UPDATE SKIP LOCKED)
          RETURNING m.tenant_id, m.id, m.due_at)
        -- Oldest first, so the journey cap holds back the later of two messages, not the earlier.
        SELECT tenant_id, id FROM claimed ORDER BY due_at, id
      $$`);
    await db.query(`
      CREATE FUNCTION order_events_to_plan(batch integer)
      RETURNS TABLE (tenant_id uuid, event_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT e.tenant_id, e.id FROM order_events e
         WHERE e.planned_at IS NULL
         ORDER BY e.recorded_at
         LIMIT least(batch, 1000)
      $$`);
    for (const signature of [
      'claim_due_messages(timestamptz, integer, interval)',
      'order_events_to_plan(integer)',
    ]) {
      await onlyAppMayExecute(db, signature);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION order_events_to_plan(integer)`);
    await db.query(`DROP FUNCTION claim_due_messages(timestamptz, integer, interval)`);
    await db.query(`DROP POLICY owner_claims ON order_events`);
    await db.query(`DROP INDEX order_events_unplanned_idx`);
    await db.query(`ALTER TABLE order_events DROP COLUMN planned_at`);
    await db.query(`DROP TABLE messages`);
    await db.query(`DROP TABLE automations`);
    await db.query(`
      ALTER TABLE tenants DROP COLUMN paused_reason, DROP COLUMN paused_at, DROP COLUMN send_window,
        DROP COLUMN postal_address, DROP COLUMN contact_email, DROP COLUMN contact_phone, DROP COLUMN sender_email,
        DROP COLUMN sender_name`);
  }
}
