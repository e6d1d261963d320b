import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Wrong passwords are counted per email address typed, whether an account uses it or not, so the
 * slow-down and the pause answer alike for known and unknown addresses. The address is kept only as its
 * SHA-256 (of the trimmed, lower-cased text): the table must not become a list of what people typed.
 * The counts move over from users, whose columns go.
 */
export class SignInFailuresByEmail1795653100000 implements MigrationInterface {
  name = 'SignInFailuresByEmail1795653100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sign_in_failures (
        email_hash bytea PRIMARY KEY,
        failed_logins integer NOT NULL,
        last_failed_at timestamptz,
        locked_until timestamptz
      )`);
    await db.query(`CREATE INDEX sign_in_failures_last_failed_idx ON sign_in_failures (last_failed_at)`);
    await db.query(`
      INSERT INTO sign_in_failures (email_hash, failed_logins, last_failed_at, locked_until)
      SELECT DISTINCT ON (lower(email)) sha256(convert_to(lower(email), 'UTF8')), failed_logins,
             last_failed_login_at, locked_until
        FROM users
       WHERE failed_logins > 0 OR locked_until IS NOT NULL
       ORDER BY lower(email)`);
    await db.query(`
      ALTER TABLE users DROP COLUMN locked_until, DROP COLUMN last_failed_login_at, DROP COLUMN failed_logins`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE users
        ADD COLUMN failed_logins integer NOT NULL DEFAULT 0,
        ADD COLUMN last_failed_login_at timestamptz,
        ADD COLUMN locked_until timestamptz`);
    await db.query(`
      UPDATE users u SET failed_logins = f.failed_logins, last_failed_login_at = f.last_failed_at,
                         locked_until = f.locked_until
        FROM sign_in_failures f
       WHERE f.email_hash = sha256(convert_to(lower(u.email), 'UTF8'))`);
    await db.query(`DROP TABLE sign_in_failures`);
  }
}
