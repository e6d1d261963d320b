import type { CustomerSort } from '@rapport/domain';

export const ORDER_STATS = `LEFT JOIN LATERAL (
    SELECT count(*) AS order_count, max(o.placed_at) AS last_order_at
      FROM orders o WHERE o.tenant_id = c.tenant_id AND o.customer_id = c.id
  ) stats ON true`;

/**
 * The orders of the list besides newest first: the expressions it sorts on (with their types, to cast a
 * cursor's keys back), all in one direction, then the id in that direction.
 */
export const SORTED_BY: Record<
  Exclude<CustomerSort, 'newest'>,
  { keys: [string, string][]; direction: 'ASC' | 'DESC' }
> = {
  name: {
    keys: [
      [`(c.name = '')`, 'boolean'],
      ['lower(c.name)', 'text'],
    ],
    direction: 'ASC',
  },
  'last-order': {
    keys: [[`coalesce(stats.last_order_at, '-infinity'::timestamptz)`, 'timestamptz']],
    direction: 'DESC',
  },
  orders: { keys: [['stats.order_count', 'bigint']], direction: 'DESC' },
};

/** Whether a key of a cursor reads as the type PostgreSQL wrote it in (`expression::text`). */
export function isCursorKey(key: string, type: string): boolean {
  if (type === 'boolean') return key === 'true' || key === 'false';
  if (type === 'bigint') return /^\d{1,18}$/.test(key);
  if (type === 'timestamptz') {
    if (key === '-infinity') return true;
    const parts = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/.exec(key);
    if (!parts) return false;
    const [month, day, hour, minute, second] = parts.slice(2, 7).map(Number) as number[];
    return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour < 24 && minute < 60 && second < 60;
  }
  return key.length <= 1000 && !key.includes('\u0000');
}
