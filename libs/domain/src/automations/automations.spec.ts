import {
  DEFAULT_AUTOMATIONS,
  delayMs,
  describeRule,
  interactionStopReason,
  ruleProblems,
} from './automations';

describe('automation rules', () => {
  it("reads the default rules in plain words, a shop's two on and the others off", () => {
    expect(DEFAULT_AUTOMATIONS.map((rule) => [describeRule(rule), rule.isEnabled])).toEqual([
      ['1 day after an order is placed, send "Thank you"', true],
      [
        '7 days after an order is delivered (or 10 days after it is placed when delivery is unknown), send "How did we do?"',
        true,
      ],
      ['5 minutes after an enquiry arrives, send "Thank you for your enquiry"', false],
      ['3 days after a quote is sent, send "Following up on your quote"', false],
      ['2 hours after an appointment is completed, send "Thanks for visiting"', false],
      ['3 days after an appointment is completed, send "How did we do?"', false],
      ['1 hour after someone misses an appointment, send "We missed you"', false],
    ]);
    expect(
      DEFAULT_AUTOMATIONS.flatMap((rule) => ruleProblems(rule.kind, rule.trigger, rule.conditions)),
    ).toEqual([]);
  });

  it.each([
    [{ amount: 30, unit: 'minutes' }, 1_800_000],
    [{ amount: 2, unit: 'hours' }, 7_200_000],
    [{ amount: 1, unit: 'days' }, 86_400_000],
  ] as const)('turns %j into %i ms', (delay, ms) => {
    expect(delayMs(delay)).toBe(ms);
  });

  it('says "when" for an automation without delay', () => {
    const [thankYou] = DEFAULT_AUTOMATIONS;
    if (!thankYou) throw new Error('The defaults include a thank-you');
    expect(describeRule({ ...thankYou, delay: { amount: 0, unit: 'days' } })).toBe(
      'When an order is placed, send "Thank you"',
    );
  });
});

describe('rules for enquiries, quotes and appointments', () => {
  it('refuses a kind that does not fit its trigger, and order-only conditions on other moments', () => {
    expect(ruleProblems('visit-thanks', 'appointment_completed', { tags: ['vip'] })).toEqual([]);
    expect(ruleProblems('opinion-request', 'appointment_completed', {})).toEqual([]);
    expect(ruleProblems('thank-you', 'quote_sent', { orderNumber: 'first', minTotal: '100' })).toEqual([
      { field: 'trigger', reason: expect.stringContaining('an order is placed') },
      { field: 'conditions.orderNumber', reason: 'applies to orders only' },
    ]);
  });

  it('says a quote follow-up is pointless once the quote moved on, or the prospect bought after it', () => {
    const base = {
      trigger: 'quote_sent' as const,
      interactionStatus: 'sent' as const,
      interactionAt: new Date('2027-01-04T09:00:00Z'),
      stopsWhenCustomer: true,
      becameCustomerAt: null,
    };
    expect(interactionStopReason(base)).toBeNull();
    expect(interactionStopReason({ ...base, interactionStatus: 'accepted' })).toBe('it is accepted now');
    expect(interactionStopReason({ ...base, becameCustomerAt: new Date('2027-01-05T09:00:00Z') })).toBe(
      'they became a customer',
    );
    // A customer from before the quote was a customer already: the follow-up goes.
    expect(interactionStopReason({ ...base, becameCustomerAt: new Date('2026-01-05T09:00:00Z') })).toBeNull();
    expect(
      interactionStopReason({
        ...base,
        stopsWhenCustomer: false,
        becameCustomerAt: new Date('2027-01-05T09:00:00Z'),
      }),
    ).toBeNull();
    expect(interactionStopReason({ ...base, trigger: 'order_placed', interactionStatus: null })).toBeNull();
  });
});
