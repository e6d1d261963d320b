import { HttpErrorResponse } from '@angular/common/http';
import type { AbstractControl, FormGroup } from '@angular/forms';
import type { ApiErrorBody, FieldError } from '@rapport/domain';

export interface ApiProblem {
  status: number;
  message: string;
  /** Field name -> reason, from a 400's details (the first reason of each field). */
  fields: Record<string, string>;
  /** Every problem of a 400, in the API's order (a field may have several, e.g. a template's lines). */
  details: FieldError[];
}

/** What went wrong, in words for the person at the screen. */
export function apiProblemOf(error: unknown): ApiProblem {
  if (error instanceof HttpErrorResponse) {
    const body = error.error as Partial<ApiErrorBody> | null;
    const details = body?.details ?? [];
    const fields: Record<string, string> = {};
    for (const detail of details) fields[detail.field] ??= detail.reason;
    if (error.status === 0) {
      return {
        status: 0,
        message: 'Rapport cannot be reached. Check your connection and try again.',
        fields,
        details,
      };
    }
    if (error.status === 429) {
      const wait = error.headers.get('retry-after');
      return {
        status: 429,
        message: `${body?.message ?? 'Too many attempts.'}${wait ? ` Try again in ${wait} s.` : ''}`,
        fields,
        details,
      };
    }
    return {
      status: error.status,
      message: body?.message ?? 'Something went wrong. Please try again.',
      fields,
      details,
    };
  }
  return {
    status: 0,
    message: error instanceof Error ? error.message : 'Something went wrong. Please try again.',
    fields: {},
    details: [],
  };
}

/**
 * Puts each field's reason from the API on the matching control (as the `server` error), so it shows under
 * the field like a local validation error. Returns true when at least one field was matched.
 */
export function showFieldProblems(
  form: FormGroup,
  problem: ApiProblem,
  labels: Record<string, string> = {},
): boolean {
  let isMatched = false;
  for (const [field, reason] of Object.entries(problem.fields)) {
    const control: AbstractControl | null = form.get(field);
    if (!control) continue;
    control.setErrors({ server: `${labels[field] ?? 'This'} ${reason}` });
    control.markAsTouched();
    isMatched = true;
  }
  return isMatched;
}
