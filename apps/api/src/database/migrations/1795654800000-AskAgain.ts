import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An email a person chose to plan for later (asking a buyer whose case was resolved whether they would now
 * recommend the business): it waits for the send window like any other, but the gap between two emails,
 * made against the rules' own repeats, does not hold it back.
 */
export class AskAgain1795654800000 implements MigrationInterface {
  name = 'AskAgain1795654800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE messages ADD COLUMN passes_gap boolean NOT NULL DEFAULT false`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE messages DROP COLUMN passes_gap`);
  }
}
