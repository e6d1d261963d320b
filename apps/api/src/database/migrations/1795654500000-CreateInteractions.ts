import type { MigrationInterface, QueryRunner } from 'typeorm';
import { onlyAppMayExecute } from './function-grants';
import { isolateByTenant } from './tenant-isolation';

const OLD_KINDS = `'thank-you', 'opinion-request', 'reminder', 'manual'`;
const NEW_KINDS = `${OLD_KINDS}, 'enquiry-thanks', 'quote-follow-up', 'visit-thanks', 'missed-you'`;
const OLD_TRIGGERS = `'order_placed', 'order_fulfilled', 'order_delivered'`;
const NEW_TRIGGERS = `${OLD_TRIGGERS}, 'enquiry_received', 'quote_sent', 'appointment_completed', 'appointment_no_show'`;

/** The survey every business starts with, as its opinion requests carry it (migrations stand alone). */
const DEFAULT_OPINION_SURVEY = 'How did we do?';

/** The built-in rules for enquiries, quotes and appointments, as every business gets them: off. */
const BUILT_IN_RULES: [string, string, number, string, boolean][] = [
  ['Thank you for your enquiry', 'enquiry_received', 5, 'enquiry-thanks', true],
  ['Following up on your quote', 'quote_sent', 3 * 1440, 'quote-follow-up', true],
  ['Thanks for visiting', 'appointment_completed', 120, 'visit-thanks', false],
  ['How was your visit?', 'appointment_completed', 3 * 1440, 'opinion-request', false],
  ['We missed you', 'appointment_no_show', 60, 'missed-you', false],
];

/**
 * Every contact, not only buyers: a person's enquiries, quotes and appointments (`interactions`), each
 * step an event the planner turns into follow-ups as it does an order's; the public enquiry form of each
 * business; and when a prospect became a customer (their first order or completed job).
 */
export class CreateInteractions1795654500000 implements MigrationInterface {
  name = 'CreateInteractions1795654500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE customers ADD COLUMN became_customer_at timestamptz`);
    await db.query(`
      UPDATE customers c SET became_customer_at = o.first_at
        FROM (SELECT tenant_id, customer_id, min(placed_at) AS first_at FROM orders GROUP BY tenant_id, customer_id) o
       WHERE o.tenant_id = c.tenant_id AND o.customer_id = c.id`);

    await db.query(`
      CREATE TABLE interactions (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL,
        type text NOT NULL CHECK (type IN ('enquiry', 'quote', 'appointment')),
        source text NOT NULL CHECK (source IN ('api', 'console', 'csv', 'form')),
        external_id text NOT NULL CHECK (char_length(external_id) BETWEEN 1 AND 100),
        status text NOT NULL CHECK (
          (type = 'enquiry' AND status IN ('open', 'answered', 'closed')) OR
          (type = 'quote' AND status IN ('sent', 'accepted', 'declined', 'expired')) OR
          (type = 'appointment' AND status IN ('booked', 'completed', 'no_show', 'cancelled'))),
        subject text NOT NULL DEFAULT '' CHECK (char_length(subject) <= 200),
        message text NOT NULL DEFAULT '' CHECK (char_length(message) <= 5000),
        amount numeric(14, 2) CHECK (amount >= 0),
        currency text CHECK (currency ~ '^[A-Z]{3}$'),
        valid_until timestamptz,
        starts_at timestamptz,
        occurred_at timestamptz NOT NULL,
        -- An enquiry waits for an answer until this time (the business's working hours).
        due_at timestamptz,
        answered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, source, type, external_id),
        CHECK ((amount IS NULL) = (currency IS NULL)),
        FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id) ON DELETE CASCADE
      )`);
    await db.query(
      `CREATE INDEX interactions_recent_idx ON interactions (tenant_id, type, occurred_at DESC, id DESC)`,
    );
    await db.query(`CREATE INDEX interactions_customer_idx ON interactions (tenant_id, customer_id)`);
    await db.query(
      `CREATE INDEX interactions_open_enquiries_idx ON interactions (tenant_id, due_at) WHERE type = 'enquiry' AND status = 'open'`,
    );

    await db.query(`
      CREATE TABLE interaction_events (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        interaction_id uuid NOT NULL,
        type text NOT NULL,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        source text NOT NULL,
        planned_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, interaction_id, type),
        FOREIGN KEY (tenant_id, interaction_id) REFERENCES interactions (tenant_id, id) ON DELETE CASCADE
      )`);
    await db.query(
      `CREATE INDEX interaction_events_unplanned_idx ON interaction_events (recorded_at) WHERE planned_at IS NULL`,
    );

    await db.query(`
      CREATE TABLE enquiry_forms (
        tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        key text NOT NULL CHECK (key ~ '^[A-Za-z0-9_-]{22}$'),
        -- Signs the time a form was shown, so a post that comes too fast (a bot) is told apart; never shown.
        token_secret bytea NOT NULL CHECK (octet_length(token_secret) = 32),
        is_enabled boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        -- One form per business.
        UNIQUE (tenant_id)
      )`);

