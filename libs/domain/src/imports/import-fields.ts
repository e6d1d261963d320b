export const IMPORT_KINDS = ['customers', 'orders'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

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
export type ImportField = (typeof CUSTOMER_FIELDS)[number] | (typeof ORDER_FIELDS)[number];

export const REQUIRED_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  customers: ['email'],
  orders: ['externalId', 'email', 'placedAt', 'total', 'currency'],
};

export function fieldsOf(kind: ImportKind): readonly ImportField[] {
  return kind === 'customers' ? CUSTOMER_FIELDS : ORDER_FIELDS;
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
};

/** Column header -> field. A column not in the mapping is ignored. */
export type ImportMapping = Record<string, ImportField>;

/** Why a mapping cannot run, or null. */
export function mappingProblem(kind: ImportKind, mapping: ImportMapping): string | null {
  const mapped = new Set(Object.values(mapping));
  const allowed = new Set<string>(fieldsOf(kind));
  const foreign = [...mapped].find((field) => !allowed.has(field));
  if (foreign !== undefined)
    return `${FIELD_LABELS[foreign] ?? String(foreign)} is not a field of a ${kind} import`;
  const counts = new Map<ImportField, number>();
  for (const field of Object.values(mapping)) counts.set(field, (counts.get(field) ?? 0) + 1);
  const twice = [...counts].find(([, count]) => count > 1);
  if (twice) return `${FIELD_LABELS[twice[0]]} is mapped from more than one column`;
  const missing = REQUIRED_FIELDS[kind].filter((field) => !mapped.has(field));
  return missing.length > 0
    ? `Map a column to ${missing.map((field) => FIELD_LABELS[field]).join(', ')}`
    : null;
}
