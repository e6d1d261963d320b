// The dispatch benchmark: due follow-ups across many businesses sent by the built app to the SendGrid mock
// (a process of its own), next to the mock's raw accept rate measured in the same run.
import { spawn } from 'node:child_process';
import pg from 'pg';
import { bundle, peakRssMiB, rssMiB, sleep, startApp } from './lib.mjs';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 100_000);
const TENANTS = Number(process.env.BENCH_TENANTS ?? 100);
const RAW_SECONDS = 5;
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

async function seed(ownerUrl) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  const perTenant = Math.ceil(MESSAGES / TENANTS);
  // One transaction: the dispatcher (ticking every 5 s) sees all the messages at once or none.
  await client.query('BEGIN');
  await client.query(
    `INSERT INTO tenants (name, time_zone, locale, country, send_window, contact_phone, contact_email, postal_address)
     SELECT 'Bench business ' || n, 'Europe/London', ($2::text[])[1 + n % 4], 'GB',
            '{"opens":"00:00","closes":"23:59","days":[1,2,3,4,5,6,7]}', '+44 20 7946 0000',
            'hello' || n || '@bench.example', n || ' Bench Street, London'
       FROM generate_series(1, $1) AS n`,
    [TENANTS, LOCALES],
  );
  await client.query(
    `WITH buyers AS (
       INSERT INTO customers (tenant_id, email, name)
       SELECT t.id, 'buyer' || n || '@' || replace(t.name, ' ', '-') || '.example', 'Buyer ' || n
         FROM tenants t CROSS JOIN generate_series(1, $1) AS n WHERE t.name LIKE 'Bench business %'
       RETURNING tenant_id, id)
     INSERT INTO messages (tenant_id, customer_id, kind, status, due_at)
     SELECT tenant_id, id, 'thank-you', 'scheduled', now() - interval '1 minute' FROM buyers`,
    [perTenant],
  );
  await client.query('COMMIT');
  const { rows } = await client.query(`SELECT count(*)::int AS n FROM messages WHERE status = 'scheduled'`);
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

/** Runs the dispatch benchmark; returns table rows (figure, Rapport, reference, ratio). */
export async function benchDispatch(root, step) {
  step('Dispatch: the SendGrid mock on its own (raw accept rate)');
  const mock = await startMock(root);
  try {
    const rawSequential = await rawAcceptRate(mock.url, 1);
    const rawParallel = await rawAcceptRate(mock.url, 8);
    console.log(
      `one request at a time: ${Math.round(rawSequential)}/s; eight at a time: ${Math.round(rawParallel)}/s`,
    );
    await mock.reset();

    step('Dispatch: template render time (every built-in template, in process)');
    const renderFile = await bundle(
      root,
      'apps/api/src/templates/template-render.bench.ts',
      'template-render',
    );
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

    step(`Dispatch: ${MESSAGES.toLocaleString('en')} due follow-ups across ${TENANTS} businesses`);
    const app = await startApp(root, { SENDGRID_API_KEY: 'SG.bench', SENDGRID_BASE_URL: mock.url });
    try {
      const idleRss = rssMiB(app.pid);
      const seeded = await seed(app.ownerUrl);
      const seededAt = performance.now();
      let firstAt = null;
      for (;;) {
        const accepted = await mock.count();
        if (accepted > 0 && firstAt === null) firstAt = performance.now();
        if (accepted >= seeded) break;
        if (performance.now() - seededAt > 3_600_000) throw new Error('Dispatch did not finish in an hour');
        await sleep(200);
      }
      const doneAt = performance.now();
      const statuses = await sentCount(app.ownerUrl);
      const peakRss = peakRssMiB(app.pid);
      const rate = seeded / ((doneAt - firstAt) / 1000);
      console.log(
        `${seeded.toLocaleString('en')} sent in ${((doneAt - firstAt) / 1000).toFixed(1)} s ` +
          `(${Math.round(rate)}/s); statuses ${JSON.stringify(statuses)}; peak RSS ${peakRss} MiB`,
      );
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
          `mock alone, eight at a time: ${Math.round(rawParallel).toLocaleString('en')}`,
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
