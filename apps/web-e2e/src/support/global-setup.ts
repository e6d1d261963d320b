import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import type { RunningApp } from './running-app';

declare global {
  var __rapportE2eApp: RunningApp | undefined;
}

const WORKSPACE = resolve(__dirname, '../../../..');
const START_TIMEOUT_MS = 60_000;

/**
 * Starts the built app as `npm start` would on a fresh machine: no DATABASE_URL, so it brings up its
 * embedded PostgreSQL in a new data folder, migrates and seeds the demo business.
 */
export default async function globalSetup(): Promise<void> {
  const dataDir = await mkdtemp(join(WORKSPACE, 'tmp', 'e2e-'));
  const [port, pgPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, [join(WORKSPACE, 'dist/apps/api/main.js')], {
    cwd: WORKSPACE,
    env: {
      ...process.env,
      DATABASE_URL: '',
      NODE_ENV: 'production',
      PORT: String(port),
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      LOG_LEVEL: 'warn',
      DEV_MAILBOX: 'on',
      // The journeys work in the demo business, which production seeds only when asked.
      SEED_DEMO: 'true',
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(await isHealthy(baseUrl))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The app did not become healthy at ${baseUrl}:\n${output}`);
    }
    await new Promise((wait) => setTimeout(wait, 250));
  }
  process.env['E2E_BASE_URL'] = baseUrl;
  // The embedded cluster's owner login, for journeys that must set up a state no screen can (a pause).
  process.env['E2E_DATABASE_URL'] = `postgres://rapport:rapport-local@127.0.0.1:${pgPort}/rapport`;
  globalThis.__rapportE2eApp = { child, dataDir, output: () => output };
}

async function isHealthy(baseUrl: string): Promise<boolean> {
  try {
    return (await fetch(`${baseUrl}/api/health`)).ok;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
