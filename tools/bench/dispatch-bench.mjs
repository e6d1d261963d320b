// The dispatch benchmark: due follow-ups across many businesses sent by the built app to the SendGrid mock
// (a process of its own), next to the mock's raw accept rate measured in the same run.
import { spawn } from 'node:child_process';
import pg from 'pg';
import { bundle, median, peakRssMiB, rssMiB, sleep, startApp } from './lib.mjs';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 100_000);
const TENANTS = Number(process.env.BENCH_TENANTS ?? 100);
const RAW_SECONDS = 5;
const RUNS = 3;
/** The parallel reference: as many requests in flight as the dispatcher keeps (two businesses x eight). */
const PARALLEL = 16;
const LOCALES = ['en', 'es', 'fr', 'de'];

/** The SendGrid mock as a process of its own, counting (not keeping) what it accepts. */
export async function startMock(root) {
  const file = await bundle(root, 'tools/sendgrid-mock/src/main.ts', 'sendgrid-mock');
  const child = spawn(process.execPath, [file], {
    cwd: root,
    env: { ...process.env, KEEP_BODIES: 'false' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      const match = /listening (\S+)/.exec(String(chunk));
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`The mock exited with ${code}`)));
  });
  return {
    url,
    pid: child.pid,
    async count() {
      return (await this.counts()).accepted;
    },
    /** Mails accepted, and how many repeated a message id already accepted. */
    async counts() {
      return (await fetch(`${url}/__mock/count`)).json();
    },
    async reset() {
      await fetch(`${url}/__mock/messages`, { method: 'DELETE' });
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A body the size of a rendered follow-up (about 10 kB of HTML and text). */
function sampleBody(index) {
  return JSON.stringify({
    personalizations: [{ to: [{ email: `raw${index}@bench.example` }] }],
    from: { email: 'hello@bench.example', name: 'Benchmark Bakery' },
    subject: 'Thank you for your order',
    content: [
      { type: 'text/plain', value: 'Thank you for your order. '.repeat(40) },
      { type: 'text/html', value: `<p>${'Thank you for your order. '.repeat(340)}</p>` },
    ],
    custom_args: { message_id: String(index), tenant_id: 'raw' },
    categories: ['follow-up'],
  });
}

/** Requests accepted per second by the mock alone, with `concurrency` requests in flight. */
async function rawAcceptRate(url, concurrency) {
  const deadline = performance.now() + RAW_SECONDS * 1000;
  let sent = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const response = await fetch(`${url}/v3/mail/send`, {
          method: 'POST',
          headers: { authorization: 'Bearer SG.raw', 'content-type': 'application/json' },
          body: sampleBody(sent),
        });
        await response.arrayBuffer();
        if (response.status !== 202) throw new Error(`The mock answered ${response.status}`);
        sent += 1;
      }
    }),
  );
  return sent / ((performance.now() - started) / 1000);
}

/** Due follow-ups in fresh businesses of their own for run `run`; returns how many. */
async function seed(ownerUrl, run) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  const perTenant = Math.ceil(MESSAGES / TENANTS);
  // One transaction: the dispatcher (ticking every 5 s) sees all the messages at once or none.
  await client.query('BEGIN');
  await client.query(
    `INSERT INTO tenants (name, time_zone, locale, country, send_window, contact_phone, contact_email, postal_address)
     SELECT 'Bench business ' || $3 || '-' || n, 'Europe/London', ($2::text[])[1 + n % 4], 'GB',
            '{"opens":"00:00","closes":"23:59","days":[1,2,3,4,5,6,7]}', '+44 20 7946 0000',
            'hello' || n || '@bench.example', n || ' Bench Street, London'
       FROM generate_series(1, $1) AS n`,
    [TENANTS, LOCALES, run],
  );
  await client.query(
    `WITH buyers AS (
       INSERT INTO customers (tenant_id, email, name)
       SELECT t.id, 'buyer' || n || '@' || replace(t.name, ' ', '-') || '.example', 'Buyer ' || n
         FROM tenants t CROSS JOIN generate_series(1, $1) AS n WHERE t.name LIKE 'Bench business ' || $2 || '-%'
       RETURNING tenant_id, id)
     INSERT INTO messages (tenant_id, customer_id, kind, status, due_at)
     SELECT tenant_id, id, 'thank-you', 'scheduled', now() - interval '1 minute' FROM buyers`,
    [perTenant, run],
  );
  await client.query('COMMIT');
  const { rows } = await client.query(
    `SELECT count(*)::int AS n FROM messages m JOIN tenants t ON t.id = m.tenant_id
      WHERE m.status = 'scheduled' AND t.name LIKE 'Bench business ' || $1 || '-%'`,
    [run],
  );
  await client.end();
  return rows[0].n;
}

