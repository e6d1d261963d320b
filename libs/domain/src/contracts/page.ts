/** A keyset-paginated slice of a list: pass `nextCursor` back to get the following page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
