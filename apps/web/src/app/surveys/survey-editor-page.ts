import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  type OnInit,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormArray, FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { DomSanitizer, type SafeHtml } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import {
  BUYER_LOCALE_NAMES,
  BUYER_LOCALES,
  type BuyerLocale,
  type FieldError,
  QUESTION_TYPES,
  type QuestionType,
  type SurveyPreviewResponse,
} from '@rapport/domain';
import { NewestOnly, PageHeaderComponent } from '@rapport/ui';
import { debounceTime } from 'rxjs';
import { SessionStore } from '../auth/session-store';
import { apiProblemOf } from '../http/api-error';
import { definitionOf, type QuestionForm, questionForm } from './survey-form';
import { SurveyQuestionWording } from './survey-question-wording';
import { SurveysApi } from './surveys-api';

const TYPE_WORDS: Record<QuestionType, string> = {
  nps: 'Recommend score, 0-10 (NPS)',
  csat: 'Satisfaction, 1-5 (CSAT)',
  'product-rating': 'Stars for each product bought',
  'single-choice': 'One choice',
  'multiple-choice': 'Several choices',
  text: 'Free text',
};

/** A problem's field in the editor's words: no keys or paths. */
function fieldWords(field: string): string {
  const path = field.replace(/^definition\.questions\[\d+\]\.?/, '');
  const locale = /^prompts\.(\w+)$/.exec(path)?.[1] as BuyerLocale | undefined;
  if (locale && locale in BUYER_LOCALE_NAMES) return `${BUYER_LOCALE_NAMES[locale]} wording`;
  if (path.startsWith('showWhen')) return 'Ask only when';
  if (path.startsWith('options')) return 'Choices';
  return 'Question';
}

/**
 * Builds a survey with a live preview of what the buyer meets: the opinion request with the first question
 * inline, and the answer page. Saving makes a new version; answers already given keep theirs.
 */
@Component({
  selector: 'rp-survey-editor-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatCheckboxModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatIconModule,
    PageHeaderComponent,
    SurveyQuestionWording,
  ],
  templateUrl: './survey-editor-page.html',
  styleUrl: './survey-editor-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SurveyEditorPage implements OnInit {
  private readonly api = inject(SurveysApi);
  private readonly router = inject(Router);
  private readonly sanitizer = inject(DomSanitizer);
  private readonly session = inject(SessionStore);
  readonly canEdit = this.session.can('surveys:write');
  /** The business's name, as the built-in recommend question says it. */
  readonly business = this.session.businessName() ?? '';
  readonly types = QUESTION_TYPES;
  readonly typeWords = TYPE_WORDS;
  readonly locales = BUYER_LOCALES;
  readonly localeNames = BUYER_LOCALE_NAMES;
  /** From the route: an id, or `new`. */
  readonly surveyId = input.required<string>();
  readonly name = new FormControl('', { nonNullable: true });
  readonly thankYou = new FormControl('', { nonNullable: true });
  readonly questions = new FormArray<QuestionForm>([]);
  readonly version = signal<number | null>(null);
  readonly locale = signal<BuyerLocale>('en');
  readonly view = signal<'email' | 'page'>('email');
  readonly preview = signal<SurveyPreviewResponse | null>(null);
  private readonly previews = new NewestOnly();
  readonly problems = signal<FieldError[]>([]);
  readonly status = signal<string | null>(null);
  readonly isSaving = signal(false);
  readonly previewHtml = computed<SafeHtml | null>(() => {
    const preview = this.preview();
    if (!preview) return null;
    return this.sanitizer.bypassSecurityTrustHtml(
      this.view() === 'email' ? preview.emailHtml : preview.pageHtml,
    );
  });

  constructor() {
    this.questions.valueChanges
      .pipe(debounceTime(400), takeUntilDestroyed())
      .subscribe(() => void this.refresh());
    this.thankYou.valueChanges
      .pipe(debounceTime(400), takeUntilDestroyed())
      .subscribe(() => void this.refresh());
  }

  async ngOnInit(): Promise<void> {
    if (this.surveyId() === 'new') {
      this.name.setValue('');
      this.questions.push(
        questionForm({ id: 'score', type: 'csat', prompt: null, required: true }, this.business),
      );
      this.questions.push(
        questionForm({ id: 'comment', type: 'text', prompt: null, required: false }, this.business),
      );
    } else {
      const survey = await this.api.get(this.surveyId());
      this.name.setValue(survey.name);
      this.version.set(survey.version);
      this.thankYou.setValue(survey.definition.thankYou ?? '');
      for (const question of survey.definition.questions)
        this.questions.push(questionForm(question, this.business));
    }
    if (!this.canEdit) {
      this.name.disable();
      this.thankYou.disable();
      this.questions.disable();
    }
    await this.refresh();
  }

  /** The score questions before `index`: what a follow-up may depend on, by their number, not their key. */
  scoreQuestionsBefore(index: number): { id: string; label: string }[] {
    return this.questions.controls
      .slice(0, index)
      .map((group, at) => ({ group, at }))
      .filter(({ group }) => ['nps', 'csat'].includes(group.controls.type.value))
      .map(({ group, at }) => ({
        id: group.controls.id.value,
        label: `the answer to question ${at + 1} (${TYPE_WORDS[group.controls.type.value]})`,
      }));
  }

  problemFor(index: number): string[] {
    return this.problems()
      .filter((problem) => problem.field.startsWith(`definition.questions[${index}]`))
      .map((problem) => `${fieldWords(problem.field)}: ${problem.reason}`);
  }

  otherProblems(): FieldError[] {
    return this.problems().filter((problem) => !problem.field.startsWith('definition.questions['));
  }

  add(): void {
    const taken = new Set(this.questions.controls.map((group) => group.controls.id.value));
    let number = this.questions.length + 1;
    while (taken.has(`q${number}`)) number += 1;
    this.questions.push(
      questionForm({ id: `q${number}`, type: 'text', prompt: null, required: false }, this.business),
    );
  }

  remove(index: number): void {
    this.questions.removeAt(index);
  }

  move(index: number, step: -1 | 1): void {
    const target = index + step;
    if (target < 0 || target >= this.questions.length) return;
    const group = this.questions.at(index);
    this.questions.removeAt(index, { emitEvent: false });
    this.questions.insert(target, group);
  }

  async setLocale(locale: BuyerLocale): Promise<void> {
    this.locale.set(locale);
    await this.refresh();
  }

  async refresh(): Promise<void> {
    await this.previews.run(
      () => this.api.preview(definitionOf(this.questions, this.thankYou.value, this.business), this.locale()),
      (preview) => {
        this.preview.set(preview);
        this.problems.set([]);
      },
      (error) => this.problems.set(apiProblemOf(error).details),
    );
  }

  async save(): Promise<void> {
    this.isSaving.set(true);
    this.status.set(null);
    const survey = {
      name: this.name.value.trim(),
      definition: definitionOf(this.questions, this.thankYou.value, this.business),
    };
    try {
      const saved =
        this.surveyId() === 'new'
          ? await this.api.create(survey)
          : await this.api.save(this.surveyId(), survey);
      this.version.set(saved.version);
      this.problems.set([]);
      this.status.set(
        `Saved as version ${saved.version}. Answers given so far keep the questions they answered.`,
      );
      if (this.surveyId() === 'new') await this.router.navigate(['/surveys', saved.id]);
    } catch (error) {
      const problem = apiProblemOf(error);
      this.problems.set(
        problem.details.length > 0 ? problem.details : [{ field: 'survey', reason: problem.message }],
      );
    } finally {
      this.isSaving.set(false);
    }
  }
}
