import { BUYER_LOCALES, type BuyerLocale } from '../commerce/customers';
import type { FieldError } from '../contracts/errors';

/** The kinds of question a survey may ask. */
export const QUESTION_TYPES = [
  'nps',
  'csat',
  'product-rating',
  'single-choice',
  'multiple-choice',
  'text',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** The score questions, with their scales: NPS 0-10, CSAT 1-5, stars 1-5 per purchased product. */
export const SCALES = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
  'product-rating': { min: 1, max: 5 },
} as const;
export type ScaleType = keyof typeof SCALES;
export type HeadlineType = 'nps' | 'csat';

/** Shows a question only when an earlier score question's answer falls in a range (both ends included). */
export interface ScoreCondition {
  question: string;
  atLeast?: number;
  atMost?: number;
}

export interface SurveyQuestion {
  /** Stable within the survey; answers are stored under it. */
  id: string;
  type: QuestionType;
  /**
   * The question as the business wrote it for every language; null shows the standard wording in the
   * buyer's language. Surveys saved before per-language wording have only this.
   */
  prompt: string | null;
  /** The business's wording per language, over `prompt` and the standard wording; absent: none. */
  prompts?: Partial<Record<BuyerLocale, string>>;
  required: boolean;
  /** The choices of a single- or multiple-choice question. */
  options?: string[];
  showWhen?: ScoreCondition;
}

export interface SurveyDefinition {
  questions: SurveyQuestion[];
  /** Shown after answering; null shows the standard thanks in the buyer's language. */
  thankYou: string | null;
}

const ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
const MAX_QUESTIONS = 12;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalText(value: unknown, field: string, max: number, problems: FieldError[]): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') {
    problems.push({ field, reason: 'must be text or null' });
    return null;
  }
  const text = value.trim();
  if (text.length > max) problems.push({ field, reason: `must be at most ${max} characters` });
  return text === '' ? null : text;
}

function readPrompts(
  value: unknown,
  field: string,
  problems: FieldError[],
): Partial<Record<BuyerLocale, string>> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) {
    problems.push({ field, reason: 'must be an object of wording by language (en, es, fr, de)' });
    return undefined;
  }
  const prompts: Partial<Record<BuyerLocale, string>> = {};
  for (const [locale, text] of Object.entries(value)) {
    if (!(BUYER_LOCALES as readonly string[]).includes(locale)) {
      problems.push({ field: `${field}.${locale}`, reason: `is not one of ${BUYER_LOCALES.join(', ')}` });
      continue;
    }
    const wording = optionalText(text, `${field}.${locale}`, 300, problems);
    if (wording !== null) prompts[locale as BuyerLocale] = wording;
  }
  return Object.keys(prompts).length > 0 ? prompts : undefined;
}

function readCondition(
  value: unknown,
  field: string,
  earlier: ReadonlyMap<string, QuestionType>,
  problems: FieldError[],
): ScoreCondition | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) {
    problems.push({ field, reason: 'must be an object with question, atLeast and/or atMost' });
    return undefined;
  }
  const question = value['question'];
  const type = typeof question === 'string' ? earlier.get(question) : undefined;
  if (!type || !(type === 'nps' || type === 'csat')) {
    problems.push({
      field: `${field}.question`,
      reason: 'must name an NPS or CSAT question that comes before this one',
    });
    return undefined;
  }
  const scale = SCALES[type];
  const condition: ScoreCondition = { question: question as string };
  for (const bound of ['atLeast', 'atMost'] as const) {
    const raw = value[bound];
    if (raw === undefined || raw === null) continue;
    if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < scale.min || raw > scale.max) {
      problems.push({
        field: `${field}.${bound}`,
        reason: `must be a whole number from ${scale.min} to ${scale.max}`,
      });
    } else condition[bound] = raw;
  }
  if (condition.atLeast === undefined && condition.atMost === undefined) {
    problems.push({ field, reason: 'needs atLeast, atMost or both' });
  } else if (
    condition.atLeast !== undefined &&
    condition.atMost !== undefined &&
    condition.atLeast > condition.atMost
  ) {
    problems.push({ field, reason: 'atLeast must not be above atMost' });
  }
  return condition;
}

