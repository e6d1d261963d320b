import type { MigrationInterface, QueryRunner } from 'typeorm';
import { onlyAppMayExecute } from './function-grants';
import { MARK_MESSAGES_SENT, MARK_MESSAGES_SENT_SIGNATURE } from './1795652800000-MarkSentTogether';

const SIGNATURE =
  'mark_messages_sent(uuid, timestamptz, uuid[], text[], text[], text[], bytea[], uuid[], boolean[])';

/**
 * The journey cap and the reminders become the business's settings: the least gap between two emails to
 * one buyer (3 days until now), between two opinion requests (30), and up to three reminders, each a
 * number of days after the request (one, after 4 days, until now). Marking a request sent plans all of
 * its reminders at once from the business's schedule; each is a row of its own, numbered, and each is
 * skipped when it falls due after the buyer answered.
 */
export class JourneySettings1795654000000 implements MigrationInterface {
  name = 'JourneySettings1795654000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE tenants
        ADD COLUMN follow_up_gap_days smallint NOT NULL DEFAULT 3 CHECK (follow_up_gap_days BETWEEN 1 AND 14),
        ADD COLUMN opinion_request_gap_days smallint NOT NULL DEFAULT 30
          CHECK (opinion_request_gap_days BETWEEN 7 AND 365),
        ADD COLUMN reminder_schedule smallint[] NOT NULL DEFAULT '{4}'
          CHECK (cardinality(reminder_schedule) <= 3 AND 1 <= ALL (reminder_schedule)
                 AND 30 >= ALL (reminder_schedule))`);
    await db.query(`
      UPDATE tenants SET reminder_schedule = CASE WHEN reminder_days > 0 THEN ARRAY[reminder_days]::smallint[]
                                                  ELSE '{}' END`);
    await db.query(`ALTER TABLE tenants DROP COLUMN reminder_days`);
    await db.query(`ALTER TABLE messages ADD COLUMN reminder_number smallint`);
    await db.query(`UPDATE messages SET reminder_number = 1 WHERE reminder_of IS NOT NULL`);
    await db.query(`
      ALTER TABLE messages ADD CONSTRAINT messages_reminder_number_check
        CHECK ((reminder_of IS NULL) = (reminder_number IS NULL) AND reminder_number BETWEEN 1 AND 3)`);
    await db.query(`DROP INDEX messages_one_reminder`);
    await db.query(`
      CREATE UNIQUE INDEX messages_one_reminder ON messages (tenant_id, reminder_of, reminder_number)
        WHERE reminder_of IS NOT NULL`);
    await db.query(`DROP FUNCTION ${MARK_MESSAGES_SENT_SIGNATURE}`);
    await db.query(`
      CREATE FUNCTION mark_messages_sent(business uuid, at timestamptz, message_ids uuid[],
                                         provider_messages text[], to_addresses text[], subjects text[],
                                         token_hashes bytea[], versions uuid[], plans_reminders boolean[])
      RETURNS void
      LANGUAGE plpgsql VOLATILE SET search_path = public SET plan_cache_mode = force_generic_plan AS $$
      DECLARE
        previous text := app_enter_business(business);
      BEGIN
        WITH sent AS (
          SELECT * FROM unnest(message_ids, provider_messages, to_addresses, subjects, token_hashes, versions,
                               plans_reminders)
                     AS s(id, provider_message, to_address, subject, token_hash, version, plans_reminders)),
        marked AS (
          UPDATE messages m
             SET status = 'sent', sent_at = at, provider_message_id = s.provider_message,
                 to_email = s.to_address, subject = s.subject, unsubscribe_token_hash = s.token_hash,
                 survey_version_id = s.version, lease_until = NULL, skip_reason = NULL, last_error = NULL,
                 updated_at = now()
            FROM sent s
           WHERE m.tenant_id = business AND m.id = s.id
          RETURNING m.id, m.customer_id, m.order_id, s.version, s.plans_reminders)
        INSERT INTO messages (tenant_id, customer_id, order_id, kind, status, due_at, reminder_of,
                              reminder_number, survey_version_id)
        SELECT business, marked.customer_id, marked.order_id, 'reminder', 'scheduled',
               at + make_interval(days => r.days), marked.id, r.number, marked.version
          FROM marked
          CROSS JOIN tenants t
          CROSS JOIN LATERAL unnest(t.reminder_schedule) WITH ORDINALITY AS r(days, number)
         WHERE marked.plans_reminders AND t.id = business
        ON CONFLICT (tenant_id, reminder_of, reminder_number) WHERE reminder_of IS NOT NULL DO NOTHING;
        PERFORM set_config('app.tenant_id', previous, true);
      END $$`);
    await onlyAppMayExecute(db, SIGNATURE);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION ${SIGNATURE}`);
    await db.query(MARK_MESSAGES_SENT);
    await onlyAppMayExecute(db, MARK_MESSAGES_SENT_SIGNATURE);
    await db.query(`DELETE FROM messages WHERE reminder_number > 1`);
    await db.query(`DROP INDEX messages_one_reminder`);
    await db.query(
      `CREATE UNIQUE INDEX messages_one_reminder ON messages (tenant_id, reminder_of) WHERE reminder_of IS NOT NULL`,
    );
    await db.query(`ALTER TABLE messages DROP CONSTRAINT messages_reminder_number_check`);
    await db.query(`ALTER TABLE messages DROP COLUMN reminder_number`);
    await db.query(`
      ALTER TABLE tenants ADD COLUMN reminder_days integer NOT NULL DEFAULT 4
        CHECK (reminder_days BETWEEN 0 AND 30)`);
    await db.query(`UPDATE tenants SET reminder_days = coalesce(reminder_schedule[1], 0)`);
    await db.query(`
      ALTER TABLE tenants DROP COLUMN reminder_schedule, DROP COLUMN opinion_request_gap_days,
        DROP COLUMN follow_up_gap_days`);
  }
}
