import type { FieldError } from '../contracts/errors';
import { type NpsBand, npsBand } from '../scores/nps';
import {
  type HeadlineType,
  headlineQuestion,
  isQuestionShown,
  SCALES,
  type SurveyDefinition,
} from './survey-schema';

/** One question's answer: a score, a text, the chosen options, or stars per product name. */
export type AnswerValue = number | string | string[] | Record<string, number>;
export type SurveyAnswers = Record<string, AnswerValue>;

/** The values of a submitted form: a field sent more than once arrives as a list. */
export type FormValues = Readonly<Record<string, string | string[] | undefined>>;

export const MAX_TEXT_ANSWER = 4000;

export interface ReadAnswers {
  answers: SurveyAnswers;
  problems: FieldError[];
  /** Required questions, shown given the scores, that have no answer yet. */
  missing: string[];
}

/** The field name a question's answer is posted under; a product rating adds the product's position. */
export function answerField(questionId: string, productIndex?: number): string {
  return productIndex === undefined ? `q.${questionId}` : `q.${questionId}.${productIndex}`;
}

function single(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? (value.at(-1) ?? '') : (value ?? '')).trim();
}

function readScore(raw: string, min: number, max: number): number | null {
  if (!/^\d{1,2}$/.test(raw)) return null;
  const score = Number(raw);
  return score >= min && score <= max ? score : null;
}

/**
 * Reads an answer form against the survey version it answers, merged over what the buyer saved before
 * (a later answer replaces an earlier one, the score included: the buyer correcting a tap is the likelier
 * story than a change of heart). Empty fields keep the saved value; invalid ones are problems, with nothing
 * taken from the form.
 */
export function readAnswerForm(
  definition: SurveyDefinition,
  form: FormValues,
  products: readonly string[],
  saved: SurveyAnswers = {},
): ReadAnswers {
  const answers: SurveyAnswers = { ...saved };
  const problems: FieldError[] = [];
  for (const question of definition.questions) {
    const field = answerField(question.id);
    switch (question.type) {
      case 'nps':
      case 'csat': {
        const raw = single(form[field]);
        if (raw === '') break;
        const { min, max } = SCALES[question.type];
        const score = readScore(raw, min, max);
        if (score === null) problems.push({ field, reason: `must be a whole number from ${min} to ${max}` });
        else answers[question.id] = score;
        break;
      }
      case 'product-rating': {
        const ratings: Record<string, number> = {
          ...((saved[question.id] as Record<string, number> | undefined) ?? {}),
        };
        products.forEach((product, index) => {
          const raw = single(form[answerField(question.id, index)]);
          if (raw === '') return;
          const stars = readScore(raw, 1, 5);
          if (stars === null)
            problems.push({ field: answerField(question.id, index), reason: 'must be 1 to 5 stars' });
          else ratings[product] = stars;
        });
        if (Object.keys(ratings).length > 0) answers[question.id] = ratings;
        break;
      }
      case 'single-choice': {
        const raw = single(form[field]);
        if (raw === '') break;
        if (question.options?.includes(raw)) answers[question.id] = raw;
        else problems.push({ field, reason: 'must be one of the choices' });
        break;
      }
      case 'multiple-choice': {
        const raw = form[field];
        const chosen = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map((item) => item.trim());
        if (chosen.length === 0) break;
        const unknown = chosen.find((item) => !question.options?.includes(item));
        if (unknown !== undefined) problems.push({ field, reason: `"${unknown}" is not one of the choices` });
        else answers[question.id] = [...new Set(chosen)];
        break;
      }
      case 'text': {
        const raw = single(form[field]);
        if (raw === '') break;
        if (raw.length > MAX_TEXT_ANSWER)
          problems.push({ field, reason: `must be at most ${MAX_TEXT_ANSWER} characters` });
        else answers[question.id] = raw;
        break;
      }
    }
  }
  if (problems.length > 0) return { answers: saved, problems, missing: [] };
  return { answers, problems, missing: missingAnswers(definition, answers, products) };
}

