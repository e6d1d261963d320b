import { mkdtemp } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { migrateUp } from '../../src/database/migrator';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { databaseUrl, quoteIdent, TEST_ENV, withClient } from './test-database';
import { findFreePort } from './free-port';
import type { TestRun } from './test-run';

declare global {
  var __rapportTestRun: TestRun | undefined;
}

/**
 * Starts PostgreSQL once for the whole run (the embedded one unless DATABASE_URL names a server whose
 * role may create databases) and migrates a template database that every worker clones.
 */
export default async function globalSetup(): Promise<void> {
  const runId = `${Date.now().toString(36)}${process.pid}`;
  let ownerUrl = process.env['DATABASE_URL'];
  let run: TestRun = { runId, ownerUrl: ownerUrl ?? '', stop: async () => undefined };

  if (!ownerUrl) {
    const dataDir = await mkdtemp(join(resolve(__dirname, '../../../../tmp'), 'test-pg-'));
    const port = await findFreePort();
    const embedded = await startEmbeddedPostgres({ dataDir, port, database: 'rapport' });
    ownerUrl = embedded.ownerUrl;
    run = { runId, ownerUrl, stop: embedded.stop, dataDir };
  }

  const template = `rapport_test_${runId}_template`;
  await withClient(ownerUrl, (client) => client.query(`CREATE DATABASE ${quoteIdent(template)}`));
  await migrateUp(databaseUrl(ownerUrl, template));

  process.env[TEST_ENV.ownerUrl] = ownerUrl;
  process.env[TEST_ENV.template] = template;
  process.env[TEST_ENV.runId] = runId;
  globalThis.__rapportTestRun = run;
}
