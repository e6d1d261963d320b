import { ParseUUIDPipe } from '@nestjs/common';
import { ValidationFailedError } from './app-error';

/** A path id that must be a UUID; anything else is a 400 naming the parameter, never a database error. */
export function ParseId(field = 'id'): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () => new ValidationFailedError([{ field, reason: 'must be a UUID' }]),
  });
}
