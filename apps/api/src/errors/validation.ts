import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { FieldError } from '@rapport/domain';
import { ValidationFailedError } from './app-error';

/**
 * Validates every DTO: unknown fields are refused (no mass assignment of ids, tenant or role), and each
 * failure names its field path and reason.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // Per field: its first failure (the basic type check runs first), while every field is still reported.
    stopAtFirstError: true,
    exceptionFactory: (errors) => new ValidationFailedError(flattenValidationErrors(errors)),
  });
}

/**
 * Checks a value that did not come through a request body (a provider's order, a sign-in before passport
 * reads it) against a DTO class, exactly as the pipe would: every field error at once, nested ones included.
 */
export function validationErrorsOf(dto: new () => object, value: unknown): FieldError[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return [{ field: 'body', reason: 'must be a JSON object' }];
  return flattenValidationErrors(
    validateSync(plainToInstance(dto, value), {
      whitelist: true,
      forbidNonWhitelisted: true,
      stopAtFirstError: true,
    }),
  );
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const fields: FieldError[] = [];
  for (const error of errors) {
    // A property name is the sender's: a very long one is shortened, and read as text, never as a pattern.
    const property = error.property.length > 200 ? `${error.property.slice(0, 200)}…` : error.property;
    const path =
      parent === '' ? property : /^\d+$/.test(property) ? `${parent}[${property}]` : `${parent}.${property}`;
    for (const reason of Object.values(error.constraints ?? {})) {
      const prefix = `${error.property} `;
      fields.push({
        field: path,
        reason: (reason.startsWith(prefix) ? reason.slice(prefix.length) : reason).slice(0, 500),
      });
    }
    if (error.children?.length) fields.push(...flattenValidationErrors(error.children, path));
  }
  return fields;
}
