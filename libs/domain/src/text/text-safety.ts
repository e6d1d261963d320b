/**
 * Text that PostgreSQL, JSON encoders and mail clients cannot all take: the NUL character (PostgreSQL
 * refuses 0x00 in text) and UTF-16 surrogates that are not part of a pair (they have no UTF-8 form).
 */
// The NUL character is exactly what this looks for.
// eslint-disable-next-line no-control-regex
const UNSAFE_TEXT = /[\u0000\ud800-\udfff]/;

/** Why `text` cannot be stored as it is, or `undefined` when it can. */
export function unsafeTextReason(text: string): string | undefined {
  if (!UNSAFE_TEXT.test(text)) return undefined;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0) return 'contains a NUL character (\\u0000)';
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        index++;
        continue;
      }
      return 'contains an unpaired UTF-16 surrogate';
    }
    if (code >= 0xdc00 && code <= 0xdfff) return 'contains an unpaired UTF-16 surrogate';
  }
  return undefined;
}

/**
 * The same text with NUL characters dropped and unpaired surrogates replaced by U+FFFD: for text that must
 * be kept whatever it holds (a buyer's emailed reply, the reason a delivery was refused).
 */
export function toSafeText(text: string): string {
  if (!UNSAFE_TEXT.test(text)) return text;
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/\u0000/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
  );
}

export interface TextProblem {
  /** Where the value sits, written like a validation error's field: `customer.name`, `lines[2].sku`. */
  field: string;
  reason: string;
}

export interface ValueLimits {
  /** Objects and arrays inside one another, the outermost counting as one. */
  maxDepth: number;
  /** At most this many problems are reported; the walk stops there. */
  maxProblems: number;
}

export const DEFAULT_VALUE_LIMITS: ValueLimits = { maxDepth: 32, maxProblems: 20 };

/**
 * Every string (keys included) in a parsed JSON or form value that cannot be stored, and whether the value
 * nests deeper than allowed. Walks without recursion, so no input can exhaust the stack.
 */
export function findValueProblems(
  value: unknown,
  root = '',
  limits: ValueLimits = DEFAULT_VALUE_LIMITS,
): TextProblem[] {
  const problems: TextProblem[] = [];
  const pending: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  while (pending.length > 0 && problems.length < limits.maxProblems) {
    const item = pending.pop() as { value: unknown; path: string; depth: number };
    if (typeof item.value === 'string') {
      const reason = unsafeTextReason(item.value);
      if (reason) problems.push({ field: item.path || 'body', reason });
      continue;
    }
    if (typeof item.value !== 'object' || item.value === null) continue;
    const depth = item.depth + 1;
    if (depth > limits.maxDepth) {
      problems.push({ field: item.path || 'body', reason: `nests deeper than ${limits.maxDepth} levels` });
      return problems;
    }
    const entries = Array.isArray(item.value)
      ? item.value.map((child, index) => [index, child] as const)
      : Object.entries(item.value);
    for (let index = entries.length - 1; index >= 0; index--) {
      const [key, child] = entries[index] as readonly [string | number, unknown];
      const path = fieldPath(item.path, key);
      if (typeof key === 'string') {
        const reason = unsafeTextReason(key);
        if (reason) {
          problems.push({
            field: fieldPath(item.path, toSafeText(key)),
            reason: `has a name that ${reason}`,
          });
          continue;
        }
      }
      pending.push({ value: child, path, depth });
    }
  }
  return problems;
}

function fieldPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent || 'body'}[${key}]`;
  return parent === '' ? key : `${parent}.${key}`;
}
