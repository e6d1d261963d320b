import type { MigrationInterface, QueryRunner } from 'typeorm';
import { onlyAppMayExecute } from './function-grants';

const SIGNATURE = 'search_customer_ids(text, text, text, timestamptz, uuid, integer)';

/**
 * Partial-match customer search that can use the trigram index. Under row-level security PostgreSQL may
 * only push leakproof operators into an index scan, and LIKE is not leakproof, so a search through the
 * app role scans every row of the tenant. This function runs as the schema owner (which bypasses RLS
 * where it has BYPASSRLS, as the embedded and compose databases give it), takes the tenant only from the
 * transaction's verified app.tenant_id, and answers ids alone; the app then reads those rows under RLS.
 * Without BYPASSRLS on the owner it still answers correctly, only without the index.
 */
export class AddCustomerSearch1795651600000 implements MigrationInterface {
  name = 'AddCustomerSearch1795651600000';

  async up(db: QueryRunner): Promise<void> {
    // Two ways to a page of newest matches. A common fragment matches plenty among the newest rows: walking
    // them in order finds a page at once. A rare one does not: the trigram index finds it wherever it is
    // (plain index scans are off for that query, so the planner cannot choose to walk the whole tenant).
    await db.query(`
      CREATE FUNCTION search_customer_ids(
        pattern text, tag text, state text, after_created timestamptz, after_id uuid, max_rows integer
      ) RETURNS TABLE (id uuid)
      LANGUAGE plpgsql STABLE SECURITY DEFINER
      SET search_path = public
      SET enable_indexscan = on
      AS $$
      DECLARE
        tenant uuid := app_current_tenant();
        wanted integer := least(max_rows, 201);
        newest uuid[];
      BEGIN
        IF tenant IS NULL THEN
          RETURN;
        END IF;
        SELECT array_agg(recent.id ORDER BY recent.created_at DESC, recent.id DESC) INTO newest
          FROM (SELECT c.id, c.created_at FROM (
                  SELECT * FROM customers c
                   WHERE c.tenant_id = tenant
                     AND (after_created IS NULL OR (c.created_at, c.id) < (after_created, after_id))
                   ORDER BY c.created_at DESC, c.id DESC
                   LIMIT 5000) c
                 WHERE c.erased_at IS NULL
                   AND lower(c.name || ' ' || c.email) LIKE pattern
                   AND (tag IS NULL OR c.tags @> ARRAY[tag])
                   AND (state IS NULL OR c.subscription_state = state)
                 ORDER BY c.created_at DESC, c.id DESC
                 LIMIT wanted) recent;
        IF coalesce(array_length(newest, 1), 0) >= wanted THEN
          RETURN QUERY SELECT unnest(newest);
          RETURN;
        END IF;
        PERFORM set_config('enable_indexscan', 'off', true);
        RETURN QUERY EXECUTE
          'SELECT c.id FROM customers c
            WHERE c.tenant_id = $1 AND c.erased_at IS NULL
              AND lower(c.name || '' '' || c.email) LIKE $2
              AND ($3::text IS NULL OR c.tags @> ARRAY[$3::text])
              AND ($4::text IS NULL OR c.subscription_state = $4)
              AND ($5::timestamptz IS NULL OR (c.created_at, c.id) < ($5, $6))
            ORDER BY c.created_at DESC, c.id DESC
            LIMIT $7'
          USING tenant, pattern, tag, state, after_created, after_id, wanted;
      END
      $$`);
    await onlyAppMayExecute(db, SIGNATURE);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION ${SIGNATURE}`);
  }
}
