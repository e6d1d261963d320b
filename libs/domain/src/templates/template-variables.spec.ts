import { isKnownVariable, templateLocale } from './template-variables';

describe('isKnownVariable', () => {
  it('accepts catalogue paths and list helpers', () => {
    expect(isKnownVariable(['customer', 'first_name'])).toBe(true);
    expect(isKnownVariable(['unsubscribe_url'])).toBe(true);
    expect(isKnownVariable(['order', 'products', 0])).toBe(true);
    expect(isKnownVariable(['order', 'products', 'first'])).toBe(true);
    expect(isKnownVariable(['business', 'name', 'size'])).toBe(true);
  });

  it('refuses misspellings, objects used as values and deeper paths', () => {
    expect(isKnownVariable(['customer', 'frist_name'])).toBe(false);
    expect(isKnownVariable(['customer'])).toBe(false);
    expect(isKnownVariable(['order', 'products', 'first', 'name'])).toBe(false);
    expect(isKnownVariable(['business', 'name', 'first'])).toBe(false);
    expect(isKnownVariable(['tenant', 'id'])).toBe(false);
  });
});

describe('templateLocale', () => {
  it("prefers the buyer's language, then the business's, then English", () => {
    expect(templateLocale('de', 'fr')).toBe('de');
    expect(templateLocale(null, 'fr')).toBe('fr');
    expect(templateLocale(null, 'pt')).toBe('en');
  });
});
