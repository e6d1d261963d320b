import { fieldNamedBy } from './header-names';
import type { ImportField, ImportKind, ImportMapping } from './import-fields';
import { fieldsOf, isInteractionImport } from './import-fields';
import { interactionFieldNamedBy } from './interaction-header-names';
import { normalizeWord } from './import-values';

export interface ImportPreset {
  id: string;
  label: string;
  kind: ImportKind;
  /** Header (as exported) -> field. Two headers may name one field: the first the file has is used. */
  columns: Record<string, ImportField>;
}

/** Column names of the shops' own export files. */
export const IMPORT_PRESETS: readonly ImportPreset[] = [
  {
    id: 'shopify-customers',
    label: 'Shopify customers export',
    kind: 'customers',
    columns: {
      'First Name': 'firstName',
      'Last Name': 'lastName',
      Email: 'email',
      Phone: 'phone',
      Tags: 'tags',
      'Accepts Email Marketing': 'consent',
    },
  },
  {
    // Admin -> Orders -> Export: one row per line item; an order's later rows leave its columns empty.
    id: 'shopify-orders',
    label: 'Shopify orders export',
    kind: 'orders',
    columns: {
      Name: 'externalId',
      Email: 'email',
      'Billing Name': 'customerName',
      'Created at': 'placedAt',
      Total: 'total',
      Currency: 'currency',
      'Lineitem name': 'productName',
      'Lineitem sku': 'sku',
      'Lineitem quantity': 'quantity',
      'Lineitem price': 'unitPrice',
      'Fulfillment Status': 'status',
      'Financial Status': 'paymentStatus',
      'Cancelled at': 'cancelledAt',
      'Refunded Amount': 'refundedAmount',
    },
  },
  {
    id: 'woocommerce-customers',
    label: 'WooCommerce customers export',
    kind: 'customers',
    columns: {
      'First Name': 'firstName',
      'Last Name': 'lastName',
      Email: 'email',
      'Billing Phone': 'phone',
    },
  },
  {
    id: 'woocommerce-orders',
    label: 'WooCommerce orders export',
    kind: 'orders',
    columns: {
      'Order Number': 'externalId',
      'Order ID': 'externalId',
      'Order Date': 'placedAt',
      'Order Status': 'status',
      'Billing Email': 'email',
      'Billing First Name': 'firstName',
      'Billing Last Name': 'lastName',
      'Order Total': 'total',
      'Order Currency': 'currency',
      'Item Name': 'productName',
      SKU: 'sku',
      Quantity: 'quantity',
      'Item Cost': 'unitPrice',
    },
  },
  {
    // WooCommerce Customer / Order / Coupon Export, "one row per item": the order's columns on every row.
    id: 'woocommerce-order-export',
    label: 'WooCommerce Customer / Order / Coupon Export (one row per item)',
    kind: 'orders',
    columns: {
      order_number: 'externalId',
      order_id: 'externalId',
      order_date: 'placedAt',
      date_created: 'placedAt',
      status: 'status',
      billing_email: 'email',
      customer_email: 'email',
      billing_first_name: 'firstName',
      billing_last_name: 'lastName',
      order_total: 'total',
      order_currency: 'currency',
      item_name: 'productName',
      item_sku: 'sku',
      item_quantity: 'quantity',
      item_subtotal: 'lineTotal',
      refunded_total: 'refundedAmount',
    },
  },
  {
    // Scheduled events -> Export: one row per invitee of an event.
    id: 'calendly-events',
    label: 'Calendly scheduled events export',
    kind: 'appointments',
    columns: {
      'Invitee Email': 'email',
      'Invitee Name': 'name',
      'Invitee First Name': 'firstName',
      'Invitee Last Name': 'lastName',
      'Text Reminder Number': 'phone',
      'Event Type Name': 'subject',
      'Start Date & Time': 'startsAt',
      'End Date & Time': 'endsAt',
      'Event Created Date & Time': 'occurredAt',
      Canceled: 'isCancelled',
      'Marked as No-Show': 'isNoShow',
    },
  },
  {
    // Reports -> Export: one row per appointment; the client's details on each.
    id: 'acuity-appointments',
    label: 'Acuity Scheduling appointments export',
    kind: 'appointments',
    columns: {
      'Appointment ID': 'externalId',
      'Start Time': 'startsAt',
      'End Time': 'endsAt',
      'First Name': 'firstName',
      'Last Name': 'lastName',
      Phone: 'phone',
      Email: 'email',
      Type: 'subject',
      Notes: 'message',
      'Date Scheduled': 'occurredAt',
    },
  },
];

/** An order file's names that mean the same in an enquiry, quote or booking file. */
const ORDER_FIELD_ELSEWHERE: Partial<Record<ImportField, ImportField>> = {
  placedAt: 'occurredAt',
  total: 'amount',
  customerName: 'name',
};

/**
 * The preset whose columns the file has (most of the fields it names), else a mapping guessed from the
 * headers' names in English, Spanish, French or German. The person confirms or corrects it before
 * anything is imported.
 */
export function suggestMapping(
  kind: ImportKind,
  headers: readonly string[],
): { preset: string | null; mapping: ImportMapping } {
  const headerByKey = new Map<string, string>();
  for (const header of headers) {
    const key = normalizeWord(header);
    if (!headerByKey.has(key)) headerByKey.set(key, header);
  }
  const preset = bestPreset(kind, headerByKey);
  if (preset) {
    const mapping: ImportMapping = {};
    const used = new Set<ImportField>();
    for (const [column, field] of Object.entries(preset.columns)) {
      const header = headerByKey.get(normalizeWord(column));
      if (header !== undefined && !used.has(field) && mapping[header] === undefined) {
        mapping[header] = field;
        used.add(field);
      }
    }
    return { preset: preset.id, mapping };
  }
  return { preset: null, mapping: guessMapping(kind, headers) };
}

function bestPreset(kind: ImportKind, headerByKey: ReadonlyMap<string, string>): ImportPreset | undefined {
  let best: { preset: ImportPreset; share: number } | undefined;
  for (const preset of IMPORT_PRESETS.filter((candidate) => candidate.kind === kind)) {
    const fields = new Set(Object.values(preset.columns));
    const present = new Set(
      Object.entries(preset.columns)
        .filter(([column]) => headerByKey.has(normalizeWord(column)))
        .map(([, field]) => field),
    );
    const share = present.size / fields.size;
    if (share >= 0.6 && (!best || share > best.share)) best = { preset, share };
  }
  return best?.preset;
}

function fieldFor(kind: ImportKind, header: string): ImportField | undefined {
  const named = fieldNamedBy(header);
  if (kind === 'orders' && named === 'name') return 'customerName';
  if (!isInteractionImport(kind)) return named;
  const own = interactionFieldNamedBy(header);
  if (own) return own;
  return named ? (ORDER_FIELD_ELSEWHERE[named] ?? named) : undefined;
}

function guessMapping(kind: ImportKind, headers: readonly string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const used = new Set<ImportField>();
  const allowed = new Set(fieldsOf(kind));
  for (const header of headers) {
    const field = fieldFor(kind, header);
    if (field && allowed.has(field) && !used.has(field) && mapping[header] === undefined) {
      mapping[header] = field;
      used.add(field);
    }
  }
  // "Name" next to "Vorname" (or "First name") is the family name, not the whole name.
  const whole = Object.keys(mapping).find(
    (header) =>
      (mapping[header] === 'name' || mapping[header] === 'customerName') && normalizeWord(header) === 'name',
  );
  if (whole !== undefined && used.has('firstName') && !used.has('lastName')) mapping[whole] = 'lastName';
  return mapping;
}
