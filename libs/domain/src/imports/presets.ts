import type { ImportField, ImportKind, ImportMapping } from './import-fields';

export interface ImportPreset {
  id: string;
  label: string;
  kind: ImportKind;
  /** Header (as exported) -> field. */
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
];

const SYNONYMS: Record<string, ImportField> = {
  email: 'email',
  emailaddress: 'email',
  mail: 'email',
  correo: 'email',
  name: 'name',
  fullname: 'name',
  customername: 'name',
  firstname: 'firstName',
  givenname: 'firstName',
  lastname: 'lastName',
  surname: 'lastName',
  familyname: 'lastName',
  phone: 'phone',
  telephone: 'phone',
  mobile: 'phone',
  language: 'locale',
  locale: 'locale',
  tags: 'tags',
  ordernumber: 'externalId',
  orderid: 'externalId',
  order: 'externalId',
  orderdate: 'placedAt',
  date: 'placedAt',
  createdat: 'placedAt',
  status: 'status',
  total: 'total',
  ordertotal: 'total',
  amount: 'total',
  currency: 'currency',
  product: 'productName',
  productname: 'productName',
  item: 'productName',
  sku: 'sku',
  quantity: 'quantity',
  qty: 'quantity',
  price: 'unitPrice',
  unitprice: 'unitPrice',
};

/**
 * The preset whose columns the file has (all of the preset's required ones), else a mapping guessed from
 * common header names. The person confirms or corrects it before anything is imported.
 */
export function suggestMapping(
  kind: ImportKind,
  headers: readonly string[],
): { preset: string | null; mapping: ImportMapping } {
  const present = new Set(headers);
  const preset = IMPORT_PRESETS.filter((candidate) => candidate.kind === kind).find((candidate) => {
    const columns = Object.keys(candidate.columns);
    return columns.filter((column) => present.has(column)).length >= Math.ceil(columns.length * 0.6);
  });
  if (preset) {
    const mapping: ImportMapping = {};
    for (const [column, field] of Object.entries(preset.columns))
      if (present.has(column)) mapping[column] = field;
    return { preset: preset.id, mapping };
  }
  const mapping: ImportMapping = {};
  const used = new Set<ImportField>();
  for (const header of headers) {
    const field = SYNONYMS[header.toLowerCase().replace(/[^a-z]/g, '')];
    if (field && !used.has(field) && (kind === 'orders' || field !== 'externalId')) {
      const isForKind = kind === 'customers' ? CUSTOMER_ONLY.has(field) : ORDER_ONLY.has(field);
      if (isForKind) {
        mapping[header] = kind === 'orders' && field === 'name' ? 'customerName' : field;
        used.add(field);
      }
    }
  }
  return { preset: null, mapping };
}

const CUSTOMER_ONLY = new Set<ImportField>([
  'email',
  'name',
  'firstName',
  'lastName',
  'phone',
  'locale',
  'tags',
  'consent',
]);
const ORDER_ONLY = new Set<ImportField>([
  'externalId',
  'email',
  'name',
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
]);
