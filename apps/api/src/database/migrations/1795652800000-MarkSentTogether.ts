import type { MigrationInterface, QueryRunner } from 'typeorm';
import { MARK_ONE_SENT, MARK_ONE_SENT_SIGNATURE } from './1795652600000-DispatchByBusiness';
import { onlyAppMayExecute } from './function-grants';

export const MARK_MESSAGES_SENT_SIGNATURE =
  'mark_messages_sent(uuid, timestamptz, uuid[], text[], text[], text[], bytea[], uuid[], integer[])';

export const MARK_MESSAGES_SENT = `
      CREATE FUNCTION mark_messages_sent(business uuid, at timestamptz, message_ids uuid[],
                                         provider_messages text[], to_addresses text[], subjects text[],
                                         token_hashes bytea[], versions uuid[], reminder_days integer[])
      RETURNS void
      LANGUAGE plpgsql VOLATILE SET search_path = public SET plan_cache_mode = force_generic_plan AS $$
      DECLARE
        previous text := app_enter_business(business);
      BEGIN
        WITH sent AS (
          SELECT * FROM unnest(message_ids, provider_messages, to_addresses, subjects, token_hashes, versions,
                               reminder_days)
                     AS s(id, provider_message, to_address, subject, token_hash, version, remind_in)),
        marked AS (
          UPDATE messages m
             SET status = 'sent', sent_at = at, provider_message_id = s.provider_message,
                 to_email = s.to_address, subject = s.subject, unsubscribe_token_hash = s.token_hash,
                 survey_version_id = s.version, lease_until = NULL, skip_reason = NULL, last_error = NULL,
                 updated_at = now()
            FROM sent s
           WHERE m.tenant_id = business AND m.id = s.id
          RETURNING m.id, m.customer_id, m.order_id, s.version, s.remind_in)
        INSERT INTO messages (tenant_id, customer_id, order_id, kind, status, due_at, reminder_of, survey_version_id)
        SELECT business, customer_id, order_id, 'reminder', 'scheduled', at + make_interval(days => remind_in),
               id, version
          FROM marked WHERE remind_in > 0
        ON CONFLICT (tenant_id, reminder_of) WHERE reminder_of IS NOT NULL DO NOTHING;
        PERFORM set_config('app.tenant_id', previous, true);
      END $$`;

/**
 * Marks several of one business's messages sent, and plans their reminders, in one statement committed on
 * its own. Sends that finish while the previous mark is being written are marked together: one round trip
 * and one commit for all of them, instead of one each. The arrays are read side by side, one entry per
 * message.
 */
export class MarkSentTogether1795652800000 implements MigrationInterface {
  name = 'MarkSentTogether1795652800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION ${MARK_ONE_SENT_SIGNATURE}`);
    await db.query(MARK_MESSAGES_SENT);
    await onlyAppMayExecute(db, MARK_MESSAGES_SENT_SIGNATURE);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION ${MARK_MESSAGES_SENT_SIGNATURE}`);
    await db.query(MARK_ONE_SENT);
    await onlyAppMayExecute(db, MARK_ONE_SENT_SIGNATURE);
  }
}
