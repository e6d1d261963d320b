import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateByTenant } from './tenant-isolation';

/**
 * How each member hears of what happens in a business (`notification_settings`: a choice per kind, the
 * hour of their daily summary and their time zone; no row means their role's defaults), and each notice
 * owed to a member for an event (`member_notices`: sent on its own or gathered into the summary; one per
 * event and member, so a retried job never mails twice what it has sent). Queues for the work: deciding
 * who hears of an event, an instant email, a daily summary, and a case's due and overdue moments.
 */
export class MemberNotifications1795655300000 implements MigrationInterface {
  name = 'MemberNotifications1795655300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notification_settings (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        choices jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(choices) = 'object'),
        summary_hour smallint NOT NULL DEFAULT 8 CHECK (summary_hour BETWEEN 0 AND 23),
        time_zone text CHECK (length(time_zone) <= 64),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, user_id),
        FOREIGN KEY (tenant_id, user_id) REFERENCES memberships (tenant_id, user_id) ON DELETE CASCADE
      )`);
    await isolateByTenant(db, 'notification_settings');

    await db.query(`
      CREATE TABLE member_notices (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL,
        user_id uuid NOT NULL,
        delivery text NOT NULL CHECK (delivery IN ('instant', 'summary')),
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, event_id, user_id),
        FOREIGN KEY (tenant_id, event_id) REFERENCES business_events (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, user_id) REFERENCES memberships (tenant_id, user_id) ON DELETE CASCADE
      )`);
    await db.query(
      `CREATE INDEX member_notices_waiting_idx ON member_notices (tenant_id, user_id, created_at) WHERE sent_at IS NULL`,
    );
    await isolateByTenant(db, 'member_notices');

    const queues: [string, Record<string, unknown>][] = [
      [
        'member-notices',
        { policy: 'standard', retryLimit: 10, retryDelay: 5, retryBackoff: true, expireInSeconds: 120 },
      ],
      [
        'member-email',
        { policy: 'standard', retryLimit: 8, retryDelay: 30, retryBackoff: true, expireInSeconds: 120 },
      ],
      [
        'member-summary',
        { policy: 'standard', retryLimit: 8, retryDelay: 60, retryBackoff: true, expireInSeconds: 300 },
      ],
      [
        'case-due',
        { policy: 'standard', retryLimit: 10, retryDelay: 30, retryBackoff: true, expireInSeconds: 120 },
      ],
    ];
    for (const [name, options] of queues)
      await db.query(`SELECT pgboss.create_queue($1, $2::json)`, [name, JSON.stringify(options)]);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const name of ['case-due', 'member-summary', 'member-email', 'member-notices'])
      await db.query(`SELECT pgboss.delete_queue($1)`, [name]);
    await db.query(`DROP TABLE member_notices`);
    await db.query(`DROP TABLE notification_settings`);
  }
}
