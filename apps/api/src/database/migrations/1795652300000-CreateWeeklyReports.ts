import type { MigrationInterface, QueryRunner } from 'typeorm';
import { onlyAppMayExecute } from './function-grants';

/**
 * The owner's weekly report: when each business wants it (a weekday and hour in its time zone), who gets it
 * (owners, and admins who opt in), and the reports themselves, one per business and week: the unique key is
 * what makes several replicas and restarts send each week once. A covering index lets the dashboard and the
 * report read a period's scores without touching the answers' other columns.
 */
export class CreateWeeklyReports1795652300000 implements MigrationInterface {
  name = 'CreateWeeklyReports1795652300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE tenants
        ADD COLUMN report_weekday integer NOT NULL DEFAULT 1 CHECK (report_weekday BETWEEN 1 AND 7),
        ADD COLUMN report_hour integer NOT NULL DEFAULT 8 CHECK (report_hour BETWEEN 0 AND 23)`);
    await db.query(
      `ALTER TABLE memberships ADD COLUMN receives_weekly_report boolean NOT NULL DEFAULT false`,
    );
    await db.query(`
      CREATE TABLE weekly_reports (
        tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        -- The Monday the week starts on, in the business's time zone.
        week_start date NOT NULL,
        content jsonb NOT NULL CHECK (jsonb_typeof(content) = 'object'),
        generated_at timestamptz NOT NULL DEFAULT now(),
        lease_until timestamptz,
        emailed_at timestamptz,
        recipients integer,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, week_start)
      )`);
    await db.query(`ALTER TABLE weekly_reports ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE weekly_reports FORCE ROW LEVEL SECURITY`);
    await db.query(`
      CREATE POLICY tenant_isolation ON weekly_reports
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`);
    // As for retention: only the schema owner reads across businesses, through the function below.
    await db.query(`
      DO $$ BEGIN
        EXECUTE format('CREATE POLICY owner_reads ON weekly_reports FOR SELECT USING (current_user = %L)', current_user);
      END $$`);
    await db.query(
      `CREATE INDEX answers_period_idx ON answers (tenant_id, answered_at) INCLUDE (score, score_type, band)`,
    );
    // The week's funnel counts each step by its own time column.
    await db.query(
      `CREATE INDEX messages_sent_idx ON messages (tenant_id, sent_at) INCLUDE (kind) WHERE sent_at IS NOT NULL`,
    );
    await db.query(`CREATE INDEX cases_created_idx ON cases (tenant_id, created_at)`);
    await db.query(
      `CREATE INDEX cases_resolved_idx ON cases (tenant_id, resolved_at) WHERE resolved_at IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX answers_review_idx ON answers (tenant_id, review_clicked_at) WHERE review_clicked_at IS NOT NULL`,
    );
    // The reporter's one look across businesses: each one's schedule, its time zone and the latest week
    // already reported. Ids and settings only.
    await db.query(`
      CREATE FUNCTION report_schedules()
      RETURNS TABLE (tenant_id uuid, time_zone text, report_weekday integer, report_hour integer, created_at timestamptz,
                     last_week_start date)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT t.id, t.time_zone, t.report_weekday, t.report_hour, t.created_at,
               (SELECT max(r.week_start) FROM weekly_reports r WHERE r.tenant_id = t.id AND r.emailed_at IS NOT NULL)
          FROM tenants t
      $$`);
    await onlyAppMayExecute(db, 'report_schedules()');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION report_schedules()`);
    await db.query(`DROP INDEX answers_review_idx`);
    await db.query(`DROP INDEX cases_resolved_idx`);
    await db.query(`DROP INDEX cases_created_idx`);
    await db.query(`DROP INDEX messages_sent_idx`);
    await db.query(`DROP INDEX answers_period_idx`);
    await db.query(`DROP TABLE weekly_reports`);
    await db.query(`ALTER TABLE memberships DROP COLUMN receives_weekly_report`);
    await db.query(`ALTER TABLE tenants DROP COLUMN report_hour, DROP COLUMN report_weekday`);
  }
}
