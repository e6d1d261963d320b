import { type BuyerLocale, isEmailAddress, normalizeEmail, normalizeTags } from '../commerce/customers';
import type { OrderStatus } from '../commerce/orders';
import type { UpsertCustomerRequest } from '../contracts/commerce';
import type { ImportField, ImportMapping } from './import-fields';

export type ColumnType = 'empty' | 'email' | 'date' | 'number' | 'text';

export type RowResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/** What a column holds, judged from its first values: shown next to the column while mapping. */
export function detectColumnType(values: readonly string[]): ColumnType {
  const filled = values.map((value) => value.trim()).filter((value) => value !== '');
  if (filled.length === 0) return 'empty';
  if (filled.every((value) => isEmailAddress(value))) return 'email';
  if (filled.every((value) => parseImportDate(value) !== null && /\d{4}/.test(value))) return 'date';
  if (filled.every((value) => parseImportAmount(value) !== null)) return 'number';
  return 'text';
}

const ISO = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Dates as shops export them: ISO 8601 (`2026-11-20`, `2026-11-20T10:15:00Z`) and Shopify's
 * `2026-11-20 10:15:00 +0100`. A date without a zone is read as UTC. Day/month orders are refused: 03/04
 * means different days in different countries.
 */
export function parseImportDate(text: string): Date | null {
  const value = text.trim();
  if (!ISO.test(value)) return null;
  const normalized = value
    .replace(' ', 'T')
    .replace(/\s+/, '')
    .replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const hasZone = /(Z|[+-]\d{2}:\d{2})$/i.test(normalized);
  const withTime = /T/.test(normalized) ? normalized : `${normalized}T00:00:00`;
  const date = new Date(hasZone ? withTime : `${withTime}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `12.50`, `12,50`, `1,234.50`, `1.234,50`, `€12.50` -> "12.50"; null when it is not an amount. */
export function parseImportAmount(text: string): string | null {
  // Currency symbols around the number are fine ("€12.50", "12.50 €"); anything else is not an amount.
  let value = text.trim().replace(/^[\s€$£¥]+|[\s€$£¥]+$/g, '');
  if (!/^\d[\d.,]*$/.test(value)) return null;
  const lastComma = value.lastIndexOf(',');
  const lastDot = value.lastIndexOf('.');
  const decimalMark = lastComma > lastDot && value.length - lastComma <= 3 ? ',' : '.';
  value = decimalMark === ',' ? value.replace(/\./g, '').replace(',', '.') : value.replace(/,/g, '');
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(value)) return null;
  const [units = '0', cents = ''] = value.split('.');
  return `${BigInt(units).toString()}.${cents.padEnd(2, '0')}`;
}

const STATUS_WORDS: Record<string, OrderStatus> = {
  placed: 'placed',
  pending: 'placed',
  processing: 'placed',
  'on-hold': 'placed',
  unfulfilled: 'placed',
  paid: 'placed',
  fulfilled: 'fulfilled',
  partial: 'fulfilled',
  completed: 'fulfilled',
  shipped: 'fulfilled',
  delivered: 'delivered',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  failed: 'cancelled',
  refunded: 'refunded',
};

function pick(
  record: Readonly<Record<string, string>>,
  mapping: ImportMapping,
): Partial<Record<ImportField, string>> {
  const values: Partial<Record<ImportField, string>> = {};
  for (const [column, field] of Object.entries(mapping)) {
    const value = record[column]?.trim();
    if (value) values[field] = value;
  }
  return values;
}

function locale(value: string | undefined): BuyerLocale | undefined {
  const language = value?.slice(0, 2).toLowerCase();
  return language === 'en' || language === 'es' || language === 'fr' || language === 'de'
    ? language
    : undefined;
}

function buyerName(values: Partial<Record<ImportField, string>>): string | undefined {
  return (
    values.name ??
    values.customerName ??
    ([values.firstName, values.lastName].filter(Boolean).join(' ') || undefined)
  );
}

/** One row of a customers file, or why it is refused. */
export function readCustomerRow(
  record: Readonly<Record<string, string>>,
  mapping: ImportMapping,
): RowResult<UpsertCustomerRequest & { email: string }> {
  const values = pick(record, mapping);
  if (!values.email) return { ok: false, reason: 'The email is empty' };
  if (!isEmailAddress(values.email))
    return { ok: false, reason: `"${values.email}" is not an email address` };
  const consent = values.consent?.toLowerCase();
  return {
    ok: true,
    value: {
      email: normalizeEmail(values.email),
      name: buyerName(values)?.slice(0, 200),
      phone: values.phone?.slice(0, 40),
      locale: locale(values.locale),
      tags: values.tags ? normalizeTags(values.tags.split(/[,;|]/)) : undefined,
      consentBasis:
        consent === undefined
          ? undefined
          : ['yes', 'true', '1', 'subscribed', 'y'].includes(consent)
            ? 'explicit_consent'
            : 'purchase_notice',
    },
  };
}

export interface OrderImportRow {
  externalId: string;
  customer: UpsertCustomerRequest & { email: string };
  placedAt: Date;
  status: OrderStatus;
  total: string;
  currency: string;
  line: { productName: string; sku: string | null; quantity: number; unitPrice: string } | null;
}

/** One row of an orders file (one order line, the order's columns repeated), or why it is refused. */
export function readOrderRow(
  record: Readonly<Record<string, string>>,
  mapping: ImportMapping,
): RowResult<OrderImportRow> {
  const values = pick(record, mapping);
  if (!values.externalId) return { ok: false, reason: 'The order number is empty' };
  const customer = readCustomerRow(record, mapping);
  if (!customer.ok) return customer;
  const placedAt = values.placedAt ? parseImportDate(values.placedAt) : null;
  if (!placedAt)
    return {
      ok: false,
      reason: `"${values.placedAt ?? ''}" is not a date like 2026-11-20 or 2026-11-20T10:15:00Z`,
    };
  const total = values.total ? parseImportAmount(values.total) : null;
  if (total === null)
    return { ok: false, reason: `The total "${values.total ?? ''}" is not an amount like 12.50` };
  const currency = values.currency?.toUpperCase() ?? '';
  if (!/^[A-Z]{3}$/.test(currency))
    return { ok: false, reason: `"${values.currency ?? ''}" is not a currency code like EUR` };
  const status = values.status ? STATUS_WORDS[values.status.toLowerCase()] : 'placed';
  if (!status) return { ok: false, reason: `"${values.status}" is not an order status` };
  let line: OrderImportRow['line'] = null;
  if (values.productName) {
    const quantity = values.quantity === undefined ? 1 : Number(values.quantity);
    if (!Number.isInteger(quantity) || quantity < 1)
      return { ok: false, reason: `The quantity "${values.quantity}" is not a whole number above 0` };
    const unitPrice = values.unitPrice === undefined ? '0.00' : parseImportAmount(values.unitPrice);
    if (unitPrice === null)
      return { ok: false, reason: `The unit price "${values.unitPrice}" is not an amount like 4.50` };
    line = { productName: values.productName.slice(0, 200), sku: values.sku ?? null, quantity, unitPrice };
  }
  return {
    ok: true,
    value: {
      externalId: values.externalId.slice(0, 100),
      customer: customer.value,
      placedAt,
      status,
      total,
      currency,
      line,
    },
  };
}
