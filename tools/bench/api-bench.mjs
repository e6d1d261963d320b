// The API's read path and the public answer POST under 50 concurrent clients (autocannon), each next to a
// bare Fastify server doing the same work with the same services (reference-server.bench.ts), run in turn
// three times and reported as medians, so a noisy machine weighs on both alike.
import { createHash, randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import pg from 'pg';
import { bundle, Client, freePort, median, peakRssMiB, signUpOwner, startApp } from './lib.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const ROUNDS = 3;
const CUSTOMERS = Number(process.env.BENCH_API_CUSTOMERS ?? 100_000);
const ANSWERS = Number(process.env.BENCH_API_ANSWERS ?? 200_000);
const TOKENS = 20_000;
const POOL = 10;

async function seed(ownerUrl, tenantId) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  await client.query(
    `INSERT INTO customers (tenant_id, email, name, tags)
     SELECT $1, 'buyer' || n || '@api-bench.example', 'Buyer ' || n, ARRAY['tag' || n % 7]
       FROM generate_series(1, $2) AS n`,
    [tenantId, CUSTOMERS],
  );
  await client.query(
    `WITH sent AS (
       INSERT INTO messages (tenant_id, customer_id, kind, status, due_at, sent_at)
       SELECT $1, id, 'opinion-request', 'delivered', now() - random() * interval '80 days', now() - random() * interval '80 days'
         FROM customers CROSS JOIN generate_series(1, $2) WHERE tenant_id = $1
       RETURNING tenant_id, id, customer_id, sent_at)
     INSERT INTO answers (tenant_id, message_id, customer_id, score, score_type, band, comment, channel, answered_at)
     SELECT tenant_id, id, customer_id, s, 'nps', CASE WHEN s >= 9 THEN 'promoter' WHEN s >= 7 THEN 'passive' ELSE 'detractor' END,
            CASE WHEN random() < 0.2 THEN 'A comment' END, 'web', least(now(), sent_at + interval '2 hours')
       FROM sent CROSS JOIN LATERAL (SELECT floor(random() * 11)::int + (sent.id IS NULL)::int AS s) score`,
    [tenantId, Math.max(1, Math.round(ANSWERS / CUSTOMERS))],
  );
  // Opinion requests whose answer links the benchmark knows: the token's hash is what the app stores.
  const { rows: version } = await client.query(
    `SELECT v.id FROM survey_versions v JOIN surveys s ON s.tenant_id = v.tenant_id AND s.id = v.survey_id
      WHERE v.tenant_id = $1 AND s.name = 'How did we do?'`,
    [tenantId],
  );
  const secrets = Array.from({ length: TOKENS }, () => randomBytes(32).toString('base64url'));
  await client.query(
    `WITH picked AS (SELECT id, row_number() OVER () AS r FROM (SELECT id FROM customers WHERE tenant_id = $1 LIMIT 1000) c)
     INSERT INTO messages (tenant_id, customer_id, kind, status, due_at, sent_at, survey_version_id, unsubscribe_token_hash)
     SELECT $1, p.id, 'opinion-request', 'delivered', now(), now(), $3, t.hash
       FROM unnest($2::bytea[]) WITH ORDINALITY AS t(hash, n) JOIN picked p ON p.r = 1 + t.n % 1000`,
    [tenantId, secrets.map((secret) => createHash('sha256').update(secret).digest()), version[0]?.id],
  );
  // As autovacuum would leave it: statistics, and the visibility map that lets index-only scans skip the table.
  await client.query('VACUUM ANALYZE');
  await client.end();
  const prefix = tenantId.replace(/-/g, '');
  return secrets.map((secret) => `${prefix}.${secret}`);
}

