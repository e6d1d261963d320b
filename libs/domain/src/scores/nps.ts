/** Net Promoter Score bands: 9-10 promote, 7-8 are passive, 0-6 detract. */
export const NPS_BANDS = ['promoter', 'passive', 'detractor'] as const;
export type NpsBand = (typeof NPS_BANDS)[number];

export interface NpsSummary {
  promoters: number;
  passives: number;
  detractors: number;
  total: number;
  /** -100..100 rounded to a whole number; null when nobody answered (0 would claim a neutral result). */
  score: number | null;
}

/** Throws on anything but a whole number from 0 to 10: a bad score must never be averaged in silently. */
export function npsBand(score: number): NpsBand {
  if (!Number.isInteger(score) || score < 0 || score > 10) {
    throw new RangeError(`An NPS score is a whole number from 0 to 10, got ${score}`);
  }
  if (score >= 9) return 'promoter';
  if (score >= 7) return 'passive';
  return 'detractor';
}

/** NPS = % promoters - % detractors over all answers. */
export function summarizeNps(scores: readonly number[]): NpsSummary {
  const summary: NpsSummary = { promoters: 0, passives: 0, detractors: 0, total: 0, score: null };
  for (const score of scores) {
    const band = npsBand(score);
    if (band === 'promoter') summary.promoters++;
    else if (band === 'passive') summary.passives++;
    else summary.detractors++;
    summary.total++;
  }
  summary.score = npsScore(summary.promoters, summary.detractors, summary.total);
  return summary;
}

/** NPS from counts (as an aggregate query gives them); null when nobody answered. */
export function npsScore(promoters: number, detractors: number, total: number): number | null {
  return total > 0 ? roundHalfAwayFromZero(((promoters - detractors) * 100) / total) : null;
}

/** Math.round rounds -12.5 to -12; reports must treat +12.5 and -12.5 symmetrically. */
function roundHalfAwayFromZero(value: number): number {
  const rounded = Math.round(Math.abs(value));
  return value < 0 ? -rounded : rounded;
}
