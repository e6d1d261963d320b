import type { EntityManager } from 'typeorm';

/**
 * Rows of any statement. TypeORM's `query()` answers UPDATE and DELETE with `[rows, affectedCount]` but
 * SELECT and INSERT with the rows alone; this evens that out for `... RETURNING` statements.
 */
export async function queryRows<T>(manager: EntityManager, sql: string, parameters: unknown[]): Promise<T[]> {
  const result: unknown = await manager.query(sql, parameters);
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T[];
  }
  return result as T[];
}
