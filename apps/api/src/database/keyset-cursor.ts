import { ValidationFailedError } from '../errors/app-error';

/** An opaque cursor for keyset pagination on (timestamp, id), newest first. */
export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${new Date(at).toISOString()}|${id}`).toString('base64url');
}

export function decodeCursor(cursor: string): [string, string] {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new ValidationFailedError([{ field: 'cursor', reason: 'is not a cursor from a previous page' }]);
  }
  return [at, id];
}

/**
 * An opaque cursor for a list in one of several orders: the order's name, the last row's sort keys (as
 * PostgreSQL prints them, so they cast back exactly) and its id.
 */
export function encodeSortedCursor(sort: string, keys: readonly string[], id: string): string {
  return Buffer.from(JSON.stringify([sort, keys, id])).toString('base64url');
}

/** The keys and id of a cursor made for `sort` with `keyCount` keys; any other is a 400 on `cursor`. */
export function decodeSortedCursor(cursor: string, sort: string, keyCount: number): [string[], string] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    parsed = null;
  }
  if (
    Array.isArray(parsed) &&
    parsed[0] === sort &&
    Array.isArray(parsed[1]) &&
    parsed[1].length === keyCount &&
    parsed[1].every((key: unknown) => typeof key === 'string') &&
    typeof parsed[2] === 'string' &&
    /^[0-9a-f-]{36}$/.test(parsed[2])
  ) {
    return [parsed[1] as string[], parsed[2]];
  }
  throw new ValidationFailedError([
    { field: 'cursor', reason: 'is not a cursor from a previous page of this order' },
  ]);
}
