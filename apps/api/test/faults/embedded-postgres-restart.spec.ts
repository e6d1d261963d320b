import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { assertBuilt, type BuiltApp, spawnBuiltApp, until } from '../support/built-app';
import { findFreePort } from '../support/free-port';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return !/\) [ZX] /.test(stat);
}

function parentOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

/**
 * `npm start` after a crash: the app dies with SIGKILL and its embedded PostgreSQL lives on, adopted by
 * PID 1, holding the data folder and its port. The next start on the same folder must stop it and serve.
 */
describe('the embedded PostgreSQL after the app was killed', () => {
  let dataDir: string;
  let env: Record<string, string>;
  const apps: BuiltApp[] = [];
  const servers = new Set<number>();

  const lockFile = () => join(dataDir, 'postgres', 'postmaster.pid');
  const serverPid = () => Number(readFileSync(lockFile(), 'utf8').split('\n')[0]);
  const start = async () => {
    const app = await spawnBuiltApp(env);
    apps.push(app);
    return app;
  };
  const isServing = async (app: BuiltApp) =>
    (await fetch(`${app.baseUrl}/api/health`).catch(() => null))?.ok === true;

  beforeAll(async () => {
    assertBuilt();
    dataDir = await mkdtemp(join(resolve(__dirname, '../../../../tmp'), 'crash-pg-'));
    // No DATABASE_URL: the app starts its own embedded PostgreSQL in DATA_DIR, as `npm start` does.
    env = { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await findFreePort()) };
  });
  afterAll(async () => {
    for (const app of apps) await app.stop();
    // Whatever server is still alive was started here: stop it, so no PostgreSQL outlives the spec.
    if (existsSync(lockFile())) servers.add(serverPid());
    for (const pid of servers) {
      if (!isAlive(pid)) continue;
      process.kill(pid, 'SIGINT');
      await until(() => !isAlive(pid), 30_000).catch(() => process.kill(pid, 'SIGKILL'));
    }
    await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('stops the server the dead app left behind, says so, and serves on the same data folder', async () => {
    const first = await start();
    await until(() => isServing(first), 90_000);
    const orphan = serverPid();
    servers.add(orphan);
    await first.kill();
    // The fault as it happens: the server outlives its app, adopted by PID 1.
    expect(isAlive(orphan)).toBe(true);
    expect(parentOf(orphan)).toBe(1);

    const second = await start();
    await until(async () => (await isServing(second)) || second.process.exitCode !== null, 90_000);
    expect(second.output()).toContain(
      `An earlier run left its embedded PostgreSQL running (process ${orphan}): stopping it and starting anew`,
    );
    expect(await isServing(second)).toBe(true);
    expect(isAlive(orphan)).toBe(false);
    servers.add(serverPid());
    expect(parentOf(serverPid())).toBe(second.process.pid);
  }, 180_000);

  it('refuses, naming the running app, to start on a folder whose server belongs to it', async () => {
    const running = apps.at(-1);
    expect(running && (await isServing(running))).toBe(true);
    const server = serverPid();
    const third = await start();
    await until(() => third.process.exitCode !== null, 30_000);
    expect(third.process.exitCode).toBe(1);
    expect(third.output()).toContain(
      `(process ${server}) belongs to another running app, process ${running?.process.pid}`,
    );
    expect(isAlive(server)).toBe(true);
    expect(running && (await isServing(running))).toBe(true);
  }, 60_000);
});
