/**
 * Below this many answers a score is shown with its count and no trend is drawn: with fewer, one buyer
 * moves an NPS by several points and a week-on-week change says more about chance than about the business.
 */
export const MIN_ANSWERS_FOR_TREND = 30;

/** Whether a figure stands on enough answers to call a change of it a trend. */
export function isEnoughForTrend(answers: number): boolean {
  return answers >= MIN_ANSWERS_FOR_TREND;
}

/**
 * The 95% margin of error of an NPS, in points: NPS is the mean of a variable that is +100 for a promoter,
 * −100 for a detractor and 0 for a passive, so its standard error is √((p + d − (p − d)²) / n) × 100 for
 * the shares p of promoters and d of detractors. Null when nobody answered. Rounded up to a whole point:
 * the margin is never shown smaller than it is.
 */
export function npsMarginOfError(promoters: number, detractors: number, total: number): number | null {
  if (total <= 0) return null;
  const p = promoters / total;
  const d = detractors / total;
  const variance = Math.max(0, p + d - (p - d) ** 2);
  return Math.ceil(1.96 * Math.sqrt(variance / total) * 100);
}

/**
 * The change of a figure against the previous period of the same length, for a dashboard tile: null when
 * either period stands on too few answers to compare (the tile then says so instead of an arrow).
 */
export function comparedChange(
  current: { value: number | null; answers: number },
  previous: { value: number | null; answers: number },
): number | null {
  if (current.value === null || previous.value === null) return null;
  if (!isEnoughForTrend(current.answers) || !isEnoughForTrend(previous.answers)) return null;
  return current.value - previous.value;
}
