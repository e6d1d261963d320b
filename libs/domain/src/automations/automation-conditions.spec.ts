import {
  conditionsMatch,
  conditionsProblems,
  describeConditions,
  type OrderFacts,
} from './automation-conditions';

const FACTS: OrderFacts = {
  isFirstOrder: false,
  productNames: ['Seeded Rye', 'Lemon tart'],
  total: 42.5,
  tags: ['local'],
  locale: 'de',
};

describe('automation conditions', () => {
  it('matches everything when empty', () => {
    expect(conditionsMatch({}, FACTS)).toBe(true);
  });

  it('checks first or repeat orders, products by name in any case, total bounds, tags and language', () => {
    expect(conditionsMatch({ orderNumber: 'repeat' }, FACTS)).toBe(true);
    expect(conditionsMatch({ orderNumber: 'first' }, FACTS)).toBe(false);
    expect(conditionsMatch({ productNames: ['seeded rye '] }, FACTS)).toBe(true);
    expect(conditionsMatch({ productNames: ['Sourdough'] }, FACTS)).toBe(false);
    expect(conditionsMatch({ minTotal: '42.50', maxTotal: '42.50' }, FACTS)).toBe(true);
    expect(conditionsMatch({ minTotal: '50' }, FACTS)).toBe(false);
    expect(conditionsMatch({ maxTotal: '40' }, FACTS)).toBe(false);
    expect(conditionsMatch({ tags: ['vip', 'local'] }, FACTS)).toBe(true);
    expect(conditionsMatch({ tags: ['vip'] }, FACTS)).toBe(false);
    expect(conditionsMatch({ locales: ['de', 'fr'] }, FACTS)).toBe(true);
    expect(conditionsMatch({ locales: ['de'] }, { ...FACTS, locale: null })).toBe(false);
  });

  it('reads as words after the rule', () => {
    expect(
      describeConditions({
        orderNumber: 'repeat',
        productNames: ['Rye', 'Tart'],
        minTotal: '20',
        locales: ['de'],
      }),
    ).toBe(', for repeat orders, containing Rye or Tart, totalling at least 20, in German');
    expect(describeConditions({})).toBe('');
  });

  it('names each wrong field', () => {
    expect(
      conditionsProblems({
        orderNumber: 'second',
        minTotal: '30',
        maxTotal: '20',
        tags: [3],
        locales: ['pt'],
        colour: 1,
      }),
    ).toEqual([
      { field: 'conditions.colour', reason: 'is not a condition' },
      { field: 'conditions.orderNumber', reason: 'must be first or repeat' },
      { field: 'conditions.tags', reason: 'must be a list of up to 50 names' },
      { field: 'conditions.maxTotal', reason: 'must not be below the minimum' },
      { field: 'conditions.locales', reason: 'must be a list of en, es, fr, de' },
    ]);
    expect(conditionsProblems({ minTotal: '12,50' })).toEqual([
      { field: 'conditions.minTotal', reason: 'must be an amount like 25 or 25.50' },
    ]);
    expect(conditionsProblems([])).toEqual([{ field: 'conditions', reason: 'must be an object' }]);
  });
});
