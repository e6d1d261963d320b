import type { FieldError } from '@rapport/domain';

/**
 * A failure the API explains to its caller. Features throw subclasses; one filter turns them into
 * `{ statusCode, error, message, details }`.
 */
export abstract class AppError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;

  constructor(
    message: string,
    readonly details?: FieldError[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationFailedError extends AppError {
  readonly status = 400;
  readonly code = 'validation_failed';
  constructor(details: FieldError[]) {
    super(
      `Invalid request: ${details.map((detail) => `${detail.field} ${detail.reason}`).join('; ')}`,
      details,
    );
  }
}

/** Also what another tenant's id answers: indistinguishable from an id that does not exist. */
export class NotFoundError extends AppError {
  readonly status = 404;
  readonly code = 'not_found';
  constructor(what = 'Resource') {
    super(`${what} not found`);
  }
}

export class UnauthenticatedError extends AppError {
  readonly status = 401;
  readonly code = 'unauthenticated';
  constructor(message = 'Sign in to continue') {
    super(message);
  }
}

export class ForbiddenError extends AppError {
  readonly status = 403;
  readonly code = 'forbidden';
  constructor(message = 'You do not have permission to do this') {
    super(message);
  }
}

/** A single-use or time-limited link that can no longer be used. */
export class LinkExpiredError extends AppError {
  readonly status = 410;
  readonly code = 'link_expired';
}

/** A caller past its limit: answered 429 with Retry-After. */
export class TooManyRequestsError extends AppError {
  readonly status = 429;
  readonly code = 'too_many_requests';
  constructor(
    readonly retryAfterSeconds: number,
    message = 'Too many attempts. Try again later.',
  ) {
    super(message);
  }
}
