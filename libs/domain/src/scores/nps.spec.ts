import { npsBand, summarizeNps } from './nps';

describe('npsBand', () => {
  it.each([
    [0, 'detractor'],
    [6, 'detractor'],
    [7, 'passive'],
    [8, 'passive'],
    [9, 'promoter'],
    [10, 'promoter'],
  ] as const)('puts %i in the %s band', (score, band) => {
    expect(npsBand(score)).toBe(band);
  });

  it.each([-1, 11, 7.5, Number.NaN])('refuses %p as a score', (score) => {
    expect(() => npsBand(score)).toThrow(RangeError);
  });
});

describe('summarizeNps', () => {
  it.each([
    { scores: [], expected: { promoters: 0, passives: 0, detractors: 0, total: 0, score: null } },
    { scores: [10, 10, 9], expected: { promoters: 3, passives: 0, detractors: 0, total: 3, score: 100 } },
    { scores: [0, 3, 6], expected: { promoters: 0, passives: 0, detractors: 3, total: 3, score: -100 } },
    { scores: [7, 8], expected: { promoters: 0, passives: 2, detractors: 0, total: 2, score: 0 } },
    {
      scores: [10, 9, 8, 7, 6, 0],
      expected: { promoters: 2, passives: 2, detractors: 2, total: 6, score: 0 },
    },
    { scores: [10, 10, 10, 5], expected: { promoters: 3, passives: 0, detractors: 1, total: 4, score: 50 } },
    {
      scores: [10, 8, 8, 8, 8, 8, 8, 0],
      expected: { promoters: 1, passives: 6, detractors: 1, total: 8, score: 0 },
    },
    {
      scores: [10, 0, 0, 8, 8, 8, 8, 8],
      expected: { promoters: 1, passives: 5, detractors: 2, total: 8, score: -13 },
    },
    {
      scores: [10, 10, 0, 8, 8, 8, 8, 8],
      expected: { promoters: 2, passives: 5, detractors: 1, total: 8, score: 13 },
    },
  ])('summarizes $scores as NPS $expected.score', ({ scores, expected }) => {
    expect(summarizeNps(scores)).toEqual(expected);
  });

  it('refuses the whole batch when one score is out of range', () => {
    expect(() => summarizeNps([10, 9, 12])).toThrow('got 12');
  });
});
