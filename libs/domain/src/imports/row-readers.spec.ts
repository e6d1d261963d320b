import type { ImportMapping } from './import-fields';
import { IMPORT_PRESETS } from './presets';
import { detectColumnType, OrderRowReader, readCustomerRow, readOrderRow } from './row-readers';
import { orderStatusNamedBy, orderStatusOfPayment } from './status-words';

/** The mapping the Shopify orders preset proposes, as a business accepts it. */
const SHOPIFY: ImportMapping = {
  ...IMPORT_PRESETS.find((preset) => preset.id === 'shopify-orders')?.columns,
};

/** An order's first row, as Shopify writes it. */
function shopifyRow(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    Name: '#1001',
    Email: 'ana@example.com',
    'Billing Name': 'Ana López',
    'Created at': '2026-11-10 09:00:00 +0100',
    Total: '13.50',
    Currency: 'EUR',
    'Lineitem name': 'Sourdough loaf',
    'Lineitem sku': 'SOUR-800',
    'Lineitem quantity': '2',
    'Lineitem price': '4.50',
    'Fulfillment Status': 'fulfilled',
    'Financial Status': 'paid',
    'Cancelled at': '',
    'Refunded Amount': '0.00',
    ...overrides,
  };
}

/** A later row of the same order: only the line-item columns (and the order's name) are filled. */
function continuationRow(
  name: string,
  item: string,
  quantity: string,
  price: string,
): Record<string, string> {
  const row: Record<string, string> = {};
  for (const column of Object.keys(SHOPIFY)) row[column] = '';
  return {
    ...row,
    Name: name,
    'Lineitem name': item,
    'Lineitem quantity': quantity,
    'Lineitem price': price,
  };
}

