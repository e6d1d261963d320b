import { Client } from 'pg';

/** Names shared between globalSetup and the workers through the environment. */
export const TEST_ENV = {
  ownerUrl: 'RAPPORT_TEST_OWNER_URL',
  template: 'RAPPORT_TEST_TEMPLATE_DB',
  runId: 'RAPPORT_TEST_RUN_ID',
} as const;

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Copies the migrated template into a database of its own: cheap (a file copy) and isolated. */
export async function cloneTemplate(name: string): Promise<string> {
  const ownerUrl = requiredEnv(TEST_ENV.ownerUrl);
  const template = requiredEnv(TEST_ENV.template);
  await withClient(ownerUrl, async (client) => {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      await client.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`);
    }
  });
  return databaseUrl(ownerUrl, name);
}

/** One database per Jest worker, created from the template on first use and reused by its files. */
export function workerDatabase(): Promise<string> {
  const runId = requiredEnv(TEST_ENV.runId);
  return cloneTemplate(`rapport_test_${runId}_w${process.env['JEST_WORKER_ID'] ?? '1'}`);
}

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run the API tests through their Jest config (globalSetup)`);
  return value;
}
