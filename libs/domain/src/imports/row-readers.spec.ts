import {
  detectColumnType,
  parseImportAmount,
  parseImportDate,
  readCustomerRow,
  readOrderRow,
} from './row-readers';

describe('reading import rows', () => {
  it.each([
    ['2026-11-20', '2026-11-20T00:00:00.000Z'],
    ['2026-11-20T10:15:00Z', '2026-11-20T10:15:00.000Z'],
    ['2026-11-20 10:15:00 +0100', '2026-11-20T09:15:00.000Z'],
    ['2026-11-20T10:15:00-05:00', '2026-11-20T15:15:00.000Z'],
    ['2026-11-20 10:15', '2026-11-20T10:15:00.000Z'],
  ])('reads the date %p', (text, iso) => {
    expect(parseImportDate(text)?.toISOString()).toBe(iso);
  });

  it.each(['20/11/2026', 'yesterday', '2026-13-40', ''])('refuses the date %p', (text) => {
    expect(parseImportDate(text)).toBeNull();
  });

  it.each([
    ['12.50', '12.50'],
    ['12,50', '12.50'],
    ['1,234.50', '1234.50'],
    ['1.234,50', '1234.50'],
    ['€12.5', '12.50'],
    ['7', '7.00'],
    ['abc', null],
    ['#E100', null],
    ['-3', null],
    ['1.2.3', null],
  ])('reads the amount %p as %p', (text, amount) => {
    expect(parseImportAmount(text)).toBe(amount);
  });

  it.each([
    [['a@b.co', 'c@d.org', ''], 'email'],
    [['2026-11-20', '2026-01-02 10:00:00 +0000'], 'date'],
    [['12.50', '3'], 'number'],
    [['Ana', '12'], 'text'],
    [['', ' '], 'empty'],
  ])('judges %j as %s', (values, type) => {
    expect(detectColumnType(values)).toBe(type);
  });

  it('reads a customer row through a mapping, joining first and last names and tags', () => {
    const result = readCustomerRow(
      { 'E-mail': ' Ana@Example.COM ', First: 'Ana', Last: 'López', Tags: 'VIP, local', Marketing: 'yes' },
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

  it('says why a customer row is refused', () => {
    expect(readCustomerRow({ Email: 'not-an-email' }, { Email: 'email' })).toEqual({
      ok: false,
      reason: '"not-an-email" is not an email address',
    });
  });

  it('reads an order row with its line, and refuses a bad total or date', () => {
    const mapping = {
      Name: 'externalId',
      Email: 'email',
      'Created at': 'placedAt',
      Total: 'total',
      Currency: 'currency',
      Item: 'productName',
      Qty: 'quantity',
      Price: 'unitPrice',
    } as const;
    const good = readOrderRow(
      {
        Name: '#1001',
        Email: 'a@b.co',
        'Created at': '2026-11-20 10:00:00 +0000',
        Total: '9.00',
        Currency: 'eur',
        Item: 'Loaf',
        Qty: '2',
        Price: '4,50',
      },
      mapping,
    );
    expect(good.ok && good.value.line).toEqual({
      productName: 'Loaf',
      sku: null,
      quantity: 2,
      unitPrice: '4.50',
    });
    expect(good.ok && good.value.currency).toBe('EUR');
    expect(
      readOrderRow(
        { Name: '#1', Email: 'a@b.co', 'Created at': 'soon', Total: '1', Currency: 'EUR' },
        mapping,
      ),
    ).toEqual({
      ok: false,
      reason: '"soon" is not a date like 2026-11-20 or 2026-11-20T10:15:00Z',
    });
  });
});
