import { eventsForStatusChange, statusAfter } from './orders';

describe('order status changes', () => {
  it.each([
    [null, 'placed', ['placed']],
    [null, 'delivered', ['placed', 'fulfilled', 'delivered']],
    [null, 'refunded', ['placed', 'refunded']],
    ['placed', 'fulfilled', ['fulfilled']],
    ['placed', 'delivered', ['fulfilled', 'delivered']],
    ['delivered', 'placed', []],
    ['fulfilled', 'fulfilled', []],
    ['delivered', 'refunded', ['refunded']],
    ['placed', 'cancelled', ['cancelled']],
    ['cancelled', 'delivered', []],
    ['cancelled', 'refunded', ['refunded']],
    ['refunded', 'cancelled', []],
  ] as const)('from %p to %p produces %j', (previous, next, events) => {
    expect(eventsForStatusChange(previous, next)).toEqual(events);
  });

  it.each([
    ['delivered', 'placed', 'delivered'],
    ['placed', 'delivered', 'delivered'],
    ['cancelled', 'fulfilled', 'cancelled'],
    [null, 'fulfilled', 'fulfilled'],
  ] as const)('from %p, a %p update leaves %p', (previous, next, result) => {
    expect(statusAfter(previous, next)).toBe(result);
  });
});
