export const ORDER_STATUSES = ['placed', 'fulfilled', 'delivered', 'cancelled', 'refunded'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_SOURCES = ['api', 'csv', 'console', 'shopify', 'woocommerce', 'stripe'] as const;
export type OrderSource = (typeof ORDER_SOURCES)[number];

/** Statuses that end an order's journey: no follow-up may go out for it any more. */
export function isStoppingStatus(status: OrderStatus): boolean {
  return status === 'cancelled' || status === 'refunded';
}

const PROGRESS: readonly OrderStatus[] = ['placed', 'fulfilled', 'delivered'];

/**
 * The events a status change produces, in order. An order first seen as "delivered" also gets "placed"
 * (and "fulfilled"), so automations keyed on any step see it. Going backwards (a late "placed" after
 * "delivered") produces nothing: deliveries arrive out of order and must not undo progress.
 */
export function eventsForStatusChange(previous: OrderStatus | null, next: OrderStatus): OrderStatus[] {
  if (previous === next) return [];
  if (previous !== null && isStoppingStatus(previous)) {
    return previous === 'cancelled' && next === 'refunded' ? ['refunded'] : [];
  }
  if (isStoppingStatus(next)) return previous === null ? ['placed', next] : [next];
  const from = previous === null ? -1 : PROGRESS.indexOf(previous);
  const to = PROGRESS.indexOf(next);
  return to > from ? PROGRESS.slice(from + 1, to + 1) : [];
}

/** The status an order has after a change: never backwards along placed -> fulfilled -> delivered. */
export function statusAfter(previous: OrderStatus | null, next: OrderStatus): OrderStatus {
  if (previous === null) return next;
  const events = eventsForStatusChange(previous, next);
  return events.length > 0 ? next : previous;
}
