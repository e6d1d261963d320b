import type { CommentLanguage, MentionSentiment, ThemeMention } from '@rapport/domain';

/** One comment of a labelled set: its text and the themes a person read in it. */
export interface LabelledComment {
  id: string;
  text: string;
  themes: { theme: string; sentiment: MentionSentiment }[];
}

export interface ThemeFigures {
  theme: string;
  /** Found and labelled, found but not labelled, labelled but not found. */
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number | null;
  recall: number | null;
}

export interface QualityFigures {
  language: CommentLanguage;
  comments: number;
  themes: ThemeFigures[];
  /** Over every mention, as micro averages. */
  precision: number;
  recall: number;
  /** Of the themes both found and labelled, the share read in the labelled sentiment. */
  sentimentAccuracy: number;
  sentimentCompared: number;
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/**
 * How a reader of comments does against a labelled set: precision and recall per theme and overall
 * (micro-averaged), and how often the sentiment of a theme found and labelled is the labelled one.
 */
export function measureThemes(
  language: CommentLanguage,
  comments: readonly LabelledComment[],
  read: (text: string) => ThemeMention[],
): QualityFigures {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const count = (theme: string) => {
    let entry = counts.get(theme);
    if (!entry) counts.set(theme, (entry = { tp: 0, fp: 0, fn: 0 }));
    return entry;
  };
  let compared = 0;
  let agreed = 0;
  for (const comment of comments) {
    const found = new Map(read(comment.text).map((mention) => [mention.theme, mention.sentiment]));
    const labelled = new Map(comment.themes.map((mention) => [mention.theme, mention.sentiment]));
    for (const [theme, sentiment] of labelled) {
      const seen = found.get(theme);
      if (seen === undefined) {
        count(theme).fn += 1;
        continue;
      }
      count(theme).tp += 1;
      compared += 1;
      if (seen === sentiment) agreed += 1;
    }
    for (const theme of found.keys()) if (!labelled.has(theme)) count(theme).fp += 1;
  }
  const themes = [...counts.entries()]
    .map(([theme, { tp, fp, fn }]) => ({
      theme,
      truePositives: tp,
      falsePositives: fp,
      falseNegatives: fn,
      precision: ratio(tp, tp + fp),
      recall: ratio(tp, tp + fn),
    }))
    .sort((a, b) => a.theme.localeCompare(b.theme));
  const total = themes.reduce(
    (sum, theme) => ({
      tp: sum.tp + theme.truePositives,
      fp: sum.fp + theme.falsePositives,
      fn: sum.fn + theme.falseNegatives,
    }),
    { tp: 0, fp: 0, fn: 0 },
  );
  return {
    language,
    comments: comments.length,
    themes,
    precision: ratio(total.tp, total.tp + total.fp) ?? 0,
    recall: ratio(total.tp, total.tp + total.fn) ?? 0,
    sentimentAccuracy: ratio(agreed, compared) ?? 0,
    sentimentCompared: compared,
  };
}
