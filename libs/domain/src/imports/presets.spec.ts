import { fieldNamedBy, HEADER_NAMES } from './header-names';
import { CUSTOMER_FIELDS, type ImportField, mappingProblem, ORDER_FIELDS } from './import-fields';
import { normalizeWord } from './import-values';
import { suggestMapping } from './presets';

/** Shopify's orders export header, as Admin -> Orders -> Export writes it. */
const SHOPIFY_ORDER_HEADERS = [
  'Name',
  'Email',
  'Financial Status',
  'Paid at',
  'Fulfillment Status',
  'Fulfilled at',
  'Accepts Marketing',
  'Currency',
  'Subtotal',
  'Shipping',
  'Taxes',
  'Total',
  'Discount Code',
  'Discount Amount',
  'Shipping Method',
  'Created at',
  'Lineitem quantity',
  'Lineitem name',
  'Lineitem price',
  'Lineitem compare at price',
  'Lineitem sku',
  'Lineitem requires shipping',
  'Lineitem taxable',
  'Lineitem fulfillment status',
  'Billing Name',
  'Billing Street',
  'Cancelled at',
  'Payment Method',
  'Refunded Amount',
  'Vendor',
  'Id',
  'Tags',
  'Phone',
];

describe('suggesting a mapping', () => {
  it("recognises Shopify's customer export", () => {
    const suggestion = suggestMapping('customers', [
      'First Name',
      'Last Name',
      'Email',
      'Accepts Email Marketing',
      'Phone',
      'Tags',
      'Note',
    ]);
    expect(suggestion.preset).toBe('shopify-customers');
    expect(suggestion.mapping['Email']).toBe('email');
    expect(suggestion.mapping['Note']).toBeUndefined();
  });

  it("recognises Shopify's orders export, with the columns that tell a cancelled or refunded order", () => {
    expect(suggestMapping('orders', SHOPIFY_ORDER_HEADERS)).toEqual({
      preset: 'shopify-orders',
      mapping: {
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
    });
  });

  it("recognises WooCommerce's order export", () => {
    const headers = [
      'Order Number',
      'Order Date',
      'Order Status',
      'Billing Email',
      'Billing First Name',
      'Billing Last Name',
      'Order Total',
      'Order Currency',
      'Item Name',
      'SKU',
      'Quantity',
      'Item Cost',
    ];
    expect(suggestMapping('orders', headers).preset).toBe('woocommerce-orders');
  });

  it('recognises the WooCommerce Customer / Order / Coupon Export, taking the first of two id columns', () => {
    const headers = [
      'order_id',
      'order_number',
      'order_date',
      'status',
      'shipping_total',
      'order_total',
      'refunded_total',
      'order_currency',
      'payment_method',
      'billing_first_name',
      'billing_last_name',
      'billing_email',
      'item_id',
      'item_name',
      'item_sku',
      'item_quantity',
      'item_subtotal',
      'item_total',
    ];
    expect(suggestMapping('orders', headers)).toEqual({
      preset: 'woocommerce-order-export',
      mapping: {
        order_number: 'externalId',
        order_date: 'placedAt',
        status: 'status',
        billing_email: 'email',
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
    });
  });

  it('guesses from common names otherwise', () => {
    expect(suggestMapping('customers', ['E-mail', 'Full name', 'Mobile', 'Whatever'])).toEqual({
      preset: null,
      mapping: { 'E-mail': 'email', 'Full name': 'name', Mobile: 'phone' },
    });
  });

  it.each([
    [
      'German',
      [
        'Bestellnummer',
        'E-Mail',
        'Vorname',
        'Nachname',
        'Bestelldatum',
        'Gesamt',
        'Währung',
        'Artikel',
        'Menge',
        'Preis',
      ],
    ],
    [
      'Spanish',
      [
        'Número de pedido',
        'Correo electrónico',
        'Nombre',
        'Apellidos',
        'Fecha',
        'Total',
        'Moneda',
        'Producto',
        'Cantidad',
        'Precio',
      ],
    ],
    [
      'French',
      [
        'Numéro de commande',
        'Adresse e-mail',
        'Prénom',
        'Nom',
        'Date de commande',
        'Montant',
        'Devise',
        'Produit',
        'Quantité',
        'Prix',
      ],
    ],
  ])('guesses a %s orders file', (_language, headers) => {
    const { preset, mapping } = suggestMapping('orders', headers);
    expect(preset).toBeNull();
    expect(headers.map((header) => mapping[header])).toEqual([
      'externalId',
      'email',
      'firstName',
      'lastName',
      'placedAt',
      'total',
      'currency',
      'productName',
      'quantity',
      'unitPrice',
    ]);
    expect(mappingProblem('orders', mapping)).toBeNull();
  });

  it('takes "Name" next to "Vorname" as the family name', () => {
    expect(suggestMapping('customers', ['Vorname', 'Name', 'E-Mail-Adresse', 'Telefon']).mapping).toEqual({
      Vorname: 'firstName',
      Name: 'lastName',
      'E-Mail-Adresse': 'email',
      Telefon: 'phone',
    });
  });

  it.each([
    ['E-Mail', 'email'],
    ['e_mail', 'email'],
    ['COURRIEL', 'email'],
    ['Correo Electronico', 'email'],
    ['Téléphone', 'phone'],
    ['Teléfono', 'phone'],
    ['Datum', 'placedAt'],
    ['Summe', 'total'],
    ['Anzahl', 'quantity'],
    ['Qté', 'quantity'],
    ['Nº de pedido', 'externalId'],
    ['N° de commande', 'externalId'],
    ['Währung', 'currency'],
    ['waehrung', undefined],
  ])('knows the header %p as %p', (header, field) => {
    expect(fieldNamedBy(header)).toBe(field);
  });

  it('names every field in each of the four languages, never one name for two fields', () => {
    const owners = new Map<string, ImportField>();
    for (const [field, names] of Object.entries(HEADER_NAMES) as [ImportField, readonly string[]][]) {
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) {
        const key = normalizeWord(name);
        expect([key, owners.get(key) ?? field]).toEqual([key, field]);
        owners.set(key, field);
      }
    }
    expect(new Set(owners.values())).toEqual(new Set([...CUSTOMER_FIELDS, ...ORDER_FIELDS]));
  });

  it.each([
    ['customers', {}, 'Map a column to Email'],
    ['customers', { A: 'email', B: 'email' }, 'Email is mapped from more than one column'],
    ['customers', { A: 'email', B: 'total' }, 'Order total is not a field of a customers import'],
    ['orders', { A: 'email', B: 'externalId' }, 'Map a column to Order date, Order total, Currency'],
    ['customers', { A: 'email' }, null],
    ['appointments', { A: 'email', B: 'total' }, 'Order total is not a field of an appointments import'],
    ['appointments', { A: 'email' }, 'Map a column to Starts at'],
    ['quotes', { A: 'email', B: 'externalId' }, 'Map a column to Sent on, Amount, Currency'],
  ] as const)('judges a %s mapping %j', (kind, mapping, problem) => {
    expect(mappingProblem(kind, mapping)).toBe(problem);
  });
});
