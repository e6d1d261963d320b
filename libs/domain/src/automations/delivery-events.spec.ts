import { isComplaintRateTooHigh, statusAfterEvent, subscriptionAfterEvent } from './delivery-events';

describe('delivery events', () => {
  it.each([
    ['sent', 'delivered', 'delivered'],
    ['delivered', 'open', 'opened'],
    ['opened', 'delivered', 'opened'],
    ['bounced', 'delivered', 'bounced'],
    ['clicked', 'spamreport', 'complained'],
    ['sent', 'processed', 'sent'],
    ['sent', 'deferred', 'sent'],
    ['cancelled', 'delivered', 'cancelled'],
  ] as const)('moves %s on %s to %s', (current, event, next) => {
    expect(statusAfterEvent(current, event)).toBe(next);
  });

  it.each([
    ['bounce', 'bounced'],
    ['dropped', 'bounced'],
    ['spamreport', 'complained'],
    ['unsubscribe', 'unsubscribed'],
    ['delivered', null],
  ] as const)('turns %s into the subscription state %p', (event, state) => {
    expect(subscriptionAfterEvent(event)).toBe(state);
  });

  it.each([
    [0, 10, false],
    [1, 1000, false],
    [1, 300, true],
    [4, 1000, true],
    [1, 0, true],
  ])('judges %i complaints over %i deliveries: too high is %p', (complaints, delivered, isTooHigh) => {
    expect(isComplaintRateTooHigh(complaints, delivered)).toBe(isTooHigh);
  });
});
