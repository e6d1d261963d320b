import type { QueryResult } from 'pg';
import type { EntityManager } from 'typeorm';

interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<QueryResult>;
}

/**
 * Rows of a named prepared statement on the manager's connection. PostgreSQL parses and plans a named
 * statement once per connection and reuses the plan, where TypeORM's `query()` has every call parsed and
 * planned again; for a statement run once per message that planning costs more than running it.
 * `name` must stand for one text only.
 */
export async function preparedQuery<T>(
  manager: EntityManager,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('A prepared statement needs a manager bound to a connection');
  const client = (await runner.connect()) as PgClient;
  const result = await client.query({ name, text, values });
  return result.rows as T[];
}
