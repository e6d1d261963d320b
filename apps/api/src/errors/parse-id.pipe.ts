import { ParseUUIDPipe, type PipeTransform } from '@nestjs/common';
import { ValidationFailedError } from './app-error';

/** A path id that must be a UUID; anything else is a 400 naming the parameter, never a database error. */
export function ParseId(field = 'id'): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () => new ValidationFailedError([{ field, reason: 'must be a UUID' }]),
  });
}

/** A path segment that must be one of a fixed set of values (a kind, a language). */
export function ParseOneOf<T extends string>(values: readonly T[], field: string): PipeTransform<string, T> {
  return {
    transform(value: string): T {
      if ((values as readonly string[]).includes(value)) return value as T;
      throw new ValidationFailedError([{ field, reason: `must be one of ${values.join(', ')}` }]);
    },
  };
}
