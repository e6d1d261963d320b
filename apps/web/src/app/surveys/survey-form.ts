import { type FormArray, FormControl, FormGroup } from '@angular/forms';
import type { QuestionType, SurveyDefinition, SurveyQuestion } from '@rapport/domain';

export type QuestionForm = FormGroup<{
  id: FormControl<string>;
  type: FormControl<QuestionType>;
  prompt: FormControl<string>;
  required: FormControl<boolean>;
  /** One choice per line. */
  options: FormControl<string>;
  /** The earlier score question this one depends on, or ''. */
  whenQuestion: FormControl<string>;
  atLeast: FormControl<number | null>;
  atMost: FormControl<number | null>;
}>;

export function questionForm(question?: SurveyQuestion): QuestionForm {
  return new FormGroup({
    id: new FormControl(question?.id ?? '', { nonNullable: true }),
    type: new FormControl<QuestionType>(question?.type ?? 'text', { nonNullable: true }),
    prompt: new FormControl(question?.prompt ?? '', { nonNullable: true }),
    required: new FormControl(question?.required ?? false, { nonNullable: true }),
    options: new FormControl((question?.options ?? []).join('\n'), { nonNullable: true }),
    whenQuestion: new FormControl(question?.showWhen?.question ?? '', { nonNullable: true }),
    atLeast: new FormControl<number | null>(question?.showWhen?.atLeast ?? null),
    atMost: new FormControl<number | null>(question?.showWhen?.atMost ?? null),
  });
}

/** The survey as the API takes it; the API checks it and names each problem's field. */
export function definitionOf(questions: FormArray<QuestionForm>, thankYou: string): SurveyDefinition {
  return {
    questions: questions.controls.map((group) => {
      const value = group.getRawValue();
      const question: SurveyQuestion = {
        id: value.id.trim(),
        type: value.type,
        prompt: value.prompt.trim() || null,
        required: value.required,
      };
      if (value.type === 'single-choice' || value.type === 'multiple-choice') {
        question.options = value.options
          .split('\n')
          .map((option) => option.trim())
          .filter((option) => option !== '');
      }
      if (value.whenQuestion) {
        question.showWhen = { question: value.whenQuestion };
        if (value.atLeast !== null) question.showWhen.atLeast = value.atLeast;
        if (value.atMost !== null) question.showWhen.atMost = value.atMost;
      }
      return question;
    }),
    thankYou: thankYou.trim() || null,
  };
}
