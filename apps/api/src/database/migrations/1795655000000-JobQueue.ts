import PgBoss from 'pg-boss';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const SCHEMA = 'pgboss';

/**
 * The job queue (pg-boss, docs/adr/0008-job-queue.md) for work that must happen at least once outside the
 * request that caused it: fanning a business's events out, delivering them to its webhook endpoints.
 *
 * Its schema is built here, by the owner, from pg-boss's own construction plan, with the queues it will
 * use: each queue is a partition pg-boss creates with DDL the app role may not run. The app role only
 * reads and writes the rows. Retries: `retryDelay * 2^n` seconds (jittered up to twice that) after the
 * n-th failure, so a delivery's 12 retries spread over about a day.
 */
export class JobQueue1795655000000 implements MigrationInterface {
  name = 'JobQueue1795655000000';

  async up(db: QueryRunner): Promise<void> {
    // The plan is its own transaction; here it runs inside the migration's.
    const plan = PgBoss.getConstructionPlans(SCHEMA)
      .replace(/^\s*BEGIN;/, '')
      .replace(/COMMIT;\s*$/, '');
    await db.query(plan);
    const queues: [string, Record<string, unknown>][] = [
      ['webhook-dead', { policy: 'standard', retryLimit: 5, retryDelay: 30, retryBackoff: true }],
      [
        'webhook-delivery',
        {
          policy: 'standard',
          retryLimit: 12,
          retryDelay: 15,
          retryBackoff: true,
          expireInSeconds: 120,
          deadLetter: 'webhook-dead',
        },
      ],
      [
        'event-fanout',
        { policy: 'standard', retryLimit: 10, retryDelay: 5, retryBackoff: true, expireInSeconds: 120 },
      ],
    ];
    for (const [name, options] of queues)
      await db.query(`SELECT ${SCHEMA}.create_queue($1, $2::json)`, [name, JSON.stringify(options)]);
    await db.query(`GRANT USAGE ON SCHEMA ${SCHEMA} TO rapport_app`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${SCHEMA} TO rapport_app`);
    await db.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA ${SCHEMA} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO rapport_app`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA ${SCHEMA} REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM rapport_app`,
    );
    await db.query(`DROP SCHEMA ${SCHEMA} CASCADE`);
  }
}
