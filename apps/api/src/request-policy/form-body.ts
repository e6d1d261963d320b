import type { FormValues } from '@rapport/domain';

/** Whether a parsed body is an HTML form's fields: names to text, or lists of text for repeated names. */
export function isFormBody(body: unknown): body is FormValues {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  return Object.values(body).every(
    (value) =>
      typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string')),
  );
}
