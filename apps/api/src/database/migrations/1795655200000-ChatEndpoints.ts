import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An endpoint may be a Slack or Microsoft Teams channel's incoming webhook: the same events, retries and
 * log, each event written as a message for people (Block Kit, an Adaptive Card) instead of signed JSON.
 * Events keep when they were recorded, so an endpoint gets only those recorded after it was added.
 */
export class ChatEndpoints1795655200000 implements MigrationInterface {
  name = 'ChatEndpoints1795655200000';

  async up(db: QueryRunner): Promise<void> {
    // An endpoint hears of what is recorded after it was added, not of a business's past.
    await db.query(`ALTER TABLE business_events ADD COLUMN recorded_at timestamptz NOT NULL DEFAULT now()`);
    await db.query(`
      ALTER TABLE webhook_endpoints
        ADD COLUMN format text NOT NULL DEFAULT 'json' CHECK (format IN ('json', 'slack', 'teams'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE webhook_endpoints DROP COLUMN format`);
    await db.query(`ALTER TABLE business_events DROP COLUMN recorded_at`);
  }
}
