import type { MigrationInterface, QueryRunner } from 'typeorm';

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
    await db.query(`
      CREATE FUNCTION search_customer_ids(
        pattern text, tag text, state text, after_created timestamptz, after_id uuid, max_rows integer
      ) RETURNS TABLE (id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT c.id FROM customers c
         WHERE c.tenant_id = app_current_tenant()
           AND c.erased_at IS NULL
           AND lower(c.name || ' ' || c.email) LIKE pattern
           AND (tag IS NULL OR c.tags @> ARRAY[tag])
           AND (state IS NULL OR c.subscription_state = state)
           AND (after_created IS NULL OR (c.created_at, c.id) < (after_created, after_id))
         ORDER BY c.created_at DESC, c.id DESC
         LIMIT least(max_rows, 201)
      $$`);
    await db.query(
      `REVOKE ALL ON FUNCTION search_customer_ids(text, text, text, timestamptz, uuid, integer) FROM PUBLIC`,
    );
    await db.query(
      `GRANT EXECUTE ON FUNCTION search_customer_ids(text, text, text, timestamptz, uuid, integer) TO rapport_app`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION search_customer_ids(text, text, text, timestamptz, uuid, integer)`);
  }
}
