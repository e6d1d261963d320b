import { ChangeDetectionStrategy, Component, inject, type OnInit, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  AUTOMATION_TRIGGERS,
  type AutomationResponse,
  type AutomationTrigger,
  DELAY_UNITS,
  type DelayUnit,
  type SurveyResponse,
  TRIGGER_WORDS,
} from '@rapport/domain';
import { apiProblemOf } from '../http/api-error';
import { SurveysApi } from '../surveys/surveys-api';
import { AutomationsApi } from './automations-api';

/** A new rule: what it sends, after what and how long; conditions are set by editing it afterwards. */
@Component({
  selector: 'rp-new-rule-form',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatButtonModule],
  template: `
    <form [formGroup]="form" (ngSubmit)="save()" class="rule" aria-label="New rule">
      <mat-form-field appearance="outline">
        <mat-label>Name</mat-label>
        <input matInput formControlName="name" />
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Sends</mat-label>
        <mat-select formControlName="kind">
          <mat-option value="thank-you">A thank-you</mat-option>
          <mat-option value="opinion-request">An opinion request</mat-option>
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline" class="rule__amount">
        <mat-label>Wait</mat-label>
        <input matInput type="number" min="0" formControlName="amount" />
      </mat-form-field>
      <mat-form-field appearance="outline" class="rule__unit">
        <mat-label>Unit</mat-label>
        <mat-select formControlName="unit">
          @for (unit of units; track unit) {
            <mat-option [value]="unit">{{ unit }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>After</mat-label>
        <mat-select formControlName="trigger">
          @for (trigger of triggers; track trigger) {
            <mat-option [value]="trigger">{{ triggerWords[trigger] }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      @if (form.controls.kind.value === 'opinion-request') {
        <mat-form-field appearance="outline">
          <mat-label>Survey</mat-label>
          <mat-select formControlName="surveyId">
            <mat-option value="">None: ask for a reply</mat-option>
            @for (survey of surveys(); track survey.id) {
              <mat-option [value]="survey.id">{{ survey.name }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      }
      <div class="rule__actions">
        <button mat-flat-button type="submit" [disabled]="isSaving()">Create rule</button>
        <button mat-button type="button" (click)="closed.emit()">Cancel</button>
      </div>
      @if (error(); as message) {
        <p class="rule__error" role="alert">{{ message }}</p>
      }
    </form>
  `,
  styles: `
    .rule {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      align-items: baseline;
      padding: 16px;
      margin-bottom: 12px;
      border-radius: 16px;
      background: var(--mat-sys-surface-container);
    }
    .rule__amount {
      width: 110px;
    }
    .rule__unit {
      width: 130px;
    }
    .rule__actions {
      display: flex;
      gap: 8px;
    }
    .rule__error {
      flex-basis: 100%;
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NewRuleFormComponent implements OnInit {
  private readonly api = inject(AutomationsApi);
  private readonly surveysApi = inject(SurveysApi);
  readonly created = output<AutomationResponse>();
  readonly closed = output();
  readonly units = DELAY_UNITS;
  readonly triggers = AUTOMATION_TRIGGERS;
  readonly triggerWords = TRIGGER_WORDS;
  readonly surveys = signal<SurveyResponse[]>([]);
  readonly isSaving = signal(false);
  readonly error = signal<string | null>(null);
  readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    kind: new FormControl<'thank-you' | 'opinion-request'>('thank-you', { nonNullable: true }),
    amount: new FormControl(1, { nonNullable: true, validators: [Validators.required, Validators.min(0)] }),
    unit: new FormControl<DelayUnit>('days', { nonNullable: true }),
    trigger: new FormControl<AutomationTrigger>('order_placed', { nonNullable: true }),
    surveyId: new FormControl('', { nonNullable: true }),
  });

  async ngOnInit(): Promise<void> {
    this.surveys.set(await this.surveysApi.list());
  }

  async save(): Promise<void> {
    if (this.form.invalid) {
      this.error.set('Give the rule a name and a wait of 0 or more.');
      return;
    }
    const value = this.form.getRawValue();
    this.isSaving.set(true);
    this.error.set(null);
    try {
      this.created.emit(
        await this.api.create({
          name: value.name.trim(),
          kind: value.kind,
          trigger: value.trigger,
          delay: { amount: Number(value.amount), unit: value.unit },
          ...(value.kind === 'opinion-request' ? { surveyId: value.surveyId || null } : {}),
        }),
      );
    } catch (error) {
      const problem = apiProblemOf(error);
      this.error.set(
        problem.details.map((detail) => `${detail.field} ${detail.reason}`).join('; ') || problem.message,
      );
    } finally {
      this.isSaving.set(false);
    }
  }
}
