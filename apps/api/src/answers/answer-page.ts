import {
  answerField,
  type BuyerLocale,
  type FieldError,
  fillPhrase,
  isQuestionShown,
  questionPrompt,
  REVIEW_PLATFORM_WORDS,
  type ReviewPlatformName,
  SCALES,
  scaleEnds,
  scoresOf,
  SURVEY_PHRASES,
  type SurveyAnswers,
  type SurveyDefinition,
  type SurveyQuestion,
} from '@rapport/domain';
import { escapeHtml } from '../mail/html';
import { buyerPage, type PageBrand } from './buyer-page';

export interface AnswerPageInput {
  brand: PageBrand;
  locale: BuyerLocale;
  definition: SurveyDefinition;
  /** The order's product names, for star ratings. */
  products: readonly string[];
  /** What is saved, with the score from the email's button laid over it. */
  answers: SurveyAnswers;
  problems: readonly FieldError[];
  missing: readonly string[];
  /** True once something is saved: the page thanks the buyer above the form. */
  isSaved: boolean;
  /** The post could not be read as a form: the page asks for the answers again. */
  isUnreadable?: boolean;
  /** Where the form posts. */
  action: string;
  /** Offered after answering when the business invites every buyer to review: one button per platform. */
  reviews: { platform: ReviewPlatformName; action: string }[];
}

const elementId = (question: SurveyQuestion, value?: string | number): string =>
  `${question.id}${value === undefined ? '' : `-${String(value)}`}`;

function scale(question: SurveyQuestion & { type: 'nps' | 'csat' }, input: AnswerPageInput): string {
  const { min, max } = SCALES[question.type];
  const chosen = input.answers[question.id];
  const ends = scaleEnds(question.type, input.locale);
  const options: string[] = [];
  for (let score = min; score <= max; score += 1) {
    options.push(
      `<label><input type="radio" id="${elementId(question, score)}" name="${answerField(question.id)}" value="${score}"${chosen === score ? ' checked' : ''}><span>${score}</span></label>`,
    );
  }
  return `<div class="scale">${options.join('')}</div><div class="ends" aria-hidden="true"><span>${escapeHtml(ends.low)}</span><span>${escapeHtml(ends.high)}</span></div>`;
}

function stars(question: SurveyQuestion, input: AnswerPageInput): string {
  const phrases = SURVEY_PHRASES[input.locale];
  const saved = (input.answers[question.id] ?? {}) as Record<string, number>;
  return input.products
    .map((product, index) => {
      const options: string[] = [];
      for (let value = 1; value <= 5; value += 1) {
        const label = fillPhrase(phrases.stars, { n: value });
        options.push(
          `<label><input type="radio" name="${answerField(question.id, index)}" value="${value}"${saved[product] === value ? ' checked' : ''}><span aria-label="${escapeHtml(label)}">${'★'.repeat(value)}</span></label>`,
        );
      }
      return `<fieldset class="product"><legend>${escapeHtml(product)}</legend><div class="scale">${options.join('')}</div></fieldset>`;
    })
    .join('');
}

function choices(question: SurveyQuestion, input: AnswerPageInput): string {
  const multiple = question.type === 'multiple-choice';
  const saved = input.answers[question.id];
  const chosen = new Set(Array.isArray(saved) ? saved : typeof saved === 'string' ? [saved] : []);
  return `<div class="choices">${(question.options ?? [])
    .map(
      (option) =>
        `<label><input type="${multiple ? 'checkbox' : 'radio'}" name="${answerField(question.id)}" value="${escapeHtml(option)}"${chosen.has(option) ? ' checked' : ''}><span>${escapeHtml(option)}</span></label>`,
    )
    .join('')}</div>`;
}

function questionBlock(question: SurveyQuestion, input: AnswerPageInput): string {
  const prompt = escapeHtml(questionPrompt(question, input.locale, input.brand.name));
  const optional = question.required
    ? ''
    : ` <span class="optional">(${escapeHtml(SURVEY_PHRASES[input.locale].optional)})</span>`;
  const problem = input.problems.find((item) => item.field.startsWith(answerField(question.id)));
  const problemNote = problem
    ? `<p class="note problem" id="${elementId(question, 'problem')}">${escapeHtml(SURVEY_PHRASES[input.locale].problem)} ${escapeHtml(problem.reason)}</p>`
    : '';
  const describedBy = problem ? ` aria-describedby="${elementId(question, 'problem')}"` : '';
  const className = question.showWhen ? ` class="when-${escapeHtml(question.id)}"` : '';
  if (question.type === 'text') {
    const saved = input.answers[question.id];
    return `<div${className}>${problemNote}<p><label for="${elementId(question)}"><strong>${prompt}</strong>${optional}</label></p><textarea id="${elementId(question)}" name="${answerField(question.id)}" maxlength="4000"${describedBy}>${escapeHtml(typeof saved === 'string' ? saved : '')}</textarea></div>`;
  }
  const body =
    question.type === 'nps' || question.type === 'csat'
      ? scale(question as SurveyQuestion & { type: 'nps' | 'csat' }, input)
      : question.type === 'product-rating'
        ? stars(question, input)
        : choices(question, input);
  return `<fieldset${className}${describedBy}><legend>${prompt}${optional}</legend>${problemNote}${body}</fieldset>`;
}

