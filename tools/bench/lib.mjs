// Shared pieces of the benchmarks: starting the built app on a fresh embedded database, HTTP helpers,
// process memory and percentiles.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import pg from 'pg';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The production bundle against its own embedded PostgreSQL in tmp/, as `npm start` runs it. */
export async function startApp(root, extraEnv = {}) {
  const dataDir = mkdtempSync(join(root, 'tmp', 'bench-'));
  const [port, pgPort] = [await freePort(), await freePort()];
  // BENCH_APP_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=tmp/profiles") profiles the app under load.
  const nodeArgs = (process.env.BENCH_APP_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, join(root, 'dist/apps/api/main.js')], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: '',
      NODE_ENV: 'production',
      PORT: String(port),
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      RATE_LIMIT_MULTIPLIER: '100000',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`The app did not start:\n${output}`);
    await sleep(250);
  }
  return {
    baseUrl,
    pid: child.pid,
    ownerUrl: `postgres://rapport:rapport-local@127.0.0.1:${pgPort}/rapport`,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A browser-like client: keeps cookies and sends the CSRF token. */
export class Client {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
    this.cookies = new Map([['XSRF-TOKEN', randomBytes(16).toString('hex')]]);
  }

  async request(method, path, body, headers = {}) {
    const init = {
      method,
      headers: {
        cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        'x-xsrf-token': this.cookies.get('XSRF-TOKEN'),
        ...headers,
      },
    };
    if (body !== undefined) {
      if (typeof body === 'string' || body instanceof Uint8Array || typeof body?.pipe === 'function') {
        init.body = body;
        if (typeof body?.pipe === 'function') init.duplex = 'half';
      } else {
        init.headers['content-type'] = 'application/json';
        init.body = JSON.stringify(body);
      }
    }
    const response = await fetch(`${this.baseUrl}${path}`, init);
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const index = pair.indexOf('=');
      this.cookies.set(pair.slice(0, index), pair.slice(index + 1));
    }
    const text = await response.text();
    return {
      status: response.status,
      body: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text,
    };
  }
}

/**
 * Signs `client` up as the owner of a new business and answers the confirmation (the profile). The link the
 * sign-up emails is not read (the mail may go to the SendGrid mock, which keeps no bodies): the pending
 * sign-up gets a token the bench knows instead, as the soak does for buyers' links.
 */
export async function signUpOwner(app, client, request) {
  const asked = await client.request('POST', '/api/auth/signup', request);
  if (asked.status !== 202) throw new Error(`Sign-up failed: ${JSON.stringify(asked.body)}`);
  const token = randomBytes(32).toString('base64url');
  const db = new pg.Client({ connectionString: app.ownerUrl });
  await db.connect();
  try {
    await db.query(
      `UPDATE sign_up_requests SET token_hash = $1
        WHERE token_hash = (SELECT token_hash FROM sign_up_requests WHERE email = $2 ORDER BY created_at DESC LIMIT 1)`,
      [createHash('sha256').update(token).digest(), request.email.trim().toLowerCase()],
    );
  } finally {
    await db.end();
  }
  const confirmed = await client.request('POST', '/api/auth/signup/confirm', { token });
  if (confirmed.status !== 201)
    throw new Error(`Confirming the sign-up failed: ${JSON.stringify(confirmed.body)}`);
  return confirmed;
}

/** Peak resident memory of a process so far (Linux), in MiB. */
export function peakRssMiB(pid) {
  return memoryField(pid, 'VmHWM');
}

/** Resident memory of a process now (Linux), in MiB. */
export function rssMiB(pid) {
  return memoryField(pid, 'VmRSS');
}

function memoryField(pid, field) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status);
  return match ? Math.round(Number(match[1]) / 1024) : null;
}

export function percentile(sorted, fraction) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Bundles one TypeScript entry (tools/bench/api/, or the SendGrid mock) with the API's compiler settings, its imports resolved and packages left external, for a bench process. */
export async function bundle(root, entry, name) {
  const outfile = join(root, 'tmp', 'bench-build', `${name}.js`);
  mkdirSync(join(root, 'tmp', 'bench-build'), { recursive: true });
  await esbuild.build({
    entryPoints: [join(root, entry)],
    bundle: true,
    platform: 'node',
    target: 'node20',
    packages: 'external',
    tsconfig: join(root, 'tools/bench/tsconfig.json'),
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}
