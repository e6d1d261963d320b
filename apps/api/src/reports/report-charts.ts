import type { WeeklyReportContent } from '@rapport/domain';
import { PngCanvas, type Rgb } from './png-canvas';

/** Drawn at twice the size they are shown at, so they stay sharp on high-density screens. */
const SCALE = 2;
const WIDTH = 560 * SCALE;
const HEIGHT = 200 * SCALE;
const PADDING = 16 * SCALE;
const LABEL_SPACE = 18 * SCALE;

const AXIS: Rgb = [197, 203, 203];
const INK: Rgb = [26, 28, 28];
const GOOD: Rgb = [27, 110, 53];
const BAD: Rgb = [179, 38, 30];
const NEUTRAL: Rgb = [0, 105, 107];

export interface ChartImage {
  png: Buffer;
  width: number;
  height: number;
  /** What the chart shows, in words: its alt text. */
  description: string;
}

/** Twelve weeks of NPS as bars above or below zero (-100 to 100); a week without answers has no bar. */
export function npsTrendChart(trend: WeeklyReportContent['npsTrend']): ChartImage {
  const canvas = new PngCanvas(WIDTH, HEIGHT);
  const zero = HEIGHT / 2;
  const half = HEIGHT / 2 - PADDING - LABEL_SPACE;
  canvas.line(PADDING, zero, WIDTH - PADDING, zero, SCALE, AXIS);
  const slot = (WIDTH - 2 * PADDING) / trend.length;
  trend.forEach((week, index) => {
    const center = PADDING + slot * (index + 0.5);
    if (week.score === null) {
      canvas.fillRect(center - 4 * SCALE, zero - SCALE, 8 * SCALE, 2 * SCALE, AXIS);
      return;
    }
    const height = Math.max(SCALE, (Math.abs(week.score) / 100) * half);
    const top = week.score >= 0 ? zero - height : zero;
    canvas.fillRect(center - slot * 0.3, top, slot * 0.6, height, week.score >= 0 ? GOOD : BAD);
    const labelTop = week.score >= 0 ? top - 13 * SCALE : top + height + 3 * SCALE;
    canvas.text(String(week.score), center, labelTop, 2 * SCALE, INK);
  });
  const scored = trend.filter((week) => week.score !== null);
  return {
    png: canvas.toPng(),
    width: WIDTH / SCALE,
    height: HEIGHT / SCALE,
    description:
      scored.length === 0
        ? 'NPS over twelve weeks: no scores yet'
        : `NPS over twelve weeks, by week: ${trend.map((week) => (week.score === null ? 'none' : week.score)).join(', ')}`,
  };
}

/** Answers per day, Monday to Sunday, as bars with their counts. */
export function answersPerDayChart(days: WeeklyReportContent['answersPerDay']): ChartImage {
  const canvas = new PngCanvas(WIDTH, HEIGHT);
  const bottom = HEIGHT - PADDING;
  const top = PADDING + LABEL_SPACE;
  const highest = Math.max(1, ...days.map((day) => day.count));
  canvas.line(PADDING, bottom, WIDTH - PADDING, bottom, SCALE, AXIS);
  const slot = (WIDTH - 2 * PADDING) / days.length;
  days.forEach((day, index) => {
    const center = PADDING + slot * (index + 0.5);
    const height = (day.count / highest) * (bottom - top);
    if (day.count > 0) canvas.fillRect(center - slot * 0.3, bottom - height, slot * 0.6, height, NEUTRAL);
    canvas.text(String(day.count), center, bottom - height - 13 * SCALE, 2 * SCALE, INK);
  });
  return {
    png: canvas.toPng(),
    width: WIDTH / SCALE,
    height: HEIGHT / SCALE,
    description: `Answers per day, Monday to Sunday: ${days.map((day) => day.count).join(', ')}`,
  };
}