function readOptions(value: unknown, field: string, problems: FieldError[]): string[] {
  if (!Array.isArray(value) || value.length < 2 || value.length > 10) {
    problems.push({ field, reason: 'must list 2 to 10 choices' });
    return [];
  }
  const options: string[] = [];
  value.forEach((option, index) => {
    const text = typeof option === 'string' ? option.trim() : '';
    if (text === '' || text.length > 100) {
      problems.push({ field: `${field}[${index}]`, reason: 'must be 1 to 100 characters of text' });
    } else if (options.includes(text)) {
      problems.push({ field: `${field}[${index}]`, reason: `repeats "${text}"` });
    } else options.push(text);
  });
  return options;
}

/**
 * Reads a survey as a client sent it: every problem with its field, or the definition, trimmed. A score
 * question's follow-up may depend only on an earlier one, so the answer page can show it as soon as the
 * score is known.
 */
export function parseSurveyDefinition(
  input: unknown,
): { definition: SurveyDefinition } | { problems: FieldError[] } {
  const problems: FieldError[] = [];
  if (!isRecord(input)) return { problems: [{ field: 'definition', reason: 'must be an object' }] };
  const rawQuestions = input['questions'];
  if (!Array.isArray(rawQuestions) || rawQuestions.length === 0 || rawQuestions.length > MAX_QUESTIONS) {
    return { problems: [{ field: 'questions', reason: `must list 1 to ${MAX_QUESTIONS} questions` }] };
  }
  const seen = new Map<string, QuestionType>();
  const questions: SurveyQuestion[] = [];
  rawQuestions.forEach((raw, index) => {
    const field = `questions[${index}]`;
    if (!isRecord(raw)) {
      problems.push({ field, reason: 'must be an object' });
      return;
    }
    const id = raw['id'];
    const type = raw['type'];
    if (typeof id !== 'string' || !ID.test(id)) {
      problems.push({
        field: `${field}.id`,
        reason: 'must be 1 to 40 lowercase letters, digits or dashes',
      });
    } else if (seen.has(id)) problems.push({ field: `${field}.id`, reason: `repeats "${id}"` });
    if (typeof type !== 'string' || !(QUESTION_TYPES as readonly string[]).includes(type)) {
      problems.push({ field: `${field}.type`, reason: `must be one of ${QUESTION_TYPES.join(', ')}` });
      return;
    }
    const question: SurveyQuestion = {
      id: String(id),
      type: type as QuestionType,
      prompt: optionalText(raw['prompt'], `${field}.prompt`, 300, problems),
      required: raw['required'] === true,
    };
    const prompts = readPrompts(raw['prompts'], `${field}.prompts`, problems);
    if (prompts) question.prompts = prompts;
    if (raw['required'] !== undefined && typeof raw['required'] !== 'boolean') {
      problems.push({ field: `${field}.required`, reason: 'must be true or false' });
    }
    if (question.type === 'single-choice' || question.type === 'multiple-choice') {
      question.options = readOptions(raw['options'], `${field}.options`, problems);
      if (question.prompt === null && !question.prompts)
        problems.push({ field: `${field}.prompt`, reason: 'a choice question needs its question' });
    }
    const showWhen = readCondition(raw['showWhen'], `${field}.showWhen`, seen, problems);
    if (showWhen) question.showWhen = showWhen;
    seen.set(question.id, question.type);
    questions.push(question);
  });
  const thankYou = optionalText(input['thankYou'], 'thankYou', 500, problems);
  return problems.length > 0 ? { problems } : { definition: { questions, thankYou } };
}

/** The question the email shows inline: the first one, when it is an NPS or CSAT score. */
export function headlineQuestion(
  definition: SurveyDefinition,
): (SurveyQuestion & { type: HeadlineType }) | null {
  const [first] = definition.questions;
  return first && (first.type === 'nps' || first.type === 'csat')
    ? (first as SurveyQuestion & { type: HeadlineType })
    : null;
}

/** Whether a question is asked, given the scores answered so far (a condition on an unanswered score hides it). */
export function isQuestionShown(
  question: SurveyQuestion,
  scores: Readonly<Record<string, number | undefined>>,
): boolean {
  const condition = question.showWhen;
  if (!condition) return true;
  const score = scores[condition.question];
  if (score === undefined) return false;
  if (condition.atLeast !== undefined && score < condition.atLeast) return false;
  if (condition.atMost !== undefined && score > condition.atMost) return false;
  return true;
}
