// `npm run bench` bundles and runs this against the benchmark's database: the weekly report of every business
// for one week, computed as the reporter does (one business after the other, each in its own transaction, as
// the app role under row-level security), then the bare SQL that computes the same figures for all
// businesses at once, grouped by business, as the schema owner. Prints one JSON line.
import { weekStarting } from '@rapport/domain';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { APP_ROLE } from '../../../apps/api/src/database/database-roles';
import { TenantDatabase } from '../../../apps/api/src/tenancy/tenant-database';
import { WeeklyReportBuilder } from '../../../apps/api/src/reports/weekly-report-builder';

/** Counts come back as text (bigint); only their number of rows is used. */
interface FunnelRow {
  id: string;
  count: string;
}

interface WeekScoresRow {
  tenant_id: string;
  week: Date;
  promoters: string;
  detractors: string;
  answers: string;
  csat: string | null;
}

interface DayRow {
  tenant_id: string;
  day: Date;
  count: string;
}

interface CommentRow {
  tenant_id: string;
  band: string;
  comment: string;
  rank: string;
}

async function reportsThroughApp(ownerUrl: string, tenants: string[], weekStart: string, timeZone: string) {
  // As the app connects: the owner login switched to the app role, so row-level security applies.
  const dataSource = await new DataSource({
    type: 'postgres',
    url: ownerUrl,
    extra: { max: 2, options: `-c role=${APP_ROLE}` },
  }).initialize();
  const database = new TenantDatabase(dataSource);
  const builder = new WeeklyReportBuilder();
  const week = weekStarting(weekStart, timeZone);
  const now = new Date(week.to.getTime() + 8 * 3_600_000);
  let answers = 0;
  const started = performance.now();
  for (const tenantId of tenants) {
    const report = await database.transaction(tenantId, (manager) => builder.build(manager, week, now));
    answers += report.funnel.find((step) => step.key === 'answered')?.count ?? 0;
  }
  const seconds = (performance.now() - started) / 1000;
  await dataSource.destroy();
  return { seconds, answers };
}

/** The same figures for every business in a handful of grouped queries. */
async function bareSql(ownerUrl: string, weekStart: string, timeZone: string) {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  const week = weekStarting(weekStart, timeZone);
  const trendFrom = new Date(week.from.getTime() - 11 * 7 * 86_400_000);
  const before = new Date(week.from.getTime() - 7 * 86_400_000);
  const started = performance.now();
  const funnel = await client.query<FunnelRow>(
    `SELECT t.id,
        (SELECT count(*) FROM orders o WHERE o.tenant_id = t.id AND o.placed_at >= $1 AND o.placed_at < $2),
        (SELECT count(*) FROM orders o WHERE o.tenant_id = t.id AND o.placed_at >= $3 AND o.placed_at < $1),
        (SELECT count(*) FILTER (WHERE m.kind = 'thank-you') FROM messages m WHERE m.tenant_id = t.id AND m.sent_at >= $3 AND m.sent_at < $2),
        (SELECT count(*) FILTER (WHERE m.kind = 'opinion-request') FROM messages m WHERE m.tenant_id = t.id AND m.sent_at >= $3 AND m.sent_at < $2),
        (SELECT count(*) FROM cases k WHERE k.tenant_id = t.id AND k.created_at >= $3 AND k.created_at < $2),
        (SELECT count(*) FROM cases k WHERE k.tenant_id = t.id AND k.status <> 'resolved')
       FROM tenants t`,
    [week.from, week.to, before],
  );
  const scores = await client.query<WeekScoresRow>(
    `SELECT tenant_id, date_trunc('week', answered_at AT TIME ZONE $3) AS week,
            count(*) FILTER (WHERE band = 'promoter') AS promoters, count(*) FILTER (WHERE band = 'detractor') AS detractors,
            count(*) AS answers, avg(score) FILTER (WHERE score_type = 'csat') AS csat
       FROM answers WHERE answered_at >= $1 AND answered_at < $2 GROUP BY 1, 2`,
    [trendFrom, week.to, timeZone],
  );
  const days = await client.query<DayRow>(
    `SELECT tenant_id, (answered_at AT TIME ZONE $3)::date AS day, count(*) FROM answers
      WHERE answered_at >= $1 AND answered_at < $2 GROUP BY 1, 2`,
    [week.from, week.to, timeZone],
  );
  const comments = await client.query<CommentRow>(
    `SELECT * FROM (
       SELECT tenant_id, band, comment, row_number() OVER (PARTITION BY tenant_id, band ORDER BY score DESC) AS rank
         FROM answers WHERE answered_at >= $1 AND answered_at < $2 AND comment IS NOT NULL AND band <> 'passive') ranked
      WHERE rank <= 3`,
    [week.from, week.to],
  );
  const seconds = (performance.now() - started) / 1000;
  await client.end();
  return { seconds, rows: funnel.rows.length + scores.rows.length + days.rows.length + comments.rows.length };
}

async function main(): Promise<void> {
  const [ownerUrl = '', weekStart = '', timeZone = 'Europe/London'] = process.argv.slice(2);
  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  const tenants = (await owner.query<{ id: string }>(`SELECT id FROM tenants ORDER BY id`)).rows.map(
    (row) => row.id,
  );
  await owner.end();
  // One uncounted round warms PostgreSQL's cache for both; then three interleaved rounds, medians reported.
  await reportsThroughApp(ownerUrl, tenants, weekStart, timeZone);
  await bareSql(ownerUrl, weekStart, timeZone);
  const app = [];
  const bare = [];
  for (let round = 0; round < 3; round += 1) {
    app.push(await reportsThroughApp(ownerUrl, tenants, weekStart, timeZone));
    bare.push(await bareSql(ownerUrl, weekStart, timeZone));
  }
  const median = <T extends { seconds: number }>(runs: T[]): T => {
    const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
    const middle = sorted[Math.floor(sorted.length / 2)];
    if (!middle) throw new Error('No runs measured');
    return middle;
  };
  process.stdout.write(
    `${JSON.stringify({
      businesses: tenants.length,
      appSeconds: median(app).seconds,
      answersInWeek: median(app).answers,
      bareSeconds: median(bare).seconds,
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    })}\n`,
  );
}

void main();
