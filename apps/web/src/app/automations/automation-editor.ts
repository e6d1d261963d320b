import {
  ChangeDetectionStrategy,
  Component,
  inject,
  input,
  output,
  signal,
  type OnInit,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { type AutomationResponse, DELAY_UNITS, type DelayUnit } from '@rapport/domain';
import { apiProblemOf } from '../http/api-error';
import { AutomationsApi } from './automations-api';

/** The form under a rule: its name, its delay and, for a rule waiting on delivery, the fallback. */
@Component({
  selector: 'rp-automation-editor',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  template: `
    <form [formGroup]="form" (ngSubmit)="save()" class="editor" [attr.aria-label]="'Edit ' + rule().name">
      <mat-form-field appearance="outline">
        <mat-label>Name</mat-label>
        <input matInput formControlName="name" />
      </mat-form-field>
      <mat-form-field appearance="outline" class="editor__amount">
        <mat-label>Wait</mat-label>
        <input matInput type="number" min="0" formControlName="amount" />
      </mat-form-field>
      <mat-form-field appearance="outline" class="editor__unit">
        <mat-label>Unit</mat-label>
        <mat-select formControlName="unit">
          @for (unit of units; track unit) {
            <mat-option [value]="unit">{{ unit }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      @if (rule().trigger === 'order_delivered') {
        <mat-form-field appearance="outline" class="editor__amount">
          <mat-label>Else, days after the order</mat-label>
          <input matInput type="number" min="1" max="365" formControlName="fallbackDays" />
        </mat-form-field>
      }
      <div class="editor__actions">
        <button mat-flat-button type="submit" [disabled]="isSaving()">Save</button>
        <button mat-button type="button" (click)="closed.emit()">Cancel</button>
      </div>
      @if (error(); as message) {
        <p class="editor__error" role="alert">{{ message }}</p>
      }
      <p class="editor__note">Messages already planned keep their time; the change applies from now on.</p>
    </form>
  `,
  styles: `
    .editor {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      align-items: baseline;
      margin-top: 12px;
    }
    .editor__amount {
      width: 120px;
    }
    .editor__unit {
      width: 140px;
    }
    .editor__actions {
      display: flex;
      gap: 8px;
    }
    .editor__error {
      flex-basis: 100%;
      color: var(--mat-sys-error);
    }
    .editor__note {
      flex-basis: 100%;
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AutomationEditorComponent implements OnInit {
  private readonly api = inject(AutomationsApi);
  readonly rule = input.required<AutomationResponse>();
  readonly saved = output<AutomationResponse>();
  readonly closed = output();
  readonly units = DELAY_UNITS;
  readonly isSaving = signal(false);
  readonly error = signal<string | null>(null);
  readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    amount: new FormControl(0, { nonNullable: true, validators: [Validators.required, Validators.min(0)] }),
    unit: new FormControl<DelayUnit>('days', { nonNullable: true }),
    fallbackDays: new FormControl<number | null>(null),
  });

  ngOnInit(): void {
    const rule = this.rule();
    this.form.setValue({
      name: rule.name,
      amount: rule.delay.amount,
      unit: rule.delay.unit,
      fallbackDays: rule.fallbackAfterPlacedDays,
    });
  }

  async save(): Promise<void> {
    if (this.form.invalid) return this.form.markAllAsTouched();
    const { name, amount, unit, fallbackDays } = this.form.getRawValue();
    this.isSaving.set(true);
    this.error.set(null);
    try {
      this.saved.emit(
        await this.api.update(this.rule().id, {
          name,
          delay: { amount: Number(amount), unit },
          ...(this.rule().trigger === 'order_delivered'
            ? { fallbackAfterPlacedDays: fallbackDays ? Number(fallbackDays) : null }
            : {}),
        }),
      );
    } catch (error) {
      const problem = apiProblemOf(error);
      const [field, reason] = Object.entries(problem.fields)[0] ?? [];
      this.error.set(field ? `The ${field.replace('delay.', '')} ${reason}` : problem.message);
    } finally {
      this.isSaving.set(false);
    }
  }
}
