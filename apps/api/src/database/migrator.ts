import type { DataSource } from 'typeorm';
import { MIGRATIONS_TABLE } from './database-roles';
import { MIGRATIONS } from './migrations';
import { ownerDataSource } from './data-source';

/** Any stable number: replicas starting together take turns instead of racing through migrations. */
const MIGRATION_LOCK_KEY = 7_310_420_001;

/** Applies pending migrations as the owner role; returns the names applied. */
export async function migrateUp(ownerUrl: string): Promise<string[]> {
  return withOwner(ownerUrl, async (dataSource) => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  });
}

/** Reverts the most recent migration; returns its name, or null when none was applied. */
export async function migrateDownOne(ownerUrl: string): Promise<string | null> {
  return withOwner(ownerUrl, async (dataSource) => {
    const before = await appliedMigrationNames(dataSource);
    if (before.length === 0) return null;
    await dataSource.undoLastMigration({ transaction: 'each' });
    return before[before.length - 1] ?? null;
  });
}

/** Names of migrations known to the code but not yet applied to the database. */
export async function pendingMigrations(dataSource: DataSource): Promise<string[]> {
  const applied = new Set(await appliedMigrationNames(dataSource));
  return MIGRATIONS.map((migration) => migration.name).filter((name) => !applied.has(name));
}

async function appliedMigrationNames(dataSource: DataSource): Promise<string[]> {
  const [table] = await dataSource.query(`SELECT to_regclass($1) AS name`, [MIGRATIONS_TABLE]);
  if (!table?.name) return [];
  const rows: { name: string }[] = await dataSource.query(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY id`);
  return rows.map((row) => row.name);
}

async function withOwner<T>(ownerUrl: string, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = await ownerDataSource(ownerUrl).initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return await work(dataSource);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
    await dataSource.destroy();
  }
}
