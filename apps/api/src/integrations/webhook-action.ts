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