/** The scores answered, by question id: what follow-up questions depend on. */
export function scoresOf(answers: SurveyAnswers): Record<string, number> {
  const scores: Record<string, number> = {};
  for (const [id, value] of Object.entries(answers)) if (typeof value === 'number') scores[id] = value;
  return scores;
}

export function missingAnswers(
  definition: SurveyDefinition,
  answers: SurveyAnswers,
  products: readonly string[],
): string[] {
  const scores = scoresOf(answers);
  return definition.questions
    .filter((question) => question.required && isQuestionShown(question, scores))
    .filter((question) => question.type !== 'product-rating' || products.length > 0)
    .filter((question) => answers[question.id] === undefined)
    .map((question) => question.id);
}

/** The answer's headline score: the first question's, when it is an NPS or CSAT one and answered. */
export function headlineScore(
  definition: SurveyDefinition,
  answers: SurveyAnswers,
): { type: HeadlineType; score: number } | null {
  const question = headlineQuestion(definition);
  const score = question ? answers[question.id] : undefined;
  return question && typeof score === 'number' ? { type: question.type, score } : null;
}

/** The bands the inbox filters by. CSAT reads 4-5 as promoters, 3 as passive and 1-2 as detractors. */
export function scoreBand(type: HeadlineType, score: number): NpsBand {
  if (type === 'nps') return npsBand(score);
  return score >= 4 ? 'promoter' : score === 3 ? 'passive' : 'detractor';
}

/** An answer that earns a request to recommend the business: NPS 9 or 10, or the top of a 5-point scale. */
export function isReferralPromoter(type: HeadlineType, score: number): boolean {
  return type === 'nps' ? score >= 9 : score === 5;
}

/** The buyer's written words, joined: what the inbox searches and the report quotes. */
export function commentOf(definition: SurveyDefinition, answers: SurveyAnswers): string | null {
  const texts = definition.questions
    .filter((question) => question.type === 'text')
    .map((question) => answers[question.id])
    .filter((value): value is string => typeof value === 'string' && value !== '');
  return texts.length > 0 ? texts.join('\n\n') : null;
}

/** The product ratings in an answer, as name -> stars. */
export function productRatingsOf(
  definition: SurveyDefinition,
  answers: SurveyAnswers,
): Record<string, number> {
  const ratings: Record<string, number> = {};
  for (const question of definition.questions) {
    const value = answers[question.id];
    if (question.type === 'product-rating' && value && typeof value === 'object' && !Array.isArray(value))
      Object.assign(ratings, value);
  }
  return ratings;
}

/** The scores at or below which an answer opens a case for staff; per business. */
export interface CaseThresholds {
  nps: number;
  csat: number;
  productRating: number;
}

export const DEFAULT_CASE_THRESHOLDS: CaseThresholds = { nps: 6, csat: 2, productRating: 2 };

/** Why an answer needs a person, in words for the case ("NPS 3", "Sourdough rated 2 stars"); empty when it does not. */
export function lowScoreReasons(
  definition: SurveyDefinition,
  answers: SurveyAnswers,
  thresholds: CaseThresholds = DEFAULT_CASE_THRESHOLDS,
): string[] {
  const reasons: string[] = [];
  for (const question of definition.questions) {
    const value = answers[question.id];
    if (question.type === 'nps' && typeof value === 'number' && value <= thresholds.nps)
      reasons.push(`NPS ${value}`);
    if (question.type === 'csat' && typeof value === 'number' && value <= thresholds.csat)
      reasons.push(`satisfaction ${value} of 5`);
  }
  for (const [product, stars] of Object.entries(productRatingsOf(definition, answers))) {
    if (stars <= thresholds.productRating)
      reasons.push(`${product} rated ${stars} star${stars === 1 ? '' : 's'}`);
  }
  return reasons;
}
