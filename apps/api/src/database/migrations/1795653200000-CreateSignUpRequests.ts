import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A sign-up waits here until its link is opened: the account and the business are created only by the
 * owner of the address, and an address that already has an account answers the sign-up the same way (it
 * gets an email saying so instead). Only the token's hash is stored; the password only as its argon2id hash.
 */
export class CreateSignUpRequests1795653200000 implements MigrationInterface {
  name = 'CreateSignUpRequests1795653200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sign_up_requests (
        token_hash bytea PRIMARY KEY,
        email text NOT NULL,
        name text NOT NULL,
        password_hash text NOT NULL,
        business_name text NOT NULL,
        time_zone text NOT NULL,
        country text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX sign_up_requests_email_idx ON sign_up_requests (email)`);
    await db.query(`CREATE INDEX sign_up_requests_expires_idx ON sign_up_requests (expires_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE sign_up_requests`);
  }
}
