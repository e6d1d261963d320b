import { MIGRATIONS } from '../../src/database/migrations';
import { migrateDownOne, migrateUp } from '../../src/database/migrator';
import { cloneTemplate, requiredEnv, TEST_ENV, withClient } from '../support/test-database';

describe('migrations', () => {
  let url: string;

  beforeAll(async () => {
    url = await cloneTemplate(`rapport_test_${requiredEnv(TEST_ENV.runId)}_migrations`);
  });

  async function tables(): Promise<string[]> {
    return withClient(url, async (client) => {
      const { rows } = await client.query<{ tablename: string }>(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
      );
      return rows.map((row) => row.tablename);
    });
  }

  it('reverts every migration down to an empty schema and applies them all again', async () => {
    const before = await tables();
    expect(before).toEqual(expect.arrayContaining(['memberships', 'sessions', 'tenants', 'users']));

    const reverted: string[] = [];
    for (let i = 0; i < MIGRATIONS.length; i++) {
      const name = await migrateDownOne(url);
      if (name) reverted.push(name);
    }
    expect(reverted).toEqual(MIGRATIONS.map((migration) => migration.name).reverse());
    expect(await tables()).toEqual(['schema_migrations']);
    expect(await migrateDownOne(url)).toBeNull();

    expect(await migrateUp(url)).toEqual(MIGRATIONS.map((migration) => migration.name));
    expect(await tables()).toEqual(before);
    expect(await migrateUp(url)).toEqual([]);
  });

  it('lets concurrent starts migrate once between them', async () => {
    const fresh = await cloneTemplate(`rapport_test_${requiredEnv(TEST_ENV.runId)}_concurrent`);
    for (let i = 0; i < MIGRATIONS.length; i++) await migrateDownOne(fresh);
    const results = await Promise.all([migrateUp(fresh), migrateUp(fresh), migrateUp(fresh)]);
    expect(results.flat().sort()).toEqual(MIGRATIONS.map((migration) => migration.name).sort());
  });
});
