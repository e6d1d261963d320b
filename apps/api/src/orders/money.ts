import { ValidationFailedError } from '../errors/app-error';

/**
 * A money amount as a decimal string with two places ("12.50"). Amounts never pass through floating
 * point on the way to the database; `numeric(14,2)` keeps them exact.
 */
export const AMOUNT_RULE = 'must be an amount like 12.50 (at most 2 decimals, not negative)';

const amountText = (value: unknown): string =>
  typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';

export function isAmount(value: unknown): boolean {
  return /^\d{1,12}(\.\d{1,2})?$/.test(amountText(value));
}

export function toAmount(value: unknown, field: string): string {
  const text = amountText(value);
  if (!isAmount(text)) {
    throw new ValidationFailedError([{ field, reason: AMOUNT_RULE }]);
  }
  const [units = '0', cents = ''] = text.split('.');
  return `${BigInt(units).toString()}.${cents.padEnd(2, '0')}`;
}
