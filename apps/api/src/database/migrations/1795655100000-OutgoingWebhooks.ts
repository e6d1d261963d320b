import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateByTenant } from './tenant-isolation';

/**
 * What happened in a business, kept as events (`business_events`, versioned payloads), and the endpoints it
 * sends them to (`webhook_endpoints`, the signing secret sealed), with one row per event and endpoint
 * recording each delivery's tries (`endpoint_deliveries`).
 */
export class OutgoingWebhooks1795655100000 implements MigrationInterface {
  name = 'OutgoingWebhooks1795655100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE business_events (
        tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        type text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        data jsonb NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      )`);
    await db.query(`CREATE INDEX business_events_time_idx ON business_events (tenant_id, occurred_at DESC)`);
    await isolateByTenant(db, 'business_events');

    await db.query(`
      CREATE TABLE webhook_endpoints (
        tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        url text NOT NULL CHECK (length(url) <= 2000),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 200),
        events text[] NOT NULL,
        secret_sealed bytea NOT NULL,
        paused_at timestamptz,
        paused_reason text,
        failed_in_a_row integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      )`);
    await isolateByTenant(db, 'webhook_endpoints');

    await db.query(`
      CREATE TABLE endpoint_deliveries (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        endpoint_id uuid NOT NULL,
        event_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_status_code integer,
        last_error text,
        last_attempt_at timestamptz,
        finished_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, endpoint_id, event_id),
        FOREIGN KEY (tenant_id, endpoint_id) REFERENCES webhook_endpoints (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, event_id) REFERENCES business_events (tenant_id, id) ON DELETE CASCADE
      )`);
    await db.query(
      `CREATE INDEX endpoint_deliveries_log_idx ON endpoint_deliveries (tenant_id, endpoint_id, created_at DESC, id DESC)`,
    );
    await isolateByTenant(db, 'endpoint_deliveries');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE endpoint_deliveries`);
    await db.query(`DROP TABLE webhook_endpoints`);
    await db.query(`DROP TABLE business_events`);
  }
}
