// `npm run soak`: mixed traffic against the production bundle for SOAK_MINUTES (default 15) while the
// scheduler dispatches to the SendGrid mock: console reads, orders through the API, signed shop webhooks
// (and forged ones), buyers' answers. At the end: no error but the expected 4xx, every due follow-up sent
// exactly once, and the app's memory flat (RSS at the end within 10% of the RSS after warm-up).
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startMock } from './bench/dispatch-bench.mjs';
import { Client, rssMiB, signUpOwner, sleep, startApp } from './bench/lib.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MINUTES = Number(process.env.SOAK_MINUTES ?? 15);
const WARM_UP_SHARE = 0.2;
const SHOP_SECRET = 'soak-shop-secret';
const ALWAYS_OPEN = { opens: '00:00', closes: '23:59', days: [1, 2, 3, 4, 5, 6, 7] };

const tally = new Map();
function count(kind, status) {
  const key = `${kind} ${status}`;
  tally.set(key, (tally.get(key) ?? 0) + 1);
}

/** Runs `work` again and again until `deadline`, counting each answer's status under `kind`. */
async function loop(kind, deadline, work) {
  while (Date.now() < deadline) {
    try {
      count(kind, await work());
    } catch (error) {
      count(kind, `error ${error.cause?.code ?? error.message}`);
      await sleep(100);
    }
  }
}

