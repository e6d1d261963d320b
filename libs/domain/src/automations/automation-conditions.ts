import { BUYER_LOCALE_NAMES, BUYER_LOCALES, type BuyerLocale } from '../commerce/customers';

/** Which orders and buyers a rule is for; every condition set must hold, an empty set matches all. */
export interface AutomationConditions {
  /** The buyer's first order, or any later one. */
  orderNumber?: 'first' | 'repeat';
  /** The order holds at least one of these products (by name, any case). */
  productNames?: string[];
  /** Order total bounds, inclusive, in the order's currency (decimal strings). */
  minTotal?: string;
  maxTotal?: string;
  /** The buyer carries at least one of these tags. */
  tags?: string[];
  /** The buyer's language is one of these. */
  locales?: BuyerLocale[];
}

/** What the planner knows about an order when it applies a rule. */
export interface OrderFacts {
  isFirstOrder: boolean;
  productNames: string[];
  total: number;
  tags: string[];
  locale: BuyerLocale | null;
}

const MONEY = /^\d{1,12}(\.\d{1,2})?$/;

export function conditionsMatch(conditions: AutomationConditions, facts: OrderFacts): boolean {
  if (conditions.orderNumber === 'first' && !facts.isFirstOrder) return false;
  if (conditions.orderNumber === 'repeat' && facts.isFirstOrder) return false;
  if (conditions.productNames?.length) {
    const wanted = new Set(conditions.productNames.map((name) => name.trim().toLowerCase()));
    if (!facts.productNames.some((name) => wanted.has(name.trim().toLowerCase()))) return false;
  }
  if (conditions.minTotal !== undefined && facts.total < Number(conditions.minTotal)) return false;
  if (conditions.maxTotal !== undefined && facts.total > Number(conditions.maxTotal)) return false;
  if (conditions.tags?.length && !facts.tags.some((tag) => conditions.tags?.includes(tag))) return false;
  if (conditions.locales?.length && (!facts.locale || !conditions.locales.includes(facts.locale)))
    return false;
  return true;
}

/** The conditions in words, to follow the rule's description: `, for repeat orders containing Rye`. */
export function describeConditions(conditions: AutomationConditions): string {
  const parts: string[] = [];
  if (conditions.orderNumber) parts.push(`for ${conditions.orderNumber} orders`);
  if (conditions.productNames?.length) parts.push(`containing ${conditions.productNames.join(' or ')}`);
  if (conditions.minTotal !== undefined && conditions.maxTotal !== undefined)
    parts.push(`totalling ${conditions.minTotal} to ${conditions.maxTotal}`);
  else if (conditions.minTotal !== undefined) parts.push(`totalling at least ${conditions.minTotal}`);
  else if (conditions.maxTotal !== undefined) parts.push(`totalling at most ${conditions.maxTotal}`);
  if (conditions.tags?.length) parts.push(`to buyers tagged ${conditions.tags.join(' or ')}`);
  if (conditions.locales?.length)
    parts.push(`in ${conditions.locales.map((locale) => BUYER_LOCALE_NAMES[locale]).join(' or ')}`);
  return parts.length > 0 ? `, ${parts.join(', ')}` : '';
}

/** Each problem with a set of conditions, named by its field (`conditions.minTotal`); empty when fine. */
export function conditionsProblems(conditions: unknown): { field: string; reason: string }[] {
  if (typeof conditions !== 'object' || conditions === null || Array.isArray(conditions))
    return [{ field: 'conditions', reason: 'must be an object' }];
  const value = conditions as Record<string, unknown>;
  const problems: { field: string; reason: string }[] = [];
  const known = ['orderNumber', 'productNames', 'minTotal', 'maxTotal', 'tags', 'locales'];
  for (const key of Object.keys(value))
    if (!known.includes(key)) problems.push({ field: `conditions.${key}`, reason: 'is not a condition' });
  if (value['orderNumber'] !== undefined && !['first', 'repeat'].includes(value['orderNumber'] as string))
    problems.push({ field: 'conditions.orderNumber', reason: 'must be first or repeat' });
  for (const key of ['productNames', 'tags'] as const) {
    const list = value[key];
    if (
      list !== undefined &&
      (!Array.isArray(list) ||
        list.length > 50 ||
        // Blank entries are allowed and dropped when stored (a list typed with a trailing comma).
        list.some((item) => typeof item !== 'string' || item.length > 200))
    )
      problems.push({ field: `conditions.${key}`, reason: 'must be a list of up to 50 names' });
  }
  for (const key of ['minTotal', 'maxTotal'] as const) {
    const amount = value[key];
    if (amount !== undefined && (typeof amount !== 'string' || !MONEY.test(amount)))
      problems.push({ field: `conditions.${key}`, reason: 'must be an amount like 25 or 25.50' });
  }
  if (
    typeof value['minTotal'] === 'string' &&
    typeof value['maxTotal'] === 'string' &&
    Number(value['minTotal']) > Number(value['maxTotal'])
  )
    problems.push({ field: 'conditions.maxTotal', reason: 'must not be below the minimum' });
  const locales = value['locales'];
  if (
    locales !== undefined &&
    (!Array.isArray(locales) ||
      locales.some((locale) => !(BUYER_LOCALES as readonly unknown[]).includes(locale)))
  )
    problems.push({ field: 'conditions.locales', reason: `must be a list of ${BUYER_LOCALES.join(', ')}` });
  return problems;
}
