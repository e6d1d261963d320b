import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An endpoint may be a Slack or Microsoft Teams channel's incoming webhook: the same events, retries and
 * log, each event written as a message for people (Block Kit, an Adaptive Card) instead of signed JSON.
 */
export class ChatEndpoints1795655200000 implements MigrationInterface {
  name = 'ChatEndpoints1795655200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE webhook_endpoints
        ADD COLUMN format text NOT NULL DEFAULT 'json' CHECK (format IN ('json', 'slack', 'teams'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE webhook_endpoints DROP COLUMN format`);
  }
}
