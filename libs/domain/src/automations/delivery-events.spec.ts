import {
  isBounceSpike,
  isComplaintRateTooHigh,
  statusAfterEvent,
  subscriptionAfterEvent,
} from './delivery-events';

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

describe('isBounceSpike', () => {
  it('calls ten bounces in a day of a hundred deliveries a spike, and nine of any number chance', () => {
    expect(isBounceSpike(10, 100)).toBe(true);
    expect(isBounceSpike(9, 0)).toBe(false);
  });

  it('calls a few per cent of a big day normal', () => {
    expect(isBounceSpike(40, 2000)).toBe(false);
    expect(isBounceSpike(120, 2000)).toBe(true);
  });
});
