import type { EntityManager, QueryResult } from 'typeorm';

/**
 * Every statement of the API goes through these helpers, each naming the row type it answers, on a
 * manager that `TenantDatabase` handed out (a tenant, a user or the global scope) or, for the reviewed
 * cross-tenant functions, the data source's own manager (see docs/adr/0007-typed-sql.md).
 *
 * TypeORM's `query()` answers UPDATE and DELETE with `[rows, affectedCount]` but other statements with the
 * rows alone; the structured result used here carries both, whatever the statement.
 */
async function run(
  manager: EntityManager,
  sql: string,
  parameters: readonly unknown[],
): Promise<QueryResult> {
  const runner = manager.queryRunner ?? manager.dataSource.createQueryRunner();
  try {
    return (await runner.query(sql, [...parameters], true)) as QueryResult;
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}

/** The rows a statement answers (a SELECT, or any statement with `RETURNING`). */
export async function queryRows<T extends object>(
  manager: EntityManager,
  sql: string,
  parameters: readonly unknown[] = [],
): Promise<T[]> {
  const result = await run(manager, sql, parameters);
  return (result.records ?? []) as T[];
}

/** The first row a statement answers, or null when it answers none. */
export async function queryRow<T extends object>(
  manager: EntityManager,
  sql: string,
  parameters: readonly unknown[] = [],
): Promise<T | null> {
  const [row] = await queryRows<T>(manager, sql, parameters);
  return row ?? null;
}

/** Runs a statement for its effect and answers how many rows it inserted, updated or deleted. */
export async function execute(
  manager: EntityManager,
  sql: string,
  parameters: readonly unknown[] = [],
): Promise<number> {
  const result = await run(manager, sql, parameters);
  return result.affected ?? 0;
}
