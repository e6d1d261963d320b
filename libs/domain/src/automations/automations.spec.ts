import { DEFAULT_AUTOMATIONS, delayMs, describeRule } from './automations';

describe('automation rules', () => {
  it('reads the default rules in plain words', () => {
    expect(DEFAULT_AUTOMATIONS.map(describeRule)).toEqual([
      '1 day after an order is placed, send "Thank you"',
      '7 days after an order is delivered (or 10 days after it is placed when delivery is unknown), send "How did we do?"',
    ]);
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