    for (const table of ['interactions', 'interaction_events', 'enquiry_forms'])
      await isolateByTenant(db, table);
    await db.query(`
      DO $$ BEGIN
        EXECUTE format('CREATE POLICY owner_claims ON interaction_events USING (current_user = %L)', current_user);
      END $$`);
    await db.query(`
      CREATE FUNCTION interaction_events_to_plan(batch integer)
      RETURNS TABLE (tenant_id uuid, event_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT e.tenant_id, e.id FROM interaction_events e
         WHERE e.planned_at IS NULL
         ORDER BY e.recorded_at
         LIMIT least(batch, 1000)
      $$`);
    await onlyAppMayExecute(db, 'interaction_events_to_plan(integer)');

    await db.query(`ALTER TABLE automations DROP CONSTRAINT automations_trigger_check`);
    await db.query(
      `ALTER TABLE automations ADD CONSTRAINT automations_trigger_check CHECK (trigger IN (${NEW_TRIGGERS}))`,
    );
    await db.query(`ALTER TABLE automations DROP CONSTRAINT automations_kind_check`);
    await db.query(
      `ALTER TABLE automations ADD CONSTRAINT automations_kind_check CHECK (kind IN ('thank-you', 'opinion-request', 'enquiry-thanks', 'quote-follow-up', 'visit-thanks', 'missed-you'))`,
    );
    await db.query(`ALTER TABLE automations ADD COLUMN stops_when_customer boolean NOT NULL DEFAULT false`);

    await db.query(`ALTER TABLE messages DROP CONSTRAINT messages_kind_check`);
    await db.query(
      `ALTER TABLE messages ADD CONSTRAINT messages_kind_check CHECK (kind IN (${NEW_KINDS}, 'case-reply', 'enquiry-reply'))`,
    );
    await db.query(`ALTER TABLE messages ADD COLUMN interaction_id uuid`);
    await db.query(`
      ALTER TABLE messages ADD FOREIGN KEY (tenant_id, interaction_id)
        REFERENCES interactions (tenant_id, id) ON DELETE CASCADE`);
    await db.query(
      `CREATE UNIQUE INDEX messages_rule_interaction_key ON messages (tenant_id, automation_id, interaction_id)`,
    );
    await db.query(`ALTER TABLE email_templates DROP CONSTRAINT email_templates_kind_check`);
    await db.query(
      `ALTER TABLE email_templates ADD CONSTRAINT email_templates_kind_check CHECK (kind IN (${NEW_KINDS}))`,
    );

    for (const [name, trigger, minutes, kind, stops] of BUILT_IN_RULES) {
      await db.query(
        `INSERT INTO automations (tenant_id, name, trigger, delay_minutes, kind, template_name, is_enabled, stops_when_customer, survey_id)
         SELECT t.id, $1, $2, $3, $4, $5, false, $6,
                CASE WHEN $4 = 'opinion-request'
                     THEN (SELECT s.id FROM surveys s WHERE s.tenant_id = t.id AND s.name = $7) END
           FROM tenants t`,
        [
          name,
          trigger,
          minutes,
          kind,
          kind === 'opinion-request' ? 'How did we do?' : name,
          stops,
          DEFAULT_OPINION_SURVEY,
        ],
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `DELETE FROM automations WHERE trigger NOT IN (${OLD_TRIGGERS}) OR kind NOT IN (${OLD_KINDS})`,
    );
    await db.query(`DELETE FROM messages WHERE kind NOT IN (${OLD_KINDS}, 'case-reply')`);
    await db.query(`DELETE FROM email_templates WHERE kind NOT IN (${OLD_KINDS})`);
    await db.query(`ALTER TABLE email_templates DROP CONSTRAINT email_templates_kind_check`);
    await db.query(
      `ALTER TABLE email_templates ADD CONSTRAINT email_templates_kind_check CHECK (kind IN (${OLD_KINDS}))`,
    );
    await db.query(`DROP INDEX messages_rule_interaction_key`);
    await db.query(`ALTER TABLE messages DROP COLUMN interaction_id`);
    await db.query(`ALTER TABLE messages DROP CONSTRAINT messages_kind_check`);
    await db.query(
      `ALTER TABLE messages ADD CONSTRAINT messages_kind_check CHECK (kind IN (${OLD_KINDS}, 'case-reply'))`,
    );
    await db.query(`ALTER TABLE automations DROP COLUMN stops_when_customer`);
    await db.query(`ALTER TABLE automations DROP CONSTRAINT automations_kind_check`);
    await db.query(
      `ALTER TABLE automations ADD CONSTRAINT automations_kind_check CHECK (kind IN ('thank-you', 'opinion-request'))`,
    );
    await db.query(`ALTER TABLE automations DROP CONSTRAINT automations_trigger_check`);
    await db.query(
      `ALTER TABLE automations ADD CONSTRAINT automations_trigger_check CHECK (trigger IN (${OLD_TRIGGERS}))`,
    );
    await db.query(`DROP FUNCTION interaction_events_to_plan(integer)`);
    await db.query(`DROP TABLE enquiry_forms`);
    await db.query(`DROP TABLE interaction_events`);
    await db.query(`DROP TABLE interactions`);
    await db.query(`ALTER TABLE customers DROP COLUMN became_customer_at`);
  }
}
