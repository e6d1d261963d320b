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
