import { comparedChange, isEnoughForTrend, MIN_ANSWERS_FOR_TREND, npsMarginOfError } from './small-samples';

describe('figures on few answers', () => {
  it('gives the 95% margin of an NPS, wide for ten answers and narrow for a thousand', () => {
    // 5 promoters, 2 detractors of 10: p = .5, d = .2, variance .7 − .09 = .61, SE .247 → ±48.4 → 49.
    expect(npsMarginOfError(5, 2, 10)).toBe(49);
    expect(npsMarginOfError(500, 200, 1000)).toBe(5);
    expect(npsMarginOfError(0, 0, 0)).toBeNull();
  });

  it('has no margin when every answer is the same', () => {
    expect(npsMarginOfError(12, 0, 12)).toBe(0);
    expect(npsMarginOfError(0, 0, 7)).toBe(0);
  });

  it(`calls a change a trend only when both periods stand on ${MIN_ANSWERS_FOR_TREND} answers or more`, () => {
    expect(isEnoughForTrend(29)).toBe(false);
    expect(isEnoughForTrend(30)).toBe(true);
    expect(comparedChange({ value: 42, answers: 40 }, { value: 30, answers: 35 })).toBe(12);
    expect(comparedChange({ value: 42, answers: 40 }, { value: 30, answers: 12 })).toBeNull();
    expect(comparedChange({ value: null, answers: 0 }, { value: 30, answers: 40 })).toBeNull();
  });
});