describe('reading import rows', () => {
  it.each([
    [['a@b.co', 'c@d.org', ''], 'email'],
    [['2026-11-20', '2026-01-02 10:00:00 +0000'], 'date'],
    [['20.11.2026', '03/04/2026'], 'date'],
    [['12.50', '3', '1.234,50'], 'number'],
    [['Ana', '12'], 'text'],
    [['', ' '], 'empty'],
  ])('judges %j as %s', (values, type) => {
    expect(detectColumnType(values)).toBe(type);
  });

  it('reads a customer row through a mapping, joining first and last names and tags', () => {
    const result = readCustomerRow(
      { 'E-mail': ' Ana@Example.COM ', First: 'Ana', Last: 'López', Tags: 'VIP, local', Marketing: 'ja' },
      { 'E-mail': 'email', First: 'firstName', Last: 'lastName', Tags: 'tags', Marketing: 'consent' },
    );
    expect(result).toEqual({
      ok: true,
      value: {
        email: 'ana@example.com',
        name: 'Ana López',
        phone: undefined,
        locale: undefined,
        tags: ['vip', 'local'],
        consentBasis: 'explicit_consent',
      },
    });
  });

  it.each([
    [{ Mail: 'not-an-email' }, 'Mail: "not-an-email" is not an email address', 'Mail', 'not-an-email'],
    [{ Mail: '' }, 'Mail: is empty', 'Mail', ''],
    [
      { Mail: 'a@b.co', Who: 'Ana\u0000' },
      'Who: "Ana\\u0000" contains a NUL character (\\u0000)',
      'Who',
      'Ana\\u0000',
    ],
    [
      { Mail: 'a\uD800@b.co' },
      'Mail: "a\\uD800@b.co" contains an unpaired UTF-16 surrogate',
      'Mail',
      'a\\uD800@b.co',
    ],
  ])('refuses the customer row %j naming the column and the value', (record, reason, column, value) => {
    expect(readCustomerRow(record, { Mail: 'email', Who: 'name' })).toEqual({
      ok: false,
      reason,
      column,
      value,
    });
  });

  it('reads an order row with its line', () => {
    const result = readOrderRow(shopifyRow({ Currency: 'eur', 'Lineitem price': '4,50' }), SHOPIFY);
    expect(result).toEqual({
      ok: true,
      value: {
        externalId: '#1001',
        customer: expect.objectContaining({ email: 'ana@example.com', name: 'Ana López' }),
        placedAt: new Date('2026-11-10T08:00:00Z'),
        status: 'fulfilled',
        total: '13.50',
        currency: 'EUR',
        line: { productName: 'Sourdough loaf', sku: 'SOUR-800', quantity: 2, unitPrice: '4.50' },
      },
    });
  });

  it.each([
    [{ 'Created at': 'yesterday' }, 'Created at: "yesterday" is not a date (use YYYY-MM-DD or DD.MM.YYYY)'],
    [{ 'Created at': '' }, 'Created at: is empty'],
    [
      { 'Created at': '03/04/2026' },
      'Created at: "03/04/2026" could be 3 April 2026 or 4 March 2026 (use YYYY-MM-DD or DD.MM.YYYY)',
    ],
    [{ Total: 'abc' }, 'Total: "abc" is not an amount like 12.50'],
    [{ Currency: 'Euro' }, 'Currency: "Euro" is not a currency code like EUR'],
    [{ Email: '' }, 'Email: is empty'],
    [{ Name: '' }, 'Name: is empty'],
    [{ Name: 'x'.repeat(101) }, `Name: "${'x'.repeat(79)}…" is longer than 100 characters`],
    [{ 'Lineitem quantity': '0' }, 'Lineitem quantity: "0" is not a whole number above 0'],
    [{ 'Lineitem price': 'free' }, 'Lineitem price: "free" is not an amount like 4.50'],
    [{ 'Lineitem sku': 's'.repeat(101) }, `Lineitem sku: "${'s'.repeat(79)}…" is longer than 100 characters`],
    [{ 'Fulfillment Status': 'lost' }, 'Fulfillment Status: "lost" is not an order status'],
    [{ 'Refunded Amount': 'some' }, 'Refunded Amount: "some" is not an amount like 12.50'],
    [{ 'Billing Name': 'Ana\u0000' }, 'Billing Name: "Ana\\u0000" contains a NUL character (\\u0000)'],
  ])('refuses the order row with %j: %s', (overrides, reason) => {
    const result = readOrderRow(shopifyRow(overrides), SHOPIFY);
    expect(result.ok ? null : result.reason).toBe(reason);
  });

  it.each([
    [{}, 'fulfilled'],
    [{ 'Fulfillment Status': '' }, 'placed'],
    [{ 'Fulfillment Status': 'unfulfilled' }, 'placed'],
    [{ 'Cancelled at': '2026-11-11 10:00:00 +0100', 'Fulfillment Status': '' }, 'cancelled'],
    [{ 'Financial Status': 'voided' }, 'cancelled'],
    [{ 'Financial Status': 'refunded' }, 'refunded'],
    [{ 'Financial Status': 'partially_refunded' }, 'refunded'],
    [{ 'Refunded Amount': '4.50' }, 'refunded'],
    [{ 'Refunded Amount': '0,00' }, 'fulfilled'],
    [{ 'Cancelled at': '2026-11-11 10:00:00 +0100', 'Financial Status': 'refunded' }, 'refunded'],
  ])('stores a Shopify order with %j as %s', (overrides, status) => {
    const result = readOrderRow(shopifyRow(overrides), SHOPIFY);
    expect(result.ok && result.value.status).toBe(status);
  });

  it.each([
    ['pending', 'placed'],
    ['processing', 'placed'],
    ['on-hold', 'placed'],
    ['wc-processing', 'placed'],
    ['completed', 'fulfilled'],
    ['Completed', 'fulfilled'],
    ['cancelled', 'cancelled'],
    ['wc-cancelled', 'cancelled'],
    ['failed', 'cancelled'],
    ['refunded', 'refunded'],
    ['Storniert', 'cancelled'],
    ['Rückerstattet', 'refunded'],
    ['In Bearbeitung', 'placed'],
    ['Fertiggestellt', 'fulfilled'],
    ['Cancelado', 'cancelled'],
    ['Reembolsado', 'refunded'],
    ['Annulée', 'cancelled'],
    ['Remboursée', 'refunded'],
    ['Livrée', 'delivered'],
    ['whatever', undefined],
  ])('reads the order status %p as %p', (word, status) => {
    expect(orderStatusNamedBy(word)).toBe(status);
  });

  it.each([
    ['paid', undefined],
    ['pending', undefined],
    ['authorized', undefined],
    ['partially_paid', undefined],
    ['refunded', 'refunded'],
    ['partially_refunded', 'refunded'],
    ['voided', 'cancelled'],
  ])('reads the payment status %p as %p', (word, status) => {
    expect(orderStatusOfPayment(word)).toBe(status);
  });

  describe('an orders file read row by row', () => {
    it('joins the rows after an order first row to it, with its order columns', () => {
      const reader = new OrderRowReader(SHOPIFY);
      const rows = [
        shopifyRow({ 'Lineitem quantity': '1' }),
        continuationRow('#1001', 'Cinnamon bun', '2', '3,00'),
        continuationRow('#1001', 'Rye loaf', '1', '3.00'),
        shopifyRow({ Name: '#1002', Email: 'bo@example.com', 'Billing Name': 'Bo', Total: '5.00' }),
      ].map((row, index) => reader.read(row, index + 2));
      expect(
        rows.map(
          (row) =>
            row.ok && [
              row.value.externalId,
              row.value.customer.email,
              row.value.total,
              row.value.status,
              row.value.line?.productName,
              row.value.line?.unitPrice,
            ],
        ),
      ).toEqual([
        ['#1001', 'ana@example.com', '13.50', 'fulfilled', 'Sourdough loaf', '4.50'],
        ['#1001', 'ana@example.com', '13.50', 'fulfilled', 'Cinnamon bun', '3.00'],
        ['#1001', 'ana@example.com', '13.50', 'fulfilled', 'Rye loaf', '3.00'],
        ['#1002', 'bo@example.com', '5.00', 'fulfilled', 'Sourdough loaf', '4.50'],
      ]);
    });

    it('refuses the later rows of an order whose first row was refused, and an order that comes back', () => {
      const reader = new OrderRowReader(SHOPIFY);
      const results = [
        shopifyRow({ 'Created at': 'soon' }),
        continuationRow('#1001', 'Cinnamon bun', '1', '3.00'),
        shopifyRow({ Name: '#1002' }),
        continuationRow('#1001', 'Rye loaf', '1', '3.00'),
        continuationRow('#1003', 'Rye loaf', '1', '3.00'),
      ].map((row, index) => reader.read(row, index + 2));
      expect(results.map((result) => (result.ok ? 'ok' : result.reason))).toEqual([
        'Created at: "soon" is not a date (use YYYY-MM-DD or DD.MM.YYYY)',
        'Name: "#1001" is an order refused at line 2, so this line of it is too',
        'ok',
        'Name: "#1001" already ended at line 2: the rows of one order must be next to each other',
        'Email: is empty',
      ]);
    });

    it('refuses a later row for its own line only', () => {
      const reader = new OrderRowReader(SHOPIFY);
      const first = reader.read(shopifyRow(), 2);
      const bad = reader.read(continuationRow('#1001', 'Cinnamon bun', 'many', '3.00'), 3);
      const next = reader.read(continuationRow('#1001', 'Rye loaf', '1', '3.00'), 4);
      expect([first.ok, bad.ok ? 'ok' : bad.reason, next.ok]).toEqual([
        true,
        'Lineitem quantity: "many" is not a whole number above 0',
        true,
      ]);
    });

    it('reads a European file: day-first dates, decimal commas, German column names', () => {
      const mapping: ImportMapping = {
        Bestellnummer: 'externalId',
        'E-Mail': 'email',
        Vorname: 'firstName',
        Nachname: 'lastName',
        Bestelldatum: 'placedAt',
        Gesamt: 'total',
        Währung: 'currency',
        Artikel: 'productName',
        Menge: 'quantity',
        Summe: 'lineTotal',
      };
      const result = new OrderRowReader(mapping, { dateOrder: 'dmy', decimalMark: ',' }).read(
        {
          Bestellnummer: '10042',
          'E-Mail': 'jose@example.es',
          Vorname: 'José',
          Nachname: 'Müller',
          Bestelldatum: '03.04.2026 14:30',
          Gesamt: '1.234,50',
          Währung: 'EUR',
          Artikel: 'Brötchen',
          Menge: '3',
          Summe: '1,50',
        },
        2,
      );
      expect(result).toEqual({
        ok: true,
        value: expect.objectContaining({
          customer: expect.objectContaining({ name: 'José Müller' }),
          placedAt: new Date('2026-04-03T14:30:00Z'),
          total: '1234.50',
          line: { productName: 'Brötchen', sku: null, quantity: 3, unitPrice: '0.50' },
        }),
      });
    });
  });
});
