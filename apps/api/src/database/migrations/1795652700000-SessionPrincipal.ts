import type { MigrationInterface, QueryRunner } from 'typeorm';
import { onlyAppMayExecute } from './function-grants';

const SIGNATURE = 'session_principal(bytea)';

/**
 * Who a console request comes from, in one statement: the live session for a token's hash, its user's
 * email and their role in the session's business. It runs as the app role under row-level security: it
 * enters the session's own user (as the business switcher does) to read that user's membership, and
 * leaves the setting as it found it.
 */
export class SessionPrincipal1795652700000 implements MigrationInterface {
  name = 'SessionPrincipal1795652700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION session_principal(token_hash bytea)
      RETURNS TABLE (session_id uuid, user_id uuid, email text, active_tenant_id uuid, role text,
                     last_seen_at timestamptz)
      LANGUAGE plpgsql VOLATILE SET search_path = public AS $$
      DECLARE
        live record;
        previous text := coalesce(current_setting('app.user_id', true), '');
      BEGIN
        SELECT s.id, s.user_id, u.email, s.active_tenant_id, s.last_seen_at INTO live
          FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.token_hash = session_principal.token_hash AND s.revoked_at IS NULL AND s.expires_at > now();
        IF NOT FOUND THEN
          RETURN;
        END IF;
        PERFORM set_config('app.user_id', live.user_id::text, true);
        RETURN QUERY
          SELECT live.id, live.user_id, live.email::text, live.active_tenant_id,
                 (SELECT m.role::text FROM memberships m
                   WHERE m.tenant_id = live.active_tenant_id AND m.user_id = live.user_id),
                 live.last_seen_at;
        PERFORM set_config('app.user_id', previous, true);
      END $$`);
    await onlyAppMayExecute(db, SIGNATURE);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION ${SIGNATURE}`);
  }
}