/**
 * Follow-up questions appear as soon as a matching score is chosen, with no script: a CSS `:has()` rule per
 * question. Browsers without `:has()` show every follow-up; after a POST the server shows the right ones anyway.
 */
function conditionalCss(definition: SurveyDefinition): string {
  const rules: string[] = [];
  for (const question of definition.questions) {
    const condition = question.showWhen;
    if (!condition) continue;
    const scored = definition.questions.find((item) => item.id === condition.question);
    if (!scored || !(scored.type === 'nps' || scored.type === 'csat')) continue;
    const { min, max } = SCALES[scored.type];
    const selectors: string[] = [];
    for (let score = condition.atLeast ?? min; score <= (condition.atMost ?? max); score += 1) {
      selectors.push(`form:has(#${elementId(scored, score)}:checked) .when-${question.id}`);
    }
    rules.push(
      `@supports selector(:has(a)){.when-${question.id}{display:none}${selectors.join(',')}{display:block}}`,
    );
  }
  return rules.join('\n');
}

/** The answer page: every question (follow-ups as the score asks), prefilled with what is saved. */
export function renderAnswerPage(input: AnswerPageInput): string {
  const phrases = SURVEY_PHRASES[input.locale];
  const scores = scoresOf(input.answers);
  const shown = input.definition.questions.filter(
    (question) =>
      (question.type !== 'product-rating' || input.products.length > 0) &&
      // Without :has() support every follow-up shows; the server still leaves out those it knows are not asked.
      (!question.showWhen ||
        scores[question.showWhen.question] === undefined ||
        isQuestionShown(question, scores)),
  );
  const notes: string[] = [];
  const isDone = input.isSaved && input.problems.length === 0 && input.missing.length === 0;
  if (input.isUnreadable) {
    notes.push(`<p class="note problem" role="alert">${escapeHtml(phrases.unreadable)}</p>`);
  } else if (isDone) {
    const thanks = input.definition.thankYou ?? fillPhrase(phrases.thanks, { business: input.brand.name });
    notes.push(`<p class="note" role="status">${escapeHtml(thanks)}</p>`);
    if (input.reviews.length > 0) {
      const buttons = input.reviews
        .map(
          (review) =>
            `<form method="post" action="${escapeHtml(review.action)}"><button type="submit">${escapeHtml(
              review.platform === 'other'
                ? phrases.reviewButton
                : fillPhrase(phrases.reviewOn, { platform: REVIEW_PLATFORM_WORDS[review.platform] }),
            )}</button></form>`,
        )
        .join('');
      notes.push(`<div class="note reviews"><p>${escapeHtml(phrases.reviewInvite)}</p>${buttons}</div>`);
    }
    notes.push(`<p>${escapeHtml(phrases.saved)}</p>`);
  } else if (input.missing.length > 0 && input.isSaved) {
    const names = input.definition.questions
      .filter((question) => input.missing.includes(question.id))
      .map((question) => questionPrompt(question, input.locale, input.brand.name));
    notes.push(
      `<p class="note problem" role="alert">${escapeHtml(phrases.missing)} ${escapeHtml(names.join(' · '))}</p>`,
    );
  }
  const blocks = shown.map((question) => questionBlock(question, input)).join('');
  const body = `${notes.join('')}<form method="post" action="${escapeHtml(input.action)}">${blocks}<button type="submit">${escapeHtml(phrases.submit)}</button></form>`;
  return buyerPage({
    title: phrases.pageTitle,
    body,
    locale: input.locale,
    brand: input.brand,
    // The review buttons stack, each a full-width target on a phone.
    extraCss: `${conditionalCss(input.definition)}\n.reviews form{margin:8px 0}`,
  });
}

/** A page that explains a link that cannot be answered (unknown, incomplete or closed), in the buyer's language. */
export function renderLinkNotice(
  kind: 'invalid' | 'expired',
  locale: BuyerLocale,
  brand?: PageBrand,
): string {
  const phrases = SURVEY_PHRASES[locale];
  const [title, text] =
    kind === 'invalid'
      ? [phrases.invalidTitle, phrases.invalidBody]
      : [phrases.expiredTitle, phrases.expiredBody];
  return buyerPage({
    title,
    body: `<p>${escapeHtml(fillPhrase(text, { business: brand?.name ?? '' }))}</p>`,
    locale,
    brand,
  });
}
