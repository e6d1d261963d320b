import { type FormArray, FormControl, FormGroup } from '@angular/forms';
import {
  BUYER_LOCALES,
  type BuyerLocale,
  type QuestionType,
  type ScoreCondition,
  standardPrompt,
  type SurveyDefinition,
  type SurveyQuestion,
} from '@rapport/domain';

export type WordingForm = FormGroup<Record<BuyerLocale, FormControl<string>>>;

export type QuestionForm = FormGroup<{
  /** Kept for the answers stored under it; never shown to the person editing. */
  id: FormControl<string>;
  type: FormControl<QuestionType>;
  /** The wording in use per language: the business's own, else the built-in one, shown as it reads. */
  wording: WordingForm;
  required: FormControl<boolean>;
  /** One choice per line. */
  options: FormControl<string>;
  /** The earlier score question this one depends on, or ''. */
  whenQuestion: FormControl<string>;
  atLeast: FormControl<number | null>;
  atMost: FormControl<number | null>;
}>;

type QuestionValue = ReturnType<QuestionForm['getRawValue']>;

function conditionOf(
  value: Pick<QuestionValue, 'whenQuestion' | 'atLeast' | 'atMost'>,
): ScoreCondition | undefined {
  if (!value.whenQuestion) return undefined;
  const condition: ScoreCondition = { question: value.whenQuestion };
  if (value.atLeast !== null) condition.atLeast = value.atLeast;
  if (value.atMost !== null) condition.atMost = value.atMost;
  return condition;
}

/** The built-in wording of a question as the form now describes it (kind and condition decide it). */
export function builtInWording(group: QuestionForm, locale: BuyerLocale, business: string): string | null {
  const value = group.getRawValue();
  return standardPrompt({ type: value.type, showWhen: conditionOf(value) }, locale, business);
}

export function questionForm(question: SurveyQuestion, business: string): QuestionForm {
  const standard = (locale: BuyerLocale): string => standardPrompt(question, locale, business) ?? '';
  const wording = new FormGroup(
    Object.fromEntries(
      BUYER_LOCALES.map((locale) => {
        const own = question.prompts?.[locale] ?? question.prompt ?? '';
        return [locale, new FormControl(own || standard(locale), { nonNullable: true })];
      }),
    ) as Record<BuyerLocale, FormControl<string>>,
  );
  const group: QuestionForm = new FormGroup({
    id: new FormControl(question.id, { nonNullable: true }),
    type: new FormControl<QuestionType>(question.type, { nonNullable: true }),
    wording,
    required: new FormControl(question.required, { nonNullable: true }),
    options: new FormControl((question.options ?? []).join('\n'), { nonNullable: true }),
    whenQuestion: new FormControl(question.showWhen?.question ?? '', { nonNullable: true }),
    atLeast: new FormControl<number | null>(question.showWhen?.atLeast ?? null),
    atMost: new FormControl<number | null>(question.showWhen?.atMost ?? null),
  });
  // A wording still built-in follows the kind and condition (a follow-up for low scores asks what to do
  // better); the business's own words stay as written.
  let shown = Object.fromEntries(BUYER_LOCALES.map((locale) => [locale, standard(locale)]));
  group.valueChanges.subscribe(() => {
    for (const locale of BUYER_LOCALES) {
      const next = builtInWording(group, locale, business) ?? '';
      const control = wording.controls[locale];
      if (next !== shown[locale] && control.value === shown[locale])
        control.setValue(next, { emitEvent: false });
    }
    shown = Object.fromEntries(
      BUYER_LOCALES.map((locale) => [locale, builtInWording(group, locale, business) ?? '']),
    );
  });
  return group;
}

/** The survey as the API takes it; wording equal to the built-in one is not stored, so it keeps up with it. */
export function definitionOf(
  questions: FormArray<QuestionForm>,
  thankYou: string,
  business: string,
): SurveyDefinition {
  return {
    questions: questions.controls.map((group) => {
      const value = group.getRawValue();
      const question: SurveyQuestion = {
        id: value.id,
        type: value.type,
        prompt: null,
        required: value.required,
      };
      const prompts: Partial<Record<BuyerLocale, string>> = {};
      for (const locale of BUYER_LOCALES) {
        const text = value.wording[locale].trim();
        if (text !== '' && text !== builtInWording(group, locale, business)) prompts[locale] = text;
      }
      if (Object.keys(prompts).length > 0) question.prompts = prompts;
      if (value.type === 'single-choice' || value.type === 'multiple-choice') {
        question.options = value.options
          .split('\n')
          .map((option) => option.trim())
          .filter((option) => option !== '');
      }
      const showWhen = conditionOf(value);
      if (showWhen) question.showWhen = showWhen;
      return question;
    }),
    thankYou: thankYou.trim() || null,
  };
}
