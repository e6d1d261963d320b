import { findValueProblems, toSafeText, unsafeTextReason } from './text-safety';

describe('unsafeTextReason', () => {
  it.each([
    ['plain text', 'Crème brûlée', undefined],
    ['an emoji (a surrogate pair)', 'great 👍', undefined],
    ['a NUL', 'a\u0000b', 'contains a NUL character (\\u0000)'],
    ['a lone high surrogate', 'x\ud800y', 'contains an unpaired UTF-16 surrogate'],
    ['a high surrogate at the end', 'x\ud83d', 'contains an unpaired UTF-16 surrogate'],
    ['a lone low surrogate', 'x\udc00', 'contains an unpaired UTF-16 surrogate'],
    ['two high surrogates', '\ud83d\ud83d\udc4d', 'contains an unpaired UTF-16 surrogate'],
  ])('judges %s', (_name, text, expected) => {
    expect(unsafeTextReason(text)).toBe(expected);
  });
});

describe('toSafeText', () => {
  it('drops NULs and replaces unpaired surrogates, keeping pairs', () => {
    expect(toSafeText('a\u0000b\ud800c👍\udc00')).toBe('ab\ufffdc👍\ufffd');
    expect(unsafeTextReason(toSafeText('\ud83d\ud83d\udc4d\u0000'))).toBeUndefined();
  });

  it('returns safe text unchanged', () => {
    expect(toSafeText('Müller')).toBe('Müller');
  });
});

describe('findValueProblems', () => {
  it('names every bad string with its path, nested objects and arrays included', () => {
    const problems = findValueProblems({
      name: 'ok',
      customer: { email: 'a\u0000@b.c' },
      lines: [{ sku: 'fine' }, { sku: '\ud800' }],
    });
    expect(problems).toEqual([
      { field: 'customer.email', reason: 'contains a NUL character (\\u0000)' },
      { field: 'lines[1].sku', reason: 'contains an unpaired UTF-16 surrogate' },
    ]);
  });

  it('checks the names of fields too', () => {
    expect(findValueProblems({ externalIds: { 'a\u0000': '1' } })).toEqual([
      { field: 'externalIds.a', reason: 'has a name that contains a NUL character (\\u0000)' },
    ]);
  });

  it('refuses nesting past the limit without using the stack', () => {
    const deep = JSON.parse('['.repeat(200_000) + ']'.repeat(200_000)) as unknown;
    expect(findValueProblems(deep)).toEqual([
      { field: 'body' + '[0]'.repeat(32), reason: 'nests deeper than 32 levels' },
    ]);
  });

  it('accepts nesting up to the limit', () => {
    const nested = JSON.parse('{"a":'.repeat(31) + '{}' + '}'.repeat(31)) as unknown;
    expect(findValueProblems(nested)).toEqual([]);
  });

  it('stops after the most problems it reports', () => {
    const many = Array.from({ length: 100 }, () => '\u0000');
    expect(findValueProblems(many, 'tags')).toHaveLength(20);
  });

  it('names a bad top-level string after its root', () => {
    expect(findValueProblems('\u0000', 'search')).toEqual([
      { field: 'search', reason: 'contains a NUL character (\\u0000)' },
    ]);
  });
});
