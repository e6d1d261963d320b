import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The per-day sums of a set of answer rows, in each business's time zone, signed (1 adds, -1 takes away). */
function sums(rows: string, sign: string): string {
  return `
    SELECT r.tenant_id, (r.answered_at AT TIME ZONE t.time_zone)::date AS day,
           ${sign} * count(*) AS answers,
           ${sign} * count(*) FILTER (WHERE r.score_type = 'nps' AND r.band = 'promoter') AS promoters,
           ${sign} * count(*) FILTER (WHERE r.score_type = 'nps' AND r.band = 'passive') AS passives,
           ${sign} * count(*) FILTER (WHERE r.score_type = 'nps' AND r.band = 'detractor') AS detractors,
           ${sign} * coalesce(sum(r.score) FILTER (WHERE r.score_type = 'csat'), 0) AS csat_sum,
           ${sign} * count(*) FILTER (WHERE r.score_type = 'csat') AS csat_count
      FROM ${rows} r JOIN tenants t ON t.id = r.tenant_id
     GROUP BY r.tenant_id, 2`;
}

const ADD = `
  INSERT INTO answer_days (tenant_id, day, answers, promoters, passives, detractors, csat_sum, csat_count)
  SELECT * FROM (%s) d
  ON CONFLICT (tenant_id, day) DO UPDATE
     SET answers = answer_days.answers + excluded.answers, promoters = answer_days.promoters + excluded.promoters,
         passives = answer_days.passives + excluded.passives, detractors = answer_days.detractors + excluded.detractors,
         csat_sum = answer_days.csat_sum + excluded.csat_sum, csat_count = answer_days.csat_count + excluded.csat_count`;

/** Takes rows away from days that exist (a business being deleted has none left to insert into). */
const SUBTRACT = `
  UPDATE answer_days a
     SET answers = a.answers + d.answers, promoters = a.promoters + d.promoters, passives = a.passives + d.passives,
         detractors = a.detractors + d.detractors, csat_sum = a.csat_sum + d.csat_sum, csat_count = a.csat_count + d.csat_count
    FROM (%s) d
   WHERE a.tenant_id = d.tenant_id AND a.day = d.day`;

/**
 * Answers rolled up per business and local day, kept exact by statement-level triggers on `answers` (one
 * aggregate per statement, so a bulk insert costs one upsert per day, not one per row). The dashboard and
 * the report's twelve-week trend read these few rows instead of every answer: a business with a million
 * answers has about a hundred days to sum. Days are dated in the business's time zone when the answer
 * arrived; a business that moves time zone keeps its earlier days as they were dated.
 */
export class AddAnswerDays1795652400000 implements MigrationInterface {
  name = 'AddAnswerDays1795652400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE answer_days (
        tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        day date NOT NULL,
        answers integer NOT NULL DEFAULT 0,
        promoters integer NOT NULL DEFAULT 0,
        passives integer NOT NULL DEFAULT 0,
        detractors integer NOT NULL DEFAULT 0,
        csat_sum integer NOT NULL DEFAULT 0,
        csat_count integer NOT NULL DEFAULT 0,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, day)
      )`);
    await db.query(`ALTER TABLE answer_days ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE answer_days FORCE ROW LEVEL SECURITY`);
    await db.query(`
      CREATE POLICY tenant_isolation ON answer_days
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`);
    await db.query(`
      CREATE FUNCTION answer_days_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${ADD.replace('%s', sums('inserted', '1'))};
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE FUNCTION answer_days_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${SUBTRACT.replace('%s', sums('before_rows', '-1'))};
        ${ADD.replace('%s', sums('after_rows', '1'))};
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE FUNCTION answer_days_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${SUBTRACT.replace('%s', sums('deleted', '-1'))};
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER answer_days_insert AFTER INSERT ON answers REFERENCING NEW TABLE AS inserted
        FOR EACH STATEMENT EXECUTE FUNCTION answer_days_after_insert()`);
    await db.query(`
      CREATE TRIGGER answer_days_update AFTER UPDATE ON answers REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows
        FOR EACH STATEMENT EXECUTE FUNCTION answer_days_after_update()`);
    await db.query(`
      CREATE TRIGGER answer_days_delete AFTER DELETE ON answers REFERENCING OLD TABLE AS deleted
        FOR EACH STATEMENT EXECUTE FUNCTION answer_days_after_delete()`);
    await db.query(ADD.replace('%s', sums('answers', '1')));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER answer_days_delete ON answers`);
    await db.query(`DROP TRIGGER answer_days_update ON answers`);
    await db.query(`DROP TRIGGER answer_days_insert ON answers`);
    await db.query(`DROP FUNCTION answer_days_after_delete()`);
    await db.query(`DROP FUNCTION answer_days_after_update()`);
    await db.query(`DROP FUNCTION answer_days_after_insert()`);
    await db.query(`DROP TABLE answer_days`);
  }
}
