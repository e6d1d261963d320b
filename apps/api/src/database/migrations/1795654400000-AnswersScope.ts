import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The permission to read buyers' answers is called `answers:read`, as the API and the console call them;
 * keys that were given it as `responses:read` keep it under the new name. Row security is turned off for
 * the statement so that an owner role without BYPASSRLS fails here rather than skipping other businesses'
 * keys.
 */
export class AnswersScope1795654400000 implements MigrationInterface {
  name = 'AnswersScope1795654400000';

  async up(db: QueryRunner): Promise<void> {
    await rename(db, 'responses:read', 'answers:read');
  }

  async down(db: QueryRunner): Promise<void> {
    await rename(db, 'answers:read', 'responses:read');
  }
}

async function rename(db: QueryRunner, from: string, to: string): Promise<void> {
  await db.query(`SET LOCAL row_security = off`);
  await db.query(`UPDATE api_keys SET scopes = array_replace(scopes, $1, $2) WHERE $1 = ANY (scopes)`, [
    from,
    to,
  ]);
  await db.query(`SET LOCAL row_security = on`);
}
