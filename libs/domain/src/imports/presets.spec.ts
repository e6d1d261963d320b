import { mappingProblem } from './import-fields';
import { suggestMapping } from './presets';

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

  it('guesses from common names otherwise', () => {
    expect(suggestMapping('customers', ['E-mail', 'Full name', 'Mobile', 'Whatever'])).toEqual({
      preset: null,
      mapping: { 'E-mail': 'email', 'Full name': 'name', Mobile: 'phone' },
    });
  });

  it.each([
    ['customers', {}, 'Map a column to Email'],
    ['customers', { A: 'email', B: 'email' }, 'Email is mapped from more than one column'],
    ['customers', { A: 'email', B: 'total' }, 'Order total is not a field of a customers import'],
    ['orders', { A: 'email', B: 'externalId' }, 'Map a column to Order date, Order total, Currency'],
    ['customers', { A: 'email' }, null],
  ] as const)('judges a %s mapping %j', (kind, mapping, problem) => {
    expect(mappingProblem(kind, mapping)).toBe(problem);
  });
});
