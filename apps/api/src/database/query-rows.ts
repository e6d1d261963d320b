import type { EntityManager, QueryResult } from 'typeorm';

// Every statement of the API goes through these helpers, each naming the row type it answers, on a manager
// that `TenantDatabase` handed out (a tenant, a user or the global scope) or, for the few single statements
// outside any transaction, the data source's own manager (see docs/adr/0007-typed-sql.md).

/** What a statement answered: its rows and how many rows it touched. */
interface Outcome {
  rows: unknown[];
  affected: number;
}

/**
 * On a transaction's manager the statement runs on its query runner, whose structured result carries the
 * rows and the affected count for every kind of statement. Without a runner it goes through
 * `DataSource.query` (a pooled connection for the one statement), which answers UPDATE and DELETE with
 * `[rows, affectedCount]` and anything else with the rows alone.
 */
async function run(manager: EntityManager, sql: string, parameters: readonly unknown[]): Promise<Outcome> {
  const runner = manager.queryRunner;
  if (runner) {
    const result = (await runner.query(sql, [...parameters], true)) as QueryResult;
    return { rows: result.records ?? [], affected: result.affected ?? 0 };
  }
  const raw: unknown = await manager.dataSource.query(sql, [...parameters]);
  if (Array.isArray(raw) && raw.length === 2 && Array.isArray(raw[0]) && typeof raw[1] === 'number') {
    return { rows: raw[0], affected: raw[1] };
  }
  const rows = Array.isArray(raw) ? raw : [];
  return { rows, affected: rows.length };
}

/** The rows a statement answers (a SELECT, or any statement with `RETURNING`). */
export async function queryRows<T extends object>(
  manager: EntityManager,
  sql: string,
  parameters: readonly unknown[] = [],
): Promise<T[]> {
  const { rows } = await run(manager, sql, parameters);
  return rows as T[];
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

/**
 * Runs a statement for its effect and answers how many rows it inserted, updated or deleted (outside a
 * transaction, an INSERT counts the rows it returns).
 */
export async function execute(
  manager: EntityManager,
  sql: string,
  parameters: readonly unknown[] = [],
): Promise<number> {
  const { affected } = await run(manager, sql, parameters);
  return affected;
}
