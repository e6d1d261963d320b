import { toAmount } from './money';

describe('toAmount', () => {
  it.each([
    ['12.5', '12.50'],
    [12.5, '12.50'],
    ['0007', '7.00'],
    ['1999.99', '1999.99'],
    [0, '0.00'],
  ])('reads %p as %p', (value, amount) => {
    expect(toAmount(value, 'total')).toBe(amount);
  });

  it.each(['-1', '1.999', 'abc', '1e3', '', '1,50'])('refuses %p, naming the field', (value) => {
    expect(() => toAmount(value, 'lines[0].unitPrice')).toThrow('lines[0].unitPrice must be an amount');
  });
});
