import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A waiting follow-up can be sent at once on request (to try a rule out, or because the buyer is in the
 * shop now): the moment it was asked for is kept, and the dispatcher lets such a message past the send
 * window and the journey gap, as it does a note written by hand.
 */
export class SendOnRequest1795654300000 implements MigrationInterface {
  name = 'SendOnRequest1795654300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE messages ADD COLUMN send_requested_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE messages DROP COLUMN send_requested_at`);
  }
}
