import type { Page } from '@rapport/domain';
import { KeysetList } from '@rapport/ui';
import { apiProblemOf } from './api-error';

/** A list page's rows from the API, a failure said the console's way (what the API answered, or why not). */
export function keysetList<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>): KeysetList<T> {
  return new KeysetList(fetchPage, (error) => apiProblemOf(error).message);
}

/** A list the API answers whole (no cursor), shown the same way as a paged one. */
export function wholeList<T>(fetchAll: () => Promise<T[]>): KeysetList<T> {
  return keysetList(async () => ({ items: await fetchAll(), nextCursor: null }));
}
