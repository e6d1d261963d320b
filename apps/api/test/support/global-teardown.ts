import { rm } from 'node:fs/promises';
import { quoteIdent, withClient } from './test-database';

/** Drops this run's databases (on a shared server) or stops and removes the embedded cluster. */
export default async function globalTeardown(): Promise<void> {
  const run = globalThis.__rapportTestRun;
  if (!run) return;
  if (run.dataDir) {
    await run.stop();
    await rm(run.dataDir, { recursive: true, force: true });
    return;
  }
  await withClient(run.ownerUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`rapport_test_${run.runId}_%`],
    );
    for (const { datname } of rows)
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
  });
}
