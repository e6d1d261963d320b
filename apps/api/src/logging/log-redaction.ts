import { createHash } from 'node:crypto';

/**
 * Paths whose next segment is a secret: buyers' links, invitation tokens and the Inbound Parse path. The
 * segment is logged as its name and the first 6 hex digits of its SHA-256, enough to follow one link
 * through the logs and far too little to rebuild it.
 */
const SECRET_SEGMENTS: readonly { prefix: string; name: string }[] = [
  { prefix: '/api/a/', name: 'token' },
  { prefix: '/api/u/', name: 'token' },
  { prefix: '/api/h/', name: 'token' },
  { prefix: '/api/f/', name: 'address' },
  { prefix: '/api/r/', name: 'address' },
  { prefix: '/api/invitations/', name: 'token' },
  { prefix: '/api/inbound/', name: 'secret' },
];

/** Query parameter names kept in the log (their values never are); anything else is shown as `…`. */
const PARAMETER_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,23}$/;

/** A short fingerprint of a secret: the first 6 hex digits of its SHA-256. */
export function secretFingerprint(secret: string): string {
  return createHash('sha256').update(secret).digest('hex').slice(0, 6);
}

/**
 * The request URL as it may be logged: the secret segment of a known path replaced by `:name#<hash>`, and
 * the query reduced to its parameter names (values may carry tokens, email addresses or search terms).
 */
export function loggableUrl(url: string): string {
  const queryAt = url.indexOf('?');
  const path = queryAt < 0 ? url : url.slice(0, queryAt);
  const query = queryAt < 0 ? '' : loggableQuery(url.slice(queryAt + 1));
  return `${loggablePath(path)}${query}`;
}

function loggablePath(rawPath: string): string {
  // The router decodes percent-escapes before matching, so `/api/%61/<token>` reaches the answer page too;
  // and a request line may name the whole URL (`GET http://host/api/a/<token>`), so a known path is looked
  // for anywhere in it, not only at its start.
  const path = safeDecode(rawPath);
  let redacted = path;
  let found = false;
  for (const { prefix, name } of SECRET_SEGMENTS) {
    let at = redacted.indexOf(prefix);
    while (at >= 0) {
      const start = at + prefix.length;
      const slash = redacted.indexOf('/', start);
      const end = slash < 0 ? redacted.length : slash;
      const secret = redacted.slice(start, end);
      if (secret !== '' && !secret.startsWith(`:${name}#`)) {
        const replacement = `:${name}#${secretFingerprint(secret)}`;
        redacted = `${redacted.slice(0, start)}${replacement}${redacted.slice(end)}`;
        found = true;
      }
      at = redacted.indexOf(prefix, start + 1);
    }
  }
  return found ? redacted : rawPath;
}

function loggableQuery(query: string): string {
  if (query === '') return '?';
  const names = query.split('&').map((pair) => {
    const name = safeDecode(pair.split('=')[0] ?? '');
    return PARAMETER_NAME.test(name) ? name : '…';
  });
  return `?${names.join('&')}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Fields of an error that are safe to log; anything else (a query's parameters, a response) is left out. */
const ERROR_FIELDS = ['code', 'statusCode', 'status', 'constraint', 'table', 'routine'] as const;

export interface LoggedError {
  type: string;
  message: string;
  stack?: string;
  cause?: LoggedError | string;
  [field: string]: unknown;
}

/**
 * pino's error serializer copies every enumerable property, and some errors carry secrets in theirs:
 * TypeORM's QueryFailedError holds the statement's parameters (token hashes, emails), HTTP client errors
 * the request with its Authorization header. This keeps the type, message, stack and a few codes.
 */
export function loggableError(error: unknown, depth = 0): LoggedError | string {
  if (!(error instanceof Error)) return typeof error === 'string' ? error : String(error);
  const logged: LoggedError = { type: error.constructor?.name ?? error.name, message: error.message };
  if (error.stack) logged.stack = error.stack;
  const fields = error as unknown as Record<string, unknown>;
  for (const field of ERROR_FIELDS) {
    const value = fields[field];
    if (typeof value === 'string' || typeof value === 'number') logged[field] = value;
  }
  if (error.cause !== undefined && depth < 3) logged.cause = loggableError(error.cause, depth + 1);
  return logged;
}
