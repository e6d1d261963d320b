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
    const path =
      parent === ''
        ? error.property
        : /^\d+$/.test(error.property)
          ? `${parent}[${error.property}]`
          : `${parent}.${error.property}`;
    for (const reason of Object.values(error.constraints ?? {})) {
      fields.push({
        field: path,
        reason: reason.replace(new RegExp(`^${escapeRegExp(error.property)} `), ''),
      });
    }
    if (error.children?.length) fields.push(...flattenValidationErrors(error.children, path));
  }
  return fields;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
