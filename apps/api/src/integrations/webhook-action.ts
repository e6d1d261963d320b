import type { OrderStatus, UpsertOrderRequest } from '@rapport/domain';

/** What one verified webhook delivery asks Rapport to do. */
export type WebhookAction =
  | { kind: 'upsert-order'; order: UpsertOrderRequest }
  | { kind: 'order-status'; externalId: string; status: OrderStatus; at: Date }
  | { kind: 'ignore'; reason: string };

/** A payload that passed the signature check but cannot be understood. */
export class WebhookPayloadError extends Error {}

export function requireString(value: unknown, what: string): string {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number') return String(value);
  throw new WebhookPayloadError(`${what} is missing`);
}

/** Orders older than this or placed later than two days from now are taken for a mistake. */
const EARLIEST_INSTANT = Date.UTC(1970, 0, 1);
const LATEST_AHEAD_MS = 2 * 24 * 3600 * 1000;

/**
 * An instant from a provider: an ISO 8601 string or Unix seconds, within a sensible range. Answers the ISO
 * form; anything else is refused with the field, the value and the reason.
 */
export function requireInstant(value: unknown, what: string, now = new Date()): string {
  const time =
    typeof value === 'number'
      ? value * 1000
      : typeof value === 'string' && isCalendarDateTime(value.trim())
        ? Date.parse(value.trim().replace(' ', 'T'))
        : Number.NaN;
  if (!Number.isFinite(time))
    throw new WebhookPayloadError(
      `${what}: ${describe(value)} is not a date-time (ISO 8601 or Unix seconds)`,
    );
  if (time < EARLIEST_INSTANT || time > now.getTime() + LATEST_AHEAD_MS)
    throw new WebhookPayloadError(`${what}: ${describe(value)} is out of range (1970 to two days from now)`);
  return new Date(time).toISOString();
}

/**
 * Whether text starts with a date and time that exist on the calendar: `Date.parse` reads 30 February as
 * 2 March, which would file an order on a day nobody placed it.
 */
function isCalendarDateTime(text: string): boolean {
  const parts = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})/.exec(text);
  if (!parts) return false;
  const [year, month, day, hour, minute] = parts.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59;
}

/** A line quantity: a whole number from 1 to 100,000 (absent means one). */
export function requireQuantity(value: unknown, what: string): number {
  if (value === undefined || value === null) return 1;
  const quantity = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1 || quantity > 100_000)
    throw new WebhookPayloadError(`${what}: ${describe(value)} is not a whole number from 1 to 100000`);
  return quantity;
}

function describe(value: unknown): string {
  const text = typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** `es-ES` -> `es` when the product speaks it. */
export function buyerLocale(value: unknown): 'en' | 'es' | 'fr' | 'de' | undefined {
  const language = typeof value === 'string' ? value.slice(0, 2).toLowerCase() : '';
  return language === 'en' || language === 'es' || language === 'fr' || language === 'de'
    ? language
    : undefined;
}

export function fullName(first: unknown, last: unknown): string | undefined {
  const name = [optionalString(first), optionalString(last)].filter(Boolean).join(' ');
  return name || undefined;
}