async function startReference(root, ownerUrl) {
  const outfile = await bundle(root, 'tools/bench/api/reference-server.bench.ts', 'reference-server');
  const port = await freePort();
  const child = spawn(process.execPath, [outfile, ownerUrl, String(port), String(POOL)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => String(chunk).includes('listening') && resolve());
    child.once('exit', (code) => reject(new Error(`The reference server exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** One autocannon run; `paths` cycle, one per request. */
async function load(url, { method = 'GET', paths, headers = {}, body }) {
  let next = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers,
    requests: [
      {
        method,
        body,
        setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }),
      },
    ],
  });
  const errors = result.errors + result.non2xx;
  if (errors > 0) console.log(`  ${errors} errors or non-2xx answers of ${result.requests.total}`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors };
}

/** Runs the API benchmark; returns table rows (figure, Rapport, reference, ratio) and a note. */
export async function benchApi(root, step) {
  step(`API: ${CONNECTIONS} clients, ${SECONDS} s a run, ${ROUNDS} rounds`);
  const app = await startApp(root, { DB_POOL_SIZE: String(POOL) });
  const reference = await startReference(root, app.ownerUrl);
  try {
    const owner = new Client(app.baseUrl);
    const signedUp = await signUpOwner(app, owner, {
      businessName: 'API bench bakery',
      name: 'Bench Owner',
      email: `api-bench-${Date.now()}@bench.example`,
      password: 'a long benchmark password',
      timeZone: 'Europe/London',
      country: 'GB',
    });
    const tenantId = signedUp.body.business.id;
    const tokens = await seed(app.ownerUrl, tenantId);
    console.log(
      `${CUSTOMERS.toLocaleString('en')} customers, about ${ANSWERS.toLocaleString('en')} answers seeded`,
    );
    const cookie = [...owner.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const form = 'q.score=9&q.loved=The%20bread';
    const figures = { customers: [], dashboard: [], answers: [] };
    for (let round = 0; round < ROUNDS; round += 1) {
      step(`API: round ${round + 1} of ${ROUNDS}`);
      figures.customers.push([
        await load(app.baseUrl, { paths: ['/api/customers'], headers: { cookie } }),
        await load(reference.url, { paths: [`/customers?tenant=${tenantId}`] }),
      ]);
      figures.dashboard.push([
        await load(app.baseUrl, { paths: ['/api/dashboard'], headers: { cookie } }),
        await load(reference.url, { paths: [`/dashboard?tenant=${tenantId}`] }),
      ]);
      const half = tokens.slice(round * 6000, round * 6000 + 3000);
      const otherHalf = tokens.slice(round * 6000 + 3000, round * 6000 + 6000);
      const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };
      figures.answers.push([
        await load(app.baseUrl, {
          method: 'POST',
          paths: half.map((token) => `/api/a/${token}`),
          headers: formHeaders,
          body: form,
        }),
        await load(reference.url, {
          method: 'POST',
          paths: otherHalf.map((token) => `/a/${token}`),
          headers: formHeaders,
          body: form,
        }),
      ]);
    }
    const peakRss = peakRssMiB(app.pid);
    const row = (label, runs) => {
      const rps = median(runs.map(([measured]) => measured.rps));
      const p99 = median(runs.map(([measured]) => measured.p99));
      const referenceRps = median(runs.map(([, bare]) => bare.rps));
      const referenceP99 = median(runs.map(([, bare]) => bare.p99));
      return [
        label,
        `${Math.round(rps).toLocaleString('en')} req/s, p50 ${median(runs.map(([m]) => m.p50))} / p99 ${p99} ms`,
        `${Math.round(referenceRps).toLocaleString('en')} req/s, p99 ${referenceP99} ms`,
        (rps / referenceRps).toFixed(2),
      ];
    };
    return {
      note:
        `One business with ${CUSTOMERS.toLocaleString('en')} buyers and about ${ANSWERS.toLocaleString('en')} answers. ` +
        `${CONNECTIONS} concurrent clients (autocannon) for ${SECONDS} s per run; ${ROUNDS} rounds, each running the ` +
        `app and then the reference, reported as medians. The reference is a bare Fastify server in its own ` +
        `process calling the same services (the same SQL, a pool of the same size, ${POOL} connections, as the app ` +
        `role under row-level security) without sessions, access checks, validation or logging. Answers are ` +
        `posted to different opinion requests (a score of 9 and a comment), half of them to each server.`,
      rows: [
        row('Customers page (first 50 of the list)', figures.customers),
        row('Dashboard', figures.dashboard),
        row('Answer submission (public POST)', figures.answers),
        ['App peak RSS through the run (MiB)', String(peakRss), '', ''],
      ],
    };
  } finally {
    await reference.stop();
    await app.stop();
  }
}
