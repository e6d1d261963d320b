import type { MigrationInterface, QueryRunner } from 'typeorm';
import { onlyAppMayExecute } from './function-grants';

export const CLAIM_SIGNATURE = 'claim_due_messages(timestamptz, integer, interval)';

export function claimFunction(withCustomer: boolean): string {
  return `
    CREATE FUNCTION claim_due_messages(at timestamptz, batch integer, lease interval)
    RETURNS TABLE (tenant_id uuid, message_id uuid${withCustomer ? ', customer_id uuid' : ''})
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
        RETURNING m.tenant_id, m.id, m.customer_id, m.due_at)
      -- Oldest first, so the journey cap holds back the later of two messages, not the earlier.
      SELECT tenant_id, id${withCustomer ? ', customer_id' : ''} FROM claimed ORDER BY due_at, id
    $$`;
}

/**
 * The claim also answers each message's buyer (an id, like the rest of its answer), so a dispatcher handling
 * several messages at once keeps one buyer's messages in due order, one after the other.
 */
export class ClaimByBuyer1795652000000 implements MigrationInterface {
  name = 'ClaimByBuyer1795652000000';

  async up(db: QueryRunner): Promise<void> {
    await this.replace(db, true);
  }

  async down(db: QueryRunner): Promise<void> {
    await this.replace(db, false);
  }

  private async replace(db: QueryRunner, withCustomer: boolean): Promise<void> {
    await db.query(`DROP FUNCTION ${CLAIM_SIGNATURE}`);
    await db.query(claimFunction(withCustomer));
    await onlyAppMayExecute(db, CLAIM_SIGNATURE);
  }
}
