import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createTenant, type TestTenant } from './factories';
import { findFreePort } from './free-port';
import { startTestApp, TEST_ENCRYPTION_KEY } from './test-app';
import { cloneTemplate, requiredEnv, TEST_ENV } from './test-database';

const MAIN = resolve(__dirname, '../../../../dist/apps/api/main.js');

/** The production bundle, as a process of its own that a crash spec can SIGKILL. */
export interface BuiltApp {
  process: ChildProcess;
  baseUrl: string;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Kills it with SIGKILL, as a crash would, and waits until it is gone. */
  kill(): Promise<void>;
  /** Stops it with SIGINT, as Ctrl-C does, and waits until it has exited. */
  stop(): Promise<void>;
}

/** Fails early, with what to do, when the bundle the crash specs run is missing. */
export function assertBuilt(): void {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build the API first (nx build api)`);
}

/** Starts the built app on `databaseUrl` (schedulers ticking, no console, silent), with `env` on top. */
export function startBuiltApp(databaseUrl: string, env: Record<string, string> = {}): Promise<BuiltApp> {
  return spawnBuiltApp({ DATABASE_URL: databaseUrl, ...env });
}

/**
 * Starts the built app as `npm start` runs it, with `env` on top of the test settings: with no
 * DATABASE_URL in `env` it starts its own embedded PostgreSQL (give it DATA_DIR and EMBEDDED_PG_PORT).
 */
export async function spawnBuiltApp(env: Record<string, string> = {}): Promise<BuiltApp> {
  assertBuilt();
  const port = await findFreePort();
  const child = spawn(process.execPath, [MAIN, 'serve'], {
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      SEED_DEMO: 'false',
      LOG_LEVEL: 'silent',
      ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
      WEB_DIST_DIR: '/nonexistent/rapport-console',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  const isGone = () => child.exitCode !== null || child.signalCode !== null;
  const ended = (signal: NodeJS.Signals) => async () => {
    if (isGone()) return;
    const exited = new Promise((exit) => child.once('exit', exit));
    child.kill(signal);
    await exited;
  };
  return {
    process: child,
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => chunks.join(''),
    kill: ended('SIGKILL'),
    stop: ended('SIGINT'),
  };
}

/** Waits until `condition` holds, checking every 20 ms; fails after `timeoutMs`. */
export async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms`);
    await new Promise((wait) => setTimeout(wait, 20));
  }
}

/**
 * A database of the spec's own (a clone of the migrated template) holding one business, made through an
 * app in this process that is closed again: the built app then runs on it alone.
 */
export async function databaseWithBusiness(
  name: string,
  business: Parameters<typeof createTenant>[1] = {},
): Promise<{ databaseUrl: string; tenant: TestTenant }> {
  const databaseUrl = await cloneTemplate(`rapport_test_${requiredEnv(TEST_ENV.runId)}_${name}`);
  const seeding = await startTestApp({ DATABASE_URL: databaseUrl });
  try {
    return { databaseUrl, tenant: await createTenant(seeding, business) };
  } finally {
    await seeding.close();
  }
}
