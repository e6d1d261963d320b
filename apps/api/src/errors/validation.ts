import { ValidationPipe, type ValidationError } from '@nestjs/common';
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
    stopAtFirstError: true,
    exceptionFactory: (errors) => new ValidationFailedError(flattenValidationErrors(errors)),
  });
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
