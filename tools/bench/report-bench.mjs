// The weekly report and dashboard benchmark: 1,000 businesses holding 5,000,000 answers between them (one
// of them a million), the report of last week computed for all of them the way the reporter does, next to
// the bare SQL for the same figures in the same run; then the dashboard API on the largest business, next
// to its main query run straight on the database.
import { spawn } from 'node:child_process';
import pg from 'pg';
import { bundle, Client, peakRssMiB, percentile, rssMiB, signUpOwner, startApp } from './lib.mjs';

const BUSINESSES = Number(process.env.BENCH_BUSINESSES ?? 1000);
const ANSWERS = Number(process.env.BENCH_ANSWERS ?? 5_000_000);
const LARGEST = Number(process.env.BENCH_LARGEST ?? 1_000_000);
const PER_BUYER = 20;
const DASHBOARD_CALLS = 100;
const TIME_ZONE = 'Europe/London';

async function seed(ownerUrl, largestId, step) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  await client.query(
    `INSERT INTO tenants (name, time_zone, locale, country)
     SELECT 'Report business ' || n, $2, 'en', 'GB' FROM generate_series(2, $1) AS n`,
    [BUSINESSES, TIME_ZONE],
  );
  const { rows: tenants } = await client.query(`SELECT id FROM tenants ORDER BY id`);
  const smallBuyers = Math.max(1, Math.round((ANSWERS - LARGEST) / Math.max(1, BUSINESSES - 1) / PER_BUYER));
  const started = performance.now();
  // In slices of businesses, each its own transaction, so one statement never holds millions of rows.
  const slices = [
    [largestId],
    ...chunk(
      tenants.map((row) => row.id).filter((id) => id !== largestId),
      100,
    ),
  ];
  for (const [index, slice] of slices.entries()) {
    const buyers = slice[0] === largestId ? Math.round(LARGEST / PER_BUYER) : smallBuyers;
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO customers (tenant_id, email, name)
       SELECT t, 'buyer' || n || '@bench.example', 'Buyer ' || n FROM unnest($1::uuid[]) AS t, generate_series(1, $2) AS n`,
      [slice, buyers],
    );
    await client.query(
      `INSERT INTO messages (tenant_id, customer_id, kind, status, due_at, sent_at)
       SELECT c.tenant_id, c.id, 'opinion-request', 'delivered', sent, sent
         FROM customers c CROSS JOIN generate_series(1, $2) AS k
        CROSS JOIN LATERAL (SELECT now() - (random() * 84 + k * 0) * interval '1 day' AS sent) s
        WHERE c.tenant_id = ANY($1::uuid[])`,
      [slice, PER_BUYER],
    );
    await client.query(
      `INSERT INTO answers (tenant_id, message_id, customer_id, score, score_type, band, comment, channel, answered_at)
       SELECT m.tenant_id, m.id, m.customer_id, s.score, 'nps',
              CASE WHEN s.score >= 9 THEN 'promoter' WHEN s.score >= 7 THEN 'passive' ELSE 'detractor' END,
              CASE WHEN random() < 0.2 THEN 'Comment number ' || s.score END, 'web', m.sent_at + interval '3 hours'
         FROM messages m CROSS JOIN LATERAL (SELECT floor(random() * 11)::int + (m.id IS NULL)::int AS score) s
        WHERE m.tenant_id = ANY($1::uuid[]) AND m.sent_at + interval '3 hours' < now()`,
      [slice],
    );
    await client.query('COMMIT');
    if (index % 2 === 0) step(`seeded ${index + 1} of ${slices.length} slices`);
  }
  // As autovacuum would leave it: statistics, and the visibility map that lets index-only scans skip the table.
  await client.query('VACUUM ANALYZE');
  const { rows } = await client.query(`SELECT count(*)::int AS answers FROM answers`);
  const { rows: weeks } = await client.query(
    `SELECT to_char(date_trunc('week', now() AT TIME ZONE $1) - interval '7 days', 'YYYY-MM-DD') AS week`,
    [TIME_ZONE],
  );
  await client.end();
  return {
    answers: rows[0].answers,
    weekStart: weeks[0].week,
    seconds: (performance.now() - started) / 1000,
  };
}

function chunk(items, size) {
  const chunks = [];
  for (let index = 0; index < items.length; index += size) chunks.push(items.slice(index, index + size));
  return chunks;
}

async function runBundled(root, entry, name, args) {
  const outfile = await bundle(root, entry, name);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [outfile, ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (data) => (output += data));
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(output)) : reject(new Error(output))));
  });
}

async function latencies(call, count) {
  for (let warm = 0; warm < 3; warm += 1) await call();
  const durations = [];
  for (let index = 0; index < count; index += 1) {
    const started = performance.now();
    await call();
    durations.push(performance.now() - started);
  }
  return durations.sort((a, b) => a - b);
}

/** Runs the report benchmark; returns table rows (figure, Rapport, reference, ratio) and a note. */
export async function benchReports(root, step) {
  step(`Reports: ${BUSINESSES.toLocaleString('en')} businesses, ${ANSWERS.toLocaleString('en')} answers`);
  const app = await startApp(root);
  try {
    const owner = new Client(app.baseUrl);
    const signedUp = await signUpOwner(app, owner, {
      businessName: 'Report business 1',
      name: 'Bench Owner',
      email: `bench-${Date.now()}@reports.example`,
      password: 'a long benchmark password',
      timeZone: TIME_ZONE,
      country: 'GB',
    });
    const seeded = await seed(app.ownerUrl, signedUp.body.business.id, (message) => console.log(message));
    console.log(`${seeded.answers.toLocaleString('en')} answers seeded in ${seeded.seconds.toFixed(0)} s`);

    step(`Reports: the weekly report of the week of ${seeded.weekStart} for every business`);
    const report = await runBundled(root, 'tools/bench/api/weekly-report.bench.ts', 'weekly-report', [
      app.ownerUrl,
      seeded.weekStart,
      TIME_ZONE,
    ]);
    console.log(JSON.stringify(report));

    step('Reports: the dashboard API on the largest business');
    const idleRss = rssMiB(app.pid);
    const dashboard = await latencies(async () => {
      const response = await owner.request('GET', '/api/dashboard');
      if (response.status !== 200) throw new Error(`The dashboard answered ${response.status}`);
    }, DASHBOARD_CALLS);
    const database = new pg.Client({ connectionString: app.ownerUrl });
    await database.connect();
    const bare = await latencies(async () => {
      await database.query(
        `SELECT count(*), count(*) FILTER (WHERE band = 'promoter'), count(*) FILTER (WHERE band = 'detractor')
           FROM answers WHERE tenant_id = $1 AND answered_at >= now() - interval '30 days'`,
        [signedUp.body.business.id],
      );
    }, DASHBOARD_CALLS);
    await database.end();
    const p = (values, share) => percentile(values, share).toFixed(1);
    console.log(
      `dashboard p50 ${p(dashboard, 0.5)} ms, p99 ${p(dashboard, 0.99)} ms; its 30-day aggregate alone p50 ${p(bare, 0.5)} ms`,
    );
    const peakRss = peakRssMiB(app.pid);
    return {
      note:
        `${report.businesses.toLocaleString('en')} businesses with ${seeded.answers.toLocaleString('en')} answers ` +
        `spread over twelve weeks (the largest has ${LARGEST.toLocaleString('en')}), all in ${TIME_ZONE}. The report is ` +
        `computed for every business the way the reporter does it (one business after the other, each in its ` +
        `own transaction as the app role under row-level security) by a process of its own, whose peak RSS is ` +
        `shown; the reference computes the same figures for all businesses with grouped queries as the schema ` +
        `owner. After one uncounted round of each, each is run three times, interleaved; the medians are shown. ` +
        `The dashboard is called ` +
        `${DASHBOARD_CALLS} times one after the other on the largest business; for scale, the reference counts ` +
        `the 30-day NPS from the raw answers straight on the database (the dashboard reads the daily roll-up ` +
        `instead, and counts the period's messages). App RSS idle ${idleRss} MiB.`,
      rows: [
        [
          `Weekly report for ${report.businesses.toLocaleString('en')} businesses, seconds`,
          report.appSeconds.toFixed(1),
          `bare grouped SQL: ${report.bareSeconds.toFixed(1)}`,
          (report.bareSeconds / report.appSeconds).toFixed(2),
        ],
        ['Weekly report process, peak RSS (MiB)', String(report.peakRssMiB), '', ''],
        [
          'Dashboard API on the largest business, p50 / p99 ms',
          `${p(dashboard, 0.5)} / ${p(dashboard, 0.99)}`,
          `30-day NPS counted from the raw answers alone: ${p(bare, 0.5)} / ${p(bare, 0.99)}`,
          '',
        ],
        ['App peak RSS through the run (MiB)', String(peakRss), '', ''],
      ],
    };
  } finally {
    await app.stop();
  }
}
