import { unsafeTextReason } from '../text/text-safety';
import {
  cellFault,
  clipText,
  dateOrderEvidence,
  dateOrderFor,
  decimalMarkFor,
  normalizeWord,
  parseImportAmount,
  parseImportDate,
  parseImportQuantity,
  printableCell,
  readImportDate,
  unitPriceFromTotal,
} from './import-values';

describe('reading import cells', () => {
  it.each([
    ['2026-11-20', null, '2026-11-20T00:00:00.000Z'],
    ['2026-11-20T10:15:00Z', null, '2026-11-20T10:15:00.000Z'],
    ['2026-11-20 10:15:00 +0100', null, '2026-11-20T09:15:00.000Z'],
    ['2026-11-20T10:15:00-05:00', null, '2026-11-20T15:15:00.000Z'],
    ['2026-11-20 10:15', null, '2026-11-20T10:15:00.000Z'],
    ['2026-11-20T10:15:00.250Z', null, '2026-11-20T10:15:00.250Z'],
    ['2026/11/20', null, '2026-11-20T00:00:00.000Z'],
    ['20.11.2026', null, '2026-11-20T00:00:00.000Z'],
    ['3.4.2026', 'mdy', '2026-04-03T00:00:00.000Z'],
    ['20.11.2026 14:30', null, '2026-11-20T14:30:00.000Z'],
    ['20.11.2026 14:30:05', null, '2026-11-20T14:30:05.000Z'],
    ['20/11/2026', null, '2026-11-20T00:00:00.000Z'],
    ['20/11/2026', 'mdy', '2026-11-20T00:00:00.000Z'],
    ['11/20/2026', null, '2026-11-20T00:00:00.000Z'],
    ['11/20/2026 2:30 PM', null, '2026-11-20T14:30:00.000Z'],
    ['11/20/2026 12:05 am', null, '2026-11-20T00:05:00.000Z'],
    ['03/04/2026', 'dmy', '2026-04-03T00:00:00.000Z'],
    ['03/04/2026', 'mdy', '2026-03-04T00:00:00.000Z'],
    ['03-04-2026', 'dmy', '2026-04-03T00:00:00.000Z'],
    ['05/05/2026', null, '2026-05-05T00:00:00.000Z'],
    ['29.02.2028', null, '2028-02-29T00:00:00.000Z'],
  ] as const)('reads the date %p (order %p) as %p', (text, order, iso) => {
    expect(parseImportDate(text, order)?.toISOString()).toBe(iso);
  });

  it.each([
    ['yesterday', 'is not a date (use YYYY-MM-DD or DD.MM.YYYY)'],
    ['', 'is not a date (use YYYY-MM-DD or DD.MM.YYYY)'],
    ['2026-13-40', 'is not a date (use YYYY-MM-DD or DD.MM.YYYY)'],
    ['2026-02-31', 'is not a date (use YYYY-MM-DD or DD.MM.YYYY)'],
    ['31.02.2026', 'is not a date (use YYYY-MM-DD or DD.MM.YYYY)'],
    ['29.02.2026', 'is not a date (use YYYY-MM-DD or DD.MM.YYYY)'],
    ['20/13/2026', 'is not a date (use YYYY-MM-DD or DD.MM.YYYY)'],
    ['20.11.26', 'is not a date (use YYYY-MM-DD or DD.MM.YYYY)'],
    ['11/20/2026 13:00 PM', 'is not a date (use YYYY-MM-DD or DD.MM.YYYY)'],
    ['20.11.2026 24:00', 'is not a date (use YYYY-MM-DD or DD.MM.YYYY)'],
    ['03/04/2026', 'could be 3 April 2026 or 4 March 2026 (use YYYY-MM-DD or DD.MM.YYYY)'],
  ])('refuses the date %p without a day/month order: %s', (text, problem) => {
    expect(readImportDate(text, null)).toEqual({ ok: false, problem });
  });

  it.each([
    ['20/11/2026 and 21/11/2026', { dayFirst: true, monthFirst: false }],
    ['11/20/2026,11/21/2026', { dayFirst: false, monthFirst: true }],
    ['03/04/2026;2026-11-20;20.11.2026', { dayFirst: false, monthFirst: false }],
    ['20/11/2026\n11/20/2026', { dayFirst: true, monthFirst: true }],
    ['version 120/11/2026', { dayFirst: false, monthFirst: false }],
  ])('finds what the dates in %p say about day and month', (text, evidence) => {
    expect(dateOrderEvidence(text)).toEqual(evidence);
  });

  it.each([
    [{ dayFirst: true, monthFirst: false }, 'US', 'dmy'],
    [{ dayFirst: false, monthFirst: true }, 'DE', 'mdy'],
    [{ dayFirst: true, monthFirst: true }, 'DE', null],
    [{ dayFirst: false, monthFirst: false }, 'DE', 'dmy'],
    [{ dayFirst: false, monthFirst: false }, 'es', 'dmy'],
    [{ dayFirst: false, monthFirst: false }, 'US', 'mdy'],
    [{ dayFirst: false, monthFirst: false }, 'CA', null],
  ] as const)('decides the date order from %j and the country %s: %p', (evidence, country, order) => {
    expect(dateOrderFor(evidence, country)).toBe(order);
  });

  it.each([
    ['12.50', '.', '12.50'],
    ['12,50', '.', '12.50'],
    ['12,5', ',', '12.50'],
    ['1,234.50', '.', '1234.50'],
    ['1.234,50', ',', '1234.50'],
    ['1.234,50', '.', '1234.50'],
    ['1.234.567,89', ',', '1234567.89'],
    ['1 234,50', ',', '1234.50'],
    ['1\u00A0234,50', ',', '1234.50'],
    ["1'234.50", '.', '1234.50'],
    ['1,234', '.', '1234.00'],
    ['1.234', ',', '1234.00'],
    ['1.234', '.', null],
    ['1,234', ',', null],
    ['€12.5', '.', '12.50'],
    ['12,50 €', ',', '12.50'],
    ['EUR 12.50', '.', '12.50'],
    ['12.50 EUR', '.', '12.50'],
    ['7', '.', '7.00'],
    ['0,00', ',', '0.00'],
    ['abc', '.', null],
    ['#E100', '.', null],
    ['-3', '.', null],
    ['1.2.3', '.', null],
    ['1,23,456', '.', null],
    ['1.234,567', ',', null],
    ['12.', '.', null],
    ['1,234.5,6', '.', null],
    ['', '.', null],
  ] as const)('reads the amount %p (decimal mark %p) as %p', (text, mark, amount) => {
    expect(parseImportAmount(text, mark)).toBe(amount);
  });

  it.each([
    ['3', 3],
    [' 12 ', 12],
    ['2.0', 2],
    ['2,00', 2],
    ['1000000', 1_000_000],
    ['0', null],
    ['1.000', null],
    ['1.5', null],
    ['-1', null],
    ['10000000', null],
    ['two', null],
  ])('reads the quantity %p as %p', (text, quantity) => {
    expect(parseImportQuantity(text)).toBe(quantity);
  });

  it.each([
    ['12.00', 3, '4.00'],
    ['10.00', 3, '3.33'],
    ['0.05', 2, '0.03'],
    ['7.50', 1, '7.50'],
  ])('derives the unit price of a line of %s for %i', (total, quantity, price) => {
    expect(unitPriceFromTotal(total, quantity)).toBe(price);
  });

  it.each([
    ['Müller', null],
    ['José 😀', null],
    ['a\u0000b', 'contains a NUL character (\\u0000)'],
    ['a\uD800b', 'contains an unpaired UTF-16 surrogate'],
    ['\uDC00', 'contains an unpaired UTF-16 surrogate'],
  ])('says whether %j can be stored', (text, fault) => {
    expect(unsafeTextReason(text) ?? null).toBe(fault);
  });

  it.each([
    ['Müller', null],
    ['a\u0000b', 'contains a NUL character (\\u0000)'],
    [
      'Ana \uFFFD',
      "contains an unreadable character (\\uFFFD): bytes that are not text in the file's encoding",
    ],
  ])('says whether the cell %j read from a file is the text written', (text, fault) => {
    expect(cellFault(text)).toBe(fault);
  });

  it.each([
    ['Müller', 'Müller'],
    ['M\uFFFDller', 'M\\uFFFDller'],
    ['a\u0000b', 'a\\u0000b'],
    ['x\uD83Dy', 'x\\uD83Dy'],
    ['😀\u0007', '😀\\u0007'],
    ['line\nbreak', 'line\nbreak'],
  ])('shows %j as %j', (text, shown) => {
    expect(printableCell(text)).toBe(shown);
  });

  it('shortens a long cell without cutting a character in two', () => {
    expect(printableCell(`${'a'.repeat(78)}😀😀`)).toBe(`${'a'.repeat(78)}…`);
    expect(clipText('ab😀', 3)).toBe('ab');
    expect(clipText('ab😀', 4)).toBe('ab😀');
  });

  it.each([
    ['Prénom', 'prenom'],
    ['Order_ID', 'orderid'],
    ['order-id', 'orderid'],
    ['E-Mail', 'email'],
    ['Straße', 'strasse'],
    ['Nº de pedido', 'nodepedido'],
    ['Währung', 'wahrung'],
  ])('compares %p as %p', (text, key) => {
    expect(normalizeWord(text)).toBe(key);
  });

  it.each([
    [';', ','],
    [',', '.'],
    ['\t', '.'],
  ])('takes the decimal mark of a %p-separated file as %p', (delimiter, mark) => {
    expect(decimalMarkFor(delimiter)).toBe(mark);
  });
});
