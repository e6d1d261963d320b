import type { QueryRunner } from 'typeorm';
import { APP_ROLE } from '../database-roles';

/**
 * Lets the app's role, and no one else, call a function: PostgreSQL grants EXECUTE to PUBLIC by default,
 * which would open a SECURITY DEFINER function to every role of the cluster.
 */
export async function onlyAppMayExecute(db: QueryRunner, signature: string): Promise<void> {
  await db.query(`REVOKE ALL ON FUNCTION ${signature} FROM PUBLIC`);
  await db.query(`GRANT EXECUTE ON FUNCTION ${signature} TO ${APP_ROLE}`);
}
