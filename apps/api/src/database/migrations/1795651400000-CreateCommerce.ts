import type { MigrationInterface, QueryRunner } from 'typeorm';
import { onlyAppMayExecute } from './function-grants';

const TENANT_TABLES = [
  'customers',
  'products',
  'orders',
  'order_lines',
  'order_events',
  'idempotency_keys',
  'shop_connections',
  'webhook_deliveries',
  'imports',
  'import_chunks',
  'import_problems',
];

/**
 * Buyers, products and orders, and the ways they come in: CSV imports, the REST API (with idempotency
 * keys) and shop webhooks. Order status changes are recorded as events for the automations to follow.
 */
export class CreateCommerce1795651400000 implements MigrationInterface {
  name = 'CreateCommerce1795651400000';

  async up(db: QueryRunner): Promise<void> {
    // Trusted extension: the database owner may create it. Powers partial-match search on names and emails.
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await db.query(`
      CREATE TABLE customers (
        tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (char_length(email) BETWEEN 3 AND 254),
        name text NOT NULL DEFAULT '' CHECK (char_length(name) <= 200),
        phone text CHECK (char_length(phone) <= 40),
        locale text CHECK (locale IN ('en', 'es', 'fr', 'de')),
        time_zone text,
        tags text[] NOT NULL DEFAULT '{}',
        external_ids jsonb NOT NULL DEFAULT '{}',
        consent_basis text NOT NULL DEFAULT 'unknown'
          CHECK (consent_basis IN ('purchase_notice', 'explicit_consent', 'unknown')),
        subscription_state text NOT NULL DEFAULT 'subscribed'
          CHECK (subscription_state IN ('subscribed', 'unsubscribed', 'bounced', 'complained')),
        subscription_changed_at timestamptz,
        subscription_reason text,
        -- Millisecond precision: keyset cursors round-trip through JavaScript dates exactly.
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        erased_at timestamptz,
        PRIMARY KEY (tenant_id, id)
      )`);
    await db.query(`CREATE UNIQUE INDEX customers_email_key ON customers (tenant_id, lower(email))`);
    await db.query(`CREATE INDEX customers_page_idx ON customers (tenant_id, created_at DESC, id DESC)`);
    await db.query(
      `CREATE INDEX customers_search_idx ON customers USING gin ((lower(name || ' ' || email)) gin_trgm_ops)`,
    );
    await db.query(`CREATE INDEX customers_tags_idx ON customers USING gin (tags)`);

    await db.query(`
      CREATE TABLE products (
        tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
        sku text CHECK (char_length(sku) BETWEEN 1 AND 100),
        image_url text CHECK (image_url ~ '^https?://'),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      )`);
    await db.query(`CREATE UNIQUE INDEX products_sku_key ON products (tenant_id, sku) WHERE sku IS NOT NULL`);
    await db.query(`CREATE INDEX products_name_idx ON products (tenant_id, lower(name))`);

    await db.query(`
      CREATE TABLE orders (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL,
        source text NOT NULL CHECK (source IN ('api', 'csv', 'console', 'shopify', 'woocommerce', 'stripe')),
        external_id text NOT NULL CHECK (char_length(external_id) BETWEEN 1 AND 100),
        placed_at timestamptz(3) NOT NULL,
        status text NOT NULL CHECK (status IN ('placed', 'fulfilled', 'delivered', 'cancelled', 'refunded')),
        fulfilled_at timestamptz,
        delivered_at timestamptz,
        cancelled_at timestamptz,
        refunded_at timestamptz,
        total numeric(14, 2) NOT NULL CHECK (total >= 0),
        currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id) ON DELETE CASCADE,
        UNIQUE (tenant_id, source, external_id)
      )`);
    await db.query(`CREATE INDEX orders_customer_idx ON orders (tenant_id, customer_id, placed_at DESC)`);
    await db.query(`CREATE INDEX orders_page_idx ON orders (tenant_id, placed_at DESC, id DESC)`);

    await db.query(`
      CREATE TABLE order_lines (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL,
        product_id uuid,
        product_name text NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        unit_price numeric(14, 2) NOT NULL CHECK (unit_price >= 0),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, order_id) REFERENCES orders (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, product_id) REFERENCES products (tenant_id, id) ON DELETE SET NULL (product_id)
      )`);
    await db.query(`CREATE INDEX order_lines_order_idx ON order_lines (tenant_id, order_id)`);
    await db.query(`CREATE INDEX order_lines_product_idx ON order_lines (tenant_id, product_id)`);

    // One row per status change: what automations react to (placed, fulfilled, delivered, cancelled, refunded).
    await db.query(`
      CREATE TABLE order_events (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL,
        type text NOT NULL CHECK (type IN ('placed', 'fulfilled', 'delivered', 'cancelled', 'refunded')),
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        source text NOT NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, order_id) REFERENCES orders (tenant_id, id) ON DELETE CASCADE,
        UNIQUE (tenant_id, order_id, type)
      )`);
    await db.query(`CREATE INDEX order_events_recorded_idx ON order_events (tenant_id, recorded_at)`);

    // A retried API request with the same Idempotency-Key gets the first answer back.
    await db.query(`
      CREATE TABLE idempotency_keys (
        tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        key text NOT NULL CHECK (char_length(key) BETWEEN 1 AND 200),
        request_hash bytea NOT NULL,
        status_code integer NOT NULL,
        response jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, key)
      )`);

    await db.query(`
      CREATE TABLE shop_connections (
        tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        provider text NOT NULL CHECK (provider IN ('shopify', 'woocommerce', 'stripe')),
        secret_encrypted bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, provider)
      )`);

    await db.query(`
      CREATE TABLE webhook_deliveries (
        tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        provider text NOT NULL,
        delivery_id text NOT NULL,
        topic text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        outcome text NOT NULL CHECK (outcome IN ('processed', 'ignored', 'failed')),
        message text NOT NULL DEFAULT '',
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, provider, delivery_id)
      )`);
    await db.query(
      `CREATE INDEX webhook_deliveries_recent_idx ON webhook_deliveries (tenant_id, received_at DESC)`,
    );

    await db.query(`
      CREATE TABLE imports (
        tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('customers', 'orders')),
        file_name text NOT NULL,
        file_bytes bigint NOT NULL DEFAULT 0,
        status text NOT NULL CHECK (status IN ('uploaded', 'queued', 'running', 'completed', 'failed')),
        is_dry_run boolean NOT NULL DEFAULT false,
        mapping jsonb NOT NULL DEFAULT '{}',
        preset text,
        delimiter text,
        headers text[] NOT NULL DEFAULT '{}',
        preview jsonb NOT NULL DEFAULT '[]',
        rows_total integer,
        rows_processed integer NOT NULL DEFAULT 0,
        rows_imported integer NOT NULL DEFAULT 0,
        rows_failed integer NOT NULL DEFAULT 0,
        failure text,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        lease_until timestamptz,
        PRIMARY KEY (tenant_id, id)
      )`);
    await db.query(
      `CREATE INDEX imports_queue_idx ON imports (status, created_at) WHERE status IN ('queued', 'running')`,
    );

    // The uploaded file, in chunks, so any replica can process it and a restart loses nothing.
    await db.query(`
      CREATE TABLE import_chunks (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        import_id uuid NOT NULL,
        seq integer NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, import_id, seq),
        FOREIGN KEY (tenant_id, import_id) REFERENCES imports (tenant_id, id) ON DELETE CASCADE
      )`);

    await db.query(`
      CREATE TABLE import_problems (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        import_id uuid NOT NULL,
        line integer NOT NULL,
        reason text NOT NULL,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, import_id, line),
        FOREIGN KEY (tenant_id, import_id) REFERENCES imports (tenant_id, id) ON DELETE CASCADE
      )`);

    for (const table of TENANT_TABLES) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await db.query(`
        CREATE POLICY tenant_isolation ON ${table}
          USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`);
    }

