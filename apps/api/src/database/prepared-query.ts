import type { QueryResult } from 'pg';
import type { EntityManager } from 'typeorm';

interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<QueryResult>;
}

/**
 * A named prepared statement on the manager's connection. PostgreSQL parses and plans a named statement
 * once per connection and reuses the plan, where TypeORM's `query()` has every call parsed and planned
 * again; for a statement run once per message that planning costs more than running it.
 * `name` must stand for one text only.
 */
async function runPrepared(
  manager: EntityManager,
  name: string,
  text: string,
  values: unknown[],
): Promise<QueryResult> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('A prepared statement needs a manager bound to a connection');
  const client = (await runner.connect()) as PgClient;
  return client.query({ name, text, values });
}

/** Rows of a named prepared statement (see `runPrepared`). */
export async function preparedQuery<T extends object>(
  manager: EntityManager,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const result = await runPrepared(manager, name, text, values);
  return result.rows as T[];
}

/** Runs a named prepared statement for its effect; answers how many rows it touched. */
export async function preparedExecute(
  manager: EntityManager,
  name: string,
  text: string,
  values: unknown[],
): Promise<number> {
  const result = await runPrepared(manager, name, text, values);
  return result.rowCount ?? 0;
}