async function sentCount(ownerUrl) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  const { rows } = await client.query(`SELECT status, count(*)::int AS n FROM messages GROUP BY status`);
  await client.end();
  return Object.fromEntries(rows.map((row) => [row.status, row.n]));
}

/** Sends `seeded` due follow-ups through the app; returns messages per second, first send to last. */
async function dispatchRun(app, mock, run) {
  await mock.reset();
  const seeded = await seed(app.ownerUrl, run);
  const seededAt = performance.now();
  let firstAt = null;
  for (;;) {
    const accepted = await mock.count();
    if (accepted > 0 && firstAt === null) firstAt = performance.now();
    if (accepted >= seeded) break;
    if (performance.now() - seededAt > 3_600_000) throw new Error('Dispatch did not finish in an hour');
    await sleep(200);
  }
  const seconds = (performance.now() - firstAt) / 1000;
  const rate = seeded / seconds;
  const { duplicates } = await mock.counts();
  if (duplicates > 0) throw new Error(`${duplicates} follow-ups were sent twice`);
  console.log(
    `run ${run}: ${seeded.toLocaleString('en')} sent in ${seconds.toFixed(1)} s (${Math.round(rate)}/s)`,
  );
  return { rate, seeded };
}

/**
 * Runs the dispatch benchmark; returns table rows (figure, Rapport, reference, ratio). Three runs, each
 * next to the mock's raw rates measured just before it, reported as medians.
 */
export async function benchDispatch(root, step) {
  const mock = await startMock(root);
  try {
    step('Dispatch: template render time (every built-in template, in process)');
    const renderFile = await bundle(root, 'tools/bench/api/template-render.bench.ts', 'template-render');
    const render = await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [renderFile, String(MESSAGES)], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(output)) : reject(new Error(output))));
    });
    console.log(`p50 ${render.p50Ms.toFixed(3)} ms, p99 ${render.p99Ms.toFixed(3)} ms`);

    step(`Dispatch: ${RUNS} x ${MESSAGES.toLocaleString('en')} due follow-ups across ${TENANTS} businesses`);
    const app = await startApp(root, { SENDGRID_API_KEY: 'SG.bench', SENDGRID_BASE_URL: mock.url });
    try {
      const idleRss = rssMiB(app.pid);
      const [sequential, parallel, rates] = [[], [], []];
      let total = 0;
      for (let run = 1; run <= RUNS; run++) {
        sequential.push(await rawAcceptRate(mock.url, 1));
        parallel.push(await rawAcceptRate(mock.url, PARALLEL));
        console.log(
          `mock alone: one request at a time ${Math.round(sequential.at(-1))}/s, ${PARALLEL} at a time ${Math.round(parallel.at(-1))}/s`,
        );
        const { rate, seeded } = await dispatchRun(app, mock, run);
        rates.push(rate);
        total += seeded;
      }
      const statuses = await sentCount(app.ownerUrl);
      if (statuses.sent !== total)
        throw new Error(`Not every follow-up was sent: ${JSON.stringify(statuses)}`);
      const peakRss = peakRssMiB(app.pid);
      const [rate, rawSequential, rawParallel] = [median(rates), median(sequential), median(parallel)];
      return [
        [
          `Dispatch to the mock, messages/s (${MESSAGES.toLocaleString('en')} across ${TENANTS} businesses)`,
          Math.round(rate).toLocaleString('en'),
          `mock alone, one request at a time: ${Math.round(rawSequential).toLocaleString('en')}`,
          (rate / rawSequential).toFixed(2),
        ],
        [
          'Dispatch to the mock, messages/s (parallel reference)',
          Math.round(rate).toLocaleString('en'),
          `mock alone, ${PARALLEL} at a time: ${Math.round(rawParallel).toLocaleString('en')}`,
          (rate / rawParallel).toFixed(2),
        ],
        ['Template render, p99 ms', render.p99Ms.toFixed(3), `p50: ${render.p50Ms.toFixed(3)}`, ''],
        ['App peak RSS during dispatch, MiB', String(peakRss), `before: ${idleRss}`, ''],
      ];
    } finally {
      await app.stop();
    }
  } finally {
    await mock.stop();
  }
}
