import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CLAIM_SIGNATURE, claimFunction } from './1795652000000-ClaimByBuyer';
import { onlyAppMayExecute } from './function-grants';

/**
 * Marks one message sent and plans its reminder (reminder_days > 0) in one statement, committed on its own
 * as soon as the provider has accepted the email. (Replaced by mark_messages_sent in MarkSentTogether.)
 */
export const MARK_ONE_SENT_SIGNATURE =
  'mark_message_sent(uuid, uuid, timestamptz, text, text, text, bytea, uuid, integer)';
export const MARK_ONE_SENT = `
  CREATE FUNCTION mark_message_sent(business uuid, message uuid, at timestamptz, provider_message text,
                                    to_address text, sent_subject text, token_hash bytea, version uuid,
                                    reminder_days integer)
  RETURNS void
  LANGUAGE plpgsql VOLATILE SET search_path = public AS $$
  DECLARE
    previous text := app_enter_business(business);
  BEGIN
    UPDATE messages
       SET status = 'sent', sent_at = at, provider_message_id = provider_message, to_email = to_address,
           subject = sent_subject, unsubscribe_token_hash = token_hash, survey_version_id = version,
           lease_until = NULL, skip_reason = NULL, last_error = NULL, updated_at = now()
     WHERE tenant_id = business AND id = message;
    IF reminder_days > 0 THEN
      INSERT INTO messages (tenant_id, customer_id, order_id, kind, status, due_at, reminder_of, survey_version_id)
      SELECT tenant_id, customer_id, order_id, 'reminder', 'scheduled', at + make_interval(days => reminder_days),
             id, version
        FROM messages WHERE tenant_id = business AND id = message
      ON CONFLICT (tenant_id, reminder_of) WHERE reminder_of IS NOT NULL DO NOTHING;
    END IF;
    PERFORM set_config('app.tenant_id', previous, true);
  END $$`;

const FUNCTIONS = [
  'businesses_with_due_messages(timestamptz, integer)',
  'app_enter_business(uuid)',
  'claim_business_messages(uuid, timestamptz, integer, interval)',
  MARK_ONE_SENT_SIGNATURE,
];

/**
 * The dispatcher works one business at a time: the only cross-business read left is which businesses have
 * follow-ups due (their ids, oldest due first). A business's due messages are then claimed, and each sent
 * one marked, by functions that enter that business's context themselves, so each is one statement
 * (committed on its own) under row-level security, instead of a transaction of four. The claim across
 * businesses goes.
 */
export class DispatchByBusiness1795652600000 implements MigrationInterface {
  name = 'DispatchByBusiness1795652600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION ${CLAIM_SIGNATURE}`);
    // Claims read one business's due messages in due order.
    await db.query(
      `CREATE INDEX messages_business_due_idx ON messages (tenant_id, due_at) WHERE status = 'scheduled'`,
    );
    await db.query(`
      CREATE FUNCTION businesses_with_due_messages(at timestamptz, max_businesses integer)
      RETURNS TABLE (tenant_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT q.tenant_id FROM messages q
         WHERE (q.status = 'scheduled' AND q.due_at <= at) OR (q.status = 'sending' AND q.lease_until < at)
         GROUP BY q.tenant_id
         ORDER BY min(q.due_at)
         LIMIT least(max_businesses, 1000)
      $$`);
    // Sets the business of the current transaction and answers the one set before ('' for none). Refuses to
    // switch from another business: a caller inside one business's work must not reach into another's.
    await db.query(`
      CREATE FUNCTION app_enter_business(business uuid) RETURNS text
      LANGUAGE plpgsql VOLATILE SET search_path = public AS $$
      DECLARE
        previous text := coalesce(current_setting('app.tenant_id', true), '');
      BEGIN
        IF previous <> '' AND previous <> business::text THEN
          RAISE EXCEPTION 'another business is already set in this transaction' USING ERRCODE = '42501';
        END IF;
        PERFORM set_config('app.tenant_id', business::text, true);
        RETURN previous;
      END $$`);
    await db.query(`
      CREATE FUNCTION claim_business_messages(business uuid, at timestamptz, batch integer, lease interval)
      RETURNS TABLE (message_id uuid, customer_id uuid)
      LANGUAGE plpgsql VOLATILE SET search_path = public AS $$
      DECLARE
        previous text := app_enter_business(business);
      BEGIN
        RETURN QUERY
          -- Two index scans (due, and leases run out) rather than one OR over all the business's messages.
          -- Materialised: inlined, a LIMIT could be applied more than once.
          WITH due_now AS MATERIALIZED (
            SELECT q.id, q.due_at FROM messages q
             WHERE q.tenant_id = business AND q.status = 'scheduled' AND q.due_at <= at
             ORDER BY q.due_at LIMIT least(batch, 500) FOR UPDATE SKIP LOCKED),
          lease_over AS MATERIALIZED (
            SELECT q.id, q.due_at FROM messages q
             WHERE q.tenant_id = business AND q.status = 'sending' AND q.lease_until < at
             ORDER BY q.due_at LIMIT least(batch, 500) FOR UPDATE SKIP LOCKED),
          due AS MATERIALIZED (
            SELECT id FROM (SELECT * FROM due_now UNION ALL SELECT * FROM lease_over) d
             ORDER BY d.due_at LIMIT least(batch, 500)),
          claimed AS (
            UPDATE messages m
               SET status = 'sending', lease_until = at + lease, attempts = m.attempts + 1, updated_at = now()
              FROM due
             WHERE m.tenant_id = business AND m.id = due.id
            RETURNING m.id, m.customer_id, m.due_at)
          -- Oldest first, so the journey cap holds back the later of two messages, not the earlier.
          SELECT c.id, c.customer_id FROM claimed c ORDER BY c.due_at, c.id;
        PERFORM set_config('app.tenant_id', previous, true);
      END $$`);
    await db.query(MARK_ONE_SENT);
    for (const signature of FUNCTIONS) {
      await onlyAppMayExecute(db, signature);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const signature of [...FUNCTIONS].reverse()) await db.query(`DROP FUNCTION ${signature}`);
    await db.query(`DROP INDEX messages_business_due_idx`);
    await db.query(claimFunction(true));
    await onlyAppMayExecute(db, CLAIM_SIGNATURE);
  }
}