    // The import worker's one cross-tenant step: pick the next import to run. Only the schema owner sees
    // every tenant's imports (this policy), and the app reaches that view only through the function
    // below, which runs as the owner and answers nothing but the two ids.
    await db.query(`
      DO $$ BEGIN
        EXECUTE format('CREATE POLICY owner_claims ON imports USING (current_user = %L)', current_user);
      END $$`);
    await db.query(`
      CREATE FUNCTION claim_next_import(lease interval) RETURNS TABLE (tenant_id uuid, import_id uuid)
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
        UPDATE imports i
           SET status = 'running', lease_until = now() + lease, started_at = coalesce(i.started_at, now())
         WHERE (i.tenant_id, i.id) = (
                 SELECT q.tenant_id, q.id FROM imports q
                  WHERE q.status = 'queued' OR (q.status = 'running' AND q.lease_until < now())
                  ORDER BY q.created_at
                  LIMIT 1
                    FOR UPDATE SKIP LOCKED)
        RETURNING i.tenant_id, i.id
      $$`);
    await onlyAppMayExecute(db, 'claim_next_import(interval)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION claim_next_import(interval)`);
    for (const table of [...TENANT_TABLES].reverse()) await db.query(`DROP TABLE ${table}`);
    await db.query(`DROP EXTENSION IF EXISTS pg_trgm`);
  }
}
