import { isEmailAddress, normalizeEmail, normalizeTags } from './customers';

describe('buyer fields', () => {
  it.each([
    ['ana@example.com', true],
    ['Ana.Lopez+shop@mail.example.co.uk', true],
    ['ana@example', false],
    ['ana example@x.com', false],
    ['@example.com', false],
    ['ana@@example.com', false],
    ['', false],
  ])('isEmailAddress(%p) is %p', (value, expected) => {
    expect(isEmailAddress(value)).toBe(expected);
  });

  it('normalises emails and tags', () => {
    expect(normalizeEmail('  Ana@Example.COM ')).toBe('ana@example.com');
    expect(normalizeTags([' VIP', 'vip', '', 'Wholesale '])).toEqual(['vip', 'wholesale']);
  });

  it('shortens a long tag to 50 characters without cutting one in two', () => {
    expect(normalizeTags([`${'a'.repeat(49)}😀`])).toEqual(['a'.repeat(49)]);
  });
});
