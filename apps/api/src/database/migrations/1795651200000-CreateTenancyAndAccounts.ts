import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tenancy spine: the app role, the tenant-context functions every RLS policy uses, and the first
 * tables (tenants, users, memberships, sessions).
 *
 * Runs as the owner role. The app role is cluster-wide, so `down` revokes what this database granted it
 * but leaves the role for other databases on the same server.
 */
export class CreateTenancyAndAccounts1795651200000 implements MigrationInterface {
  name = 'CreateTenancyAndAccounts1795651200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rapport_app') THEN
          CREATE ROLE rapport_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
        END IF;
        -- The owner connection may act as the app role (SET ROLE) when no separate app login is configured.
        -- PostgreSQL 16+ gives a role's creator ADMIN without SET, so check SET there.
        IF NOT pg_has_role(current_user, 'rapport_app',
             CASE WHEN current_setting('server_version_num')::int >= 160000 THEN 'SET' ELSE 'MEMBER' END) THEN
          EXECUTE format('GRANT rapport_app TO %I', current_user);
        END IF;
      END
      $$`);
    await db.query(`GRANT USAGE ON SCHEMA public TO rapport_app`);
    await db.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO rapport_app`,
    );
    await db.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO rapport_app`,
    );
    await db.query(`GRANT SELECT ON schema_migrations TO rapport_app`);

    // Transaction-local settings written by set_config(..., true); empty or unset means "no context".
    await db.query(`
      CREATE FUNCTION app_current_tenant() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS
      $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$`);
    await db.query(`
      CREATE FUNCTION app_current_user() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS
      $$ SELECT NULLIF(current_setting('app.user_id', true), '')::uuid $$`);

    await db.query(`
      CREATE TABLE tenants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 120),
        time_zone text NOT NULL,
        locale text NOT NULL DEFAULT 'en',
        country char(2) NOT NULL,
        is_demo boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (char_length(email) BETWEEN 3 AND 254),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 120),
        password_hash text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);

    await db.query(`
      CREATE TABLE memberships (
        tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('owner', 'admin', 'staff')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, user_id)
      )`);
    await db.query(`CREATE INDEX memberships_user_id_idx ON memberships (user_id)`);

    await db.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash bytea NOT NULL UNIQUE,
        active_tenant_id uuid REFERENCES tenants (id) ON DELETE SET NULL,
        ip inet,
        user_agent text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await db.query(`CREATE INDEX sessions_user_id_idx ON sessions (user_id)`);

    // Row-level security: a tenant's rows are visible only inside that tenant's transaction.
    await db.query(`ALTER TABLE memberships ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE memberships FORCE ROW LEVEL SECURITY`);
    await db.query(`
      CREATE POLICY tenant_isolation ON memberships
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`);
    // Outside any tenant (sign-in, the business switcher) a user may list their own memberships.
    await db.query(`
      CREATE POLICY own_memberships ON memberships FOR SELECT
        USING (app_current_tenant() IS NULL AND user_id = app_current_user())`);

    await db.query(`ALTER TABLE tenants ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE tenants FORCE ROW LEVEL SECURITY`);
    await db.query(`
      CREATE POLICY tenant_isolation ON tenants
        USING (id = app_current_tenant()) WITH CHECK (id = app_current_tenant())`);
    await db.query(`
      CREATE POLICY own_tenants ON tenants FOR SELECT
        USING (app_current_tenant() IS NULL AND id IN (SELECT tenant_id FROM memberships))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE sessions`);
    await db.query(`DROP POLICY own_tenants ON tenants`);
    await db.query(`DROP TABLE memberships`);
    await db.query(`DROP TABLE users`);
    await db.query(`DROP TABLE tenants`);
    await db.query(`DROP FUNCTION app_current_user()`);
    await db.query(`DROP FUNCTION app_current_tenant()`);
    await db.query(`REVOKE SELECT ON schema_migrations FROM rapport_app`);
    await db.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM rapport_app`,
    );
    await db.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM rapport_app`,
    );
    await db.query(`REVOKE USAGE ON SCHEMA public FROM rapport_app`);
  }
}
