export const IMPORT_KINDS = ['customers', 'orders', 'enquiries', 'quotes', 'appointments'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
/** The kinds whose rows are enquiries, quotes or appointments (one row each). */
export const INTERACTION_IMPORT_KINDS = ['enquiries', 'quotes', 'appointments'] as const;
export type InteractionImportKind = (typeof INTERACTION_IMPORT_KINDS)[number];

export function isInteractionImport(kind: ImportKind): kind is InteractionImportKind {
  return (INTERACTION_IMPORT_KINDS as readonly string[]).includes(kind);
}

export const CUSTOMER_FIELDS = [
  'email',
  'name',
  'firstName',
  'lastName',
  'phone',
  'locale',
  'tags',
  'consent',
] as const;
export const ORDER_FIELDS = [
  'externalId',
  'email',
  'customerName',
  'firstName',
  'lastName',
  'placedAt',
  'status',
  'total',
  'currency',
  'productName',
  'sku',
  'quantity',
  'unitPrice',
  'lineTotal',
  'paymentStatus',
  'cancelledAt',
  'refundedAmount',
] as const;
const CONTACT_FIELDS = ['email', 'name', 'firstName', 'lastName', 'phone', 'locale'] as const;
export const ENQUIRY_FIELDS = [
  'externalId',
  ...CONTACT_FIELDS,
  'occurredAt',
  'subject',
  'message',
  'status',
  'referralCode',
] as const;
export const QUOTE_FIELDS = [
  'externalId',
  ...CONTACT_FIELDS,
  'occurredAt',
  'subject',
  'message',
  'amount',
  'currency',
  'validUntil',
  'status',
  'referralCode',
] as const;
export const APPOINTMENT_FIELDS = [
  'externalId',
  ...CONTACT_FIELDS,
  'startsAt',
  'endsAt',
  'occurredAt',
  'subject',
  'message',
  'status',
  'isCancelled',
  'isNoShow',
  'referralCode',
] as const;
export type ImportField =
  | (typeof CUSTOMER_FIELDS)[number]
  | (typeof ORDER_FIELDS)[number]
  | (typeof QUOTE_FIELDS)[number]
  | (typeof APPOINTMENT_FIELDS)[number];

const FIELDS: Record<ImportKind, readonly ImportField[]> = {
  customers: CUSTOMER_FIELDS,
  orders: ORDER_FIELDS,
  enquiries: ENQUIRY_FIELDS,
  quotes: QUOTE_FIELDS,
  appointments: APPOINTMENT_FIELDS,
};

/**
 * A file without ids (a form tool's enquiries, a calendar's bookings) is still imported once: each row is
 * known by the person and its moment instead.
 */
export const REQUIRED_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  customers: ['email'],
  orders: ['externalId', 'email', 'placedAt', 'total', 'currency'],
  enquiries: ['email', 'occurredAt', 'message'],
  quotes: ['externalId', 'email', 'occurredAt', 'amount', 'currency'],
  appointments: ['email', 'startsAt'],
};

export function fieldsOf(kind: ImportKind): readonly ImportField[] {
  return FIELDS[kind];
}

export const FIELD_LABELS: Record<ImportField, string> = {
  email: 'Email',
  name: 'Full name',
  firstName: 'First name',
  lastName: 'Last name',
  phone: 'Phone',
  locale: 'Language',
  tags: 'Tags',
  consent: 'Accepts marketing',
  externalId: 'Order number',
  customerName: 'Buyer name',
  placedAt: 'Order date',
  status: 'Order status',
  total: 'Order total',
  currency: 'Currency',
  productName: 'Product',
  sku: 'SKU',
  quantity: 'Quantity',
  unitPrice: 'Unit price',
  lineTotal: 'Line total',
  paymentStatus: 'Payment status',
  cancelledAt: 'Cancelled at',
  refundedAmount: 'Refunded amount',
  occurredAt: 'Date',
  subject: 'Subject or service',
  message: 'Message or notes',
  amount: 'Amount',
  validUntil: 'Valid until',
  startsAt: 'Starts at',
  endsAt: 'Ends at',
  isCancelled: 'Cancelled (yes/no)',
  isNoShow: 'No-show (yes/no)',
  referralCode: 'Referral code',
};

/** Where a field means something else in a kind of file: an enquiry's id, a quote's date. */
const KIND_LABELS: Partial<Record<ImportKind, Partial<Record<ImportField, string>>>> = {
  enquiries: { externalId: 'Enquiry ID', occurredAt: 'Received on', status: 'Enquiry status' },
  quotes: { externalId: 'Quote number', occurredAt: 'Sent on', status: 'Quote status' },
  appointments: { externalId: 'Booking ID', occurredAt: 'Booked on', status: 'Appointment status' },
};

/** A field's name as the person mapping a file of this kind reads it. */
export function fieldLabel(kind: ImportKind, field: ImportField): string {
  return KIND_LABELS[kind]?.[field] ?? FIELD_LABELS[field];
}

/** Column header -> field. A column not in the mapping is ignored. */
export type ImportMapping = Record<string, ImportField>;

/** Why a mapping cannot run, or null. */
export function mappingProblem(kind: ImportKind, mapping: ImportMapping): string | null {
  const mapped = new Set(Object.values(mapping));
  const allowed = new Set<string>(fieldsOf(kind));
  const foreign = [...mapped].find((field) => !allowed.has(field));
  if (foreign !== undefined)
    return `${FIELD_LABELS[foreign] ?? String(foreign)} is not a field of ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} import`;
  const counts = new Map<ImportField, number>();
  for (const field of Object.values(mapping)) counts.set(field, (counts.get(field) ?? 0) + 1);
  const twice = [...counts].find(([, count]) => count > 1);
  if (twice) return `${fieldLabel(kind, twice[0])} is mapped from more than one column`;
  const missing = REQUIRED_FIELDS[kind].filter((field) => !mapped.has(field));
  return missing.length > 0
    ? `Map a column to ${missing.map((field) => fieldLabel(kind, field)).join(', ')}`
    : null;
}
