import { clipText } from '../imports/import-values';

export const SUBSCRIPTION_STATES = ['subscribed', 'unsubscribed', 'bounced', 'complained'] as const;
export type SubscriptionState = (typeof SUBSCRIPTION_STATES)[number];

/**
 * Orders of the customers list: newest first (the default), by name (A to Z, nameless last), by latest
 * order (most recent first, never ordered last) and by number of orders (most first). Ties go by id, so
 * paging never skips nor repeats a buyer.
 */
export const CUSTOMER_SORTS = ['newest', 'name', 'last-order', 'orders'] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

/** The sort a query string names, or the default when it names none the list knows. */
export function customerSortOf(value: string | null | undefined): CustomerSort {
  return (CUSTOMER_SORTS as readonly string[]).includes(value ?? '') ? (value as CustomerSort) : 'newest';
}

/** Why the business may email the buyer: a notice at purchase, an explicit opt-in, or not recorded. */
export const CONSENT_BASES = ['purchase_notice', 'explicit_consent', 'unknown'] as const;
export type ConsentBasis = (typeof CONSENT_BASES)[number];

export const BUYER_LOCALES = ['en', 'es', 'fr', 'de'] as const;
export type BuyerLocale = (typeof BUYER_LOCALES)[number];

/** Each language's name in English, as the console shows it. */
export const BUYER_LOCALE_NAMES: Readonly<Record<BuyerLocale, string>> = {
  en: 'English',
  es: 'Spanish',
  fr: 'French',
  de: 'German',
};

const EMAIL = /^[^\s@"(),:;<>[\]\\]+@[^\s@"(),:;<>[\]\\]+\.[^\s@"(),:;<>[\]\\]{2,}$/;

/** A buyer's email as stored and compared: trimmed and lower-cased (addresses are matched case-blind). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A pragmatic check: one @, a dot in the domain, no spaces or characters mail servers reject. */
export function isEmailAddress(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 254 && EMAIL.test(value.trim());
}

/** Tags as stored: trimmed, lower-cased, unique, in the order first seen. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const tag of tags) {
    const clean = tag.trim().toLowerCase();
    if (clean) seen.add(clipText(clean, 50));
  }
  return [...seen];
}