async function main() {
  const build = spawnSync(
    'npx',
    ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--outputStyle=static'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
  const mock = await startMock(root);
  const app = await startApp(root, { SENDGRID_API_KEY: 'SG.soak', SENDGRID_BASE_URL: mock.url });
  try {
    const owner = new Client(app.baseUrl);
    const signedUp = await signUpOwner(app, owner, {
      businessName: 'Soak Bakery',
      name: 'Soak Owner',
      email: `soak-${Date.now()}@soak.example`,
      password: 'a long soak password',
      timeZone: 'Europe/London',
      country: 'GB',
    });
    const tenantId = signedUp.body.business.id;
    await owner.request('PATCH', '/api/business', { sendWindow: ALWAYS_OPEN });
    await owner.request('PUT', '/api/integrations/shopify', { secret: SHOP_SECRET });
    const key = (
      await owner.request('POST', '/api/api-keys', { name: 'soak', scopes: ['orders:write', 'orders:read'] })
    ).body.key;

    // Opinion requests whose answer links the soak knows (the app stores the token's hash).
    const db = new pg.Client({ connectionString: app.ownerUrl });
    await db.connect();
    const secrets = Array.from({ length: 5000 }, () => randomBytes(32).toString('base64url'));
    await db.query(
      `WITH buyers AS (
         INSERT INTO customers (tenant_id, email, name)
         SELECT $1, 'answerer' || n || '@soak.example', 'Answerer ' || n FROM generate_series(1, $3) AS n RETURNING id)
       INSERT INTO messages (tenant_id, customer_id, kind, status, due_at, sent_at, survey_version_id, unsubscribe_token_hash)
       SELECT $1, b.id, 'opinion-request', 'delivered', now(), now(),
              (SELECT v.id FROM survey_versions v JOIN surveys s ON s.tenant_id = v.tenant_id AND s.id = v.survey_id
                WHERE v.tenant_id = $1 AND s.name = 'How did we do?'), t.hash
         FROM (SELECT id, row_number() OVER () AS r FROM buyers) b
         JOIN unnest($2::bytea[]) WITH ORDINALITY AS t(hash, n) ON t.n = b.r`,
      [tenantId, secrets.map((secret) => createHash('sha256').update(secret).digest()), secrets.length],
    );
    const tokens = secrets.map((secret) => `${tenantId.replace(/-/g, '')}.${secret}`);

    const started = Date.now();
    const deadline = started + MINUTES * 60_000;
    const samples = [];
    const sampler = setInterval(() => samples.push({ at: Date.now() - started, rss: rssMiB(app.pid) }), 5000);
    let orderNumber = 0;
    let answerIndex = 0;
    const cookie = () => [...owner.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    // Every answer is read to its end, as a browser does: an unread body keeps its connection from being
    // reused, and the client opens new ones without bound.
    const get = async (path) => {
      const response = await fetch(`${app.baseUrl}${path}`, { headers: { cookie: cookie() } });
      await response.arrayBuffer();
      return response.status;
    };
    console.log(`Soaking for ${MINUTES} min`);
    await Promise.all([
      ...[
        '/api/customers',
        '/api/dashboard',
        '/api/answers',
        '/api/cases?unresolved=true',
        '/api/messages',
      ].map((path) => loop(`GET ${path}`, deadline, () => get(path))),
      ...[1, 2].map(() =>
        loop('POST /api/orders', deadline, async () => {
          orderNumber += 1;
          const response = await fetch(`${app.baseUrl}/api/orders`, {
            method: 'POST',
            headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
            body: JSON.stringify({
              externalId: `#SOAK-${orderNumber}`,
              customer: {
                email: `buyer${orderNumber % 2000}@soak.example`,
                name: `Buyer ${orderNumber % 2000}`,
              },
              // A day ago: its thank-you is due at once.
              placedAt: new Date(Date.now() - 86_400_000).toISOString(),
              total: '12.00',
              currency: 'GBP',
              lines: [{ productName: 'Soak loaf', quantity: 1, unitPrice: '12.00' }],
            }),
          });
          await response.arrayBuffer();
          return response.status;
        }),
      ),
      loop('POST shopify webhook', deadline, async () => {
        orderNumber += 1;
        const body = JSON.stringify({
          id: orderNumber,
          name: `#SHOP-${orderNumber}`,
          email: `shopper${orderNumber % 500}@soak.example`,
          created_at: new Date(Date.now() - 86_400_000).toISOString(),
          total_price: '9.00',
          currency: 'GBP',
          line_items: [{ title: 'Shop roll', quantity: 1, price: '9.00' }],
        });
        const forged = orderNumber % 5 === 0;
        const signature = createHmac('sha256', forged ? 'not-the-secret' : SHOP_SECRET)
          .update(body)
          .digest('base64');
        const response = await fetch(`${app.baseUrl}/api/webhooks/shopify/${tenantId}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-shopify-hmac-sha256': signature,
            'x-shopify-topic': 'orders/create',
            'x-shopify-webhook-id': randomUUID(),
          },
          body,
        });
        await response.arrayBuffer();
        return forged ? `forged ${response.status}` : response.status;
      }),
      loop('POST /api/a/:token', deadline, async () => {
        const token = tokens[answerIndex++ % tokens.length];
        const response = await fetch(`${app.baseUrl}/api/a/${token}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: `q.score=${answerIndex % 3 === 0 ? 10 : 8}&q.comment=Soak%20${answerIndex}`,
        });
        await response.arrayBuffer();
        return response.status;
      }),
    ]);
    clearInterval(sampler);

    // Let the scheduler send what is due, then compare the outbox with what the mock accepted.
    let due = Infinity;
    for (let wait = 0; wait < 120 && due > 0; wait += 1) {
      await sleep(1000);
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM messages WHERE tenant_id = $1 AND status IN ('scheduled', 'sending') AND due_at <= now()`,
        [tenantId],
      );
      due = rows[0].n;
    }
    const { rows: sent } = await db.query(
      `SELECT count(*)::int AS n FROM messages WHERE tenant_id = $1 AND provider_message_id IS NOT NULL`,
      [tenantId],
    );
    const counts = await mock.counts();
    await db.end();

    const warmEnd = MINUTES * 60_000 * WARM_UP_SHARE;
    const afterWarmUp = samples.find((sample) => sample.at >= warmEnd)?.rss ?? samples[0]?.rss ?? 0;
    const atEnd = samples.at(-1)?.rss ?? 0;
    const unexpected = [...tally].filter(([key]) => {
      const status = key.split(' ').at(-1);
      if (key.startsWith('POST shopify webhook forged')) return status !== '401';
      return !/^2\d\d$/.test(status);
    });
    console.log('\nRequests by route and answer:');
    for (const [keyName, value] of [...tally].sort()) console.log(`  ${keyName}: ${value}`);
    console.log(
      `\nFollow-ups sent: ${sent[0].n}; accepted by the mock: ${counts.accepted}, of which repeated: ${counts.duplicates}; still due: ${due}`,
    );
    console.log(`RSS after warm-up ${afterWarmUp} MiB, at the end ${atEnd} MiB`);
    const problems = [];
    if (unexpected.length > 0) problems.push(`unexpected answers: ${JSON.stringify(unexpected)}`);
    if (due > 0) problems.push(`${due} follow-ups still due after the run`);
    if (counts.duplicates > 0) problems.push(`${counts.duplicates} follow-ups sent twice`);
    if (counts.accepted !== sent[0].n)
      problems.push(`mock accepted ${counts.accepted} but ${sent[0].n} are marked sent`);
    if (atEnd > afterWarmUp * 1.1) problems.push(`memory grew from ${afterWarmUp} to ${atEnd} MiB`);
    if (problems.length > 0) {
      console.log(`\nSOAK FAILED:\n- ${problems.join('\n- ')}`);
      process.exitCode = 1;
    } else {
      console.log('\nSoak passed: no unexpected errors, nothing lost or sent twice, memory flat.');
    }
  } finally {
    await app.stop();
    await mock.stop();
  }
}

await main();
