import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Team invitations, API keys, the audit log, password resets, login throttling, rate-limit counters and
 * the development mailbox.
 */
export class CreateAccessControl1795651300000 implements MigrationInterface {
  name = 'CreateAccessControl1795651300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE users
        ADD COLUMN failed_logins integer NOT NULL DEFAULT 0,
        ADD COLUMN last_failed_login_at timestamptz,
        ADD COLUMN locked_until timestamptz`);

    await db.query(`
      CREATE TABLE invitations (
        tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (char_length(email) BETWEEN 3 AND 254),
        role text NOT NULL CHECK (role IN ('owner', 'admin', 'staff')),
        token_hash bytea NOT NULL UNIQUE,
        invited_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_by uuid REFERENCES users (id) ON DELETE SET NULL,
        revoked_at timestamptz,
        PRIMARY KEY (tenant_id, id)
      )`);
    // One open invitation per email and business; inviting again replaces it.
    await db.query(`
      CREATE UNIQUE INDEX invitations_open_email_key ON invitations (tenant_id, lower(email))
        WHERE accepted_at IS NULL AND revoked_at IS NULL`);

    await db.query(`
      CREATE TABLE api_keys (
        tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 80),
        prefix text NOT NULL,
        secret_hash bytea NOT NULL,
        scopes text[] NOT NULL,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz,
        PRIMARY KEY (tenant_id, id)
      )`);

    // Actors are copied as text: the log must outlive the people and keys it mentions.
    await db.query(`
      CREATE TABLE audit_events (
        tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        occurred_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        actor_user_id uuid,
        actor_api_key_id uuid,
        actor_label text NOT NULL,
        action text NOT NULL,
        target text,
        details jsonb NOT NULL DEFAULT '{}',
        ip inet,
        user_agent text,
        PRIMARY KEY (tenant_id, id)
      )`);
    await db.query(
      `CREATE INDEX audit_events_recent_idx ON audit_events (tenant_id, occurred_at DESC, id DESC)`,
    );

    for (const table of ['invitations', 'api_keys', 'audit_events']) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await db.query(`
        CREATE POLICY tenant_isolation ON ${table}
          USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`);
    }

    await db.query(`
      CREATE TABLE password_resets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash bytea NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await db.query(`CREATE INDEX password_resets_user_id_idx ON password_resets (user_id)`);

    // Fixed-window counters shared by every replica (an in-process limiter would be per replica).
    await db.query(`
      CREATE TABLE rate_limit_buckets (
        key text NOT NULL,
        window_start timestamptz NOT NULL,
        hits integer NOT NULL,
        PRIMARY KEY (key, window_start)
      )`);

    await db.query(`
      CREATE TABLE dev_mailbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        from_address text NOT NULL,
        to_address text NOT NULL,
        reply_to text,
        subject text NOT NULL,
        html text NOT NULL,
        text text NOT NULL,
        headers jsonb NOT NULL DEFAULT '{}',
        category text NOT NULL
      )`);
    await db.query(`CREATE INDEX dev_mailbox_recent_idx ON dev_mailbox (created_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE dev_mailbox`);
    await db.query(`DROP TABLE rate_limit_buckets`);
    await db.query(`DROP TABLE password_resets`);
    await db.query(`DROP TABLE audit_events`);
    await db.query(`DROP TABLE api_keys`);
    await db.query(`DROP TABLE invitations`);
    await db.query(`
      ALTER TABLE users DROP COLUMN locked_until, DROP COLUMN last_failed_login_at, DROP COLUMN failed_logins`);
  }
}
