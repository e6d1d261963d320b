import type { EntityManager } from 'typeorm';
import { execute } from './query-rows';

/**
 * Runs one piece of a larger transaction so that its failure undoes its own writes only: an import's
 * refused row leaves the rest of its batch to commit.
 */
export async function withinSavepoint<T>(manager: EntityManager, work: () => Promise<T>): Promise<T> {
  await execute(manager, 'SAVEPOINT one_piece');
  try {
    const result = await work();
    await execute(manager, 'RELEASE SAVEPOINT one_piece');
    return result;
  } catch (error) {
    await execute(manager, 'ROLLBACK TO SAVEPOINT one_piece');
    throw error;
  }
}
