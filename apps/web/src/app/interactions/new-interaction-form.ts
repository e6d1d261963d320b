import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import {
  type CustomerResponse,
  INTERACTION_TYPE_WORDS,
  INTERACTION_TYPES,
  type InteractionResponse,
  type InteractionType,
} from '@rapport/domain';
import { choicesOf, SelectFieldComponent, TextFieldComponent } from '@rapport/ui';
import type { ApiProblem } from '../http/api-error';
import { Submission } from '../http/submission';
import { InteractionsApi } from './interactions-api';

/** The API's field names as the form's controls, for its reasons. */
const CONTROL_OF: Readonly<Record<string, string>> = {
  subject: 'subject',
  message: 'message',
  amount: 'amount',
  currency: 'currency',
  validUntil: 'validUntil',
  startsAt: 'startsDate',
};

const LABELS: Readonly<Record<string, string>> = {
  subject: 'The subject',
  message: 'The message',
  amount: 'The amount',
  currency: 'The currency',
  validUntil: 'The date',
  startsDate: 'The date',
};

/** An enquiry taken by phone, a quote given or an appointment booked, added to one person from the console. */
@Component({
  selector: 'rp-new-interaction-form',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    SelectFieldComponent,
    TextFieldComponent,
  ],
  template: `
    <form
      [formGroup]="form"
      (ngSubmit)="add()"
      class="new-interaction"
      aria-label="Add an enquiry, quote or appointment"
    >
      <rp-select-field label="What" [control]="form.controls.type" [choices]="types" />
      <rp-text-field label="Subject" class="wide" [control]="form.controls.subject" [maxlength]="200" />
      @switch (form.controls.type.value) {
        @case ('enquiry') {
          <mat-form-field appearance="outline" class="full">
            <mat-label>What they asked</mat-label>
            <textarea matInput formControlName="message" rows="3" maxlength="5000" required></textarea>
            @if (form.controls.message.errors?.['server']; as reason) {
              <mat-error>{{ reason }}</mat-error>
            } @else if (form.controls.message.errors?.['required']) {
              <mat-error>Write what they asked</mat-error>
            }
          </mat-form-field>
        }
        @case ('quote') {
          <rp-text-field label="Amount" [control]="form.controls.amount" inputmode="decimal" required />
          <rp-text-field
            label="Currency"
            class="short"
            [control]="form.controls.currency"
            placeholder="EUR"
            [maxlength]="3"
            required
          />
          <rp-text-field label="Valid until" [control]="form.controls.validUntil" type="date" />
        }
        @case ('appointment') {
          <rp-text-field label="Date" [control]="form.controls.startsDate" type="date" required />
          <rp-text-field label="Time" [control]="form.controls.startsTime" type="time" required />
        }
      }
      <div class="actions">
        <button mat-flat-button type="submit" [disabled]="submission.isBusy()">Add</button>
        <button mat-button type="button" (click)="closed.emit()">Cancel</button>
      </div>
      @if (problems().length > 0 || submission.error()) {
        <ul class="problems" role="alert">
          @for (problem of problems(); track problem) {
            <li>{{ problem }}</li>
          }
          @if (submission.error(); as message) {
            <li>{{ message }}</li>
          }
        </ul>
      }
    </form>
  `,
  styles: `
    .new-interaction {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      padding: 16px;
      border-radius: 16px;
      background: var(--mat-sys-surface-container);
    }
    .new-interaction > * {
      flex: 1 1 160px;
      min-width: 0;
    }
    .new-interaction > .wide,
    .new-interaction > .full,
    .actions,
    .problems {
      flex-basis: 100%;
    }
    .new-interaction > .short {
      flex: 0 1 110px;
    }
    .actions {
      display: flex;
      gap: 8px;
    }
    .problems {
      margin: 0;
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NewInteractionFormComponent {
  private readonly api = inject(InteractionsApi);
  /** The person it is for. */
  readonly customer = input.required<Pick<CustomerResponse, 'email' | 'name'>>();
  readonly added = output<InteractionResponse>();
  readonly closed = output();
  readonly types = choicesOf(INTERACTION_TYPES, INTERACTION_TYPE_WORDS);
  readonly submission = new Submission();
  readonly form = new FormGroup({
    type: new FormControl<InteractionType>('enquiry', { nonNullable: true }),
    subject: new FormControl('', { nonNullable: true }),
    message: new FormControl('', { nonNullable: true }),
    amount: new FormControl('', { nonNullable: true }),
    currency: new FormControl('', { nonNullable: true }),
    validUntil: new FormControl('', { nonNullable: true }),
    startsDate: new FormControl('', { nonNullable: true }),
    startsTime: new FormControl('', { nonNullable: true }),
  });

  /** What the form or the API found wrong, one line per field, in the form's words. */
  readonly problems = signal<string[]>([]);

  async add(): Promise<void> {
    if (!this.isComplete()) return;
    const value = this.form.getRawValue();
    const base = {
      // A new id each time: the console never sends the same interaction twice on purpose.
      externalId: crypto.randomUUID(),
      contact: { email: this.customer().email, name: this.customer().name },
      ...(value.subject.trim() ? { subject: value.subject.trim() } : {}),
    };
    await this.submission.run(
      null,
      async () => {
        const created =
          value.type === 'enquiry'
            ? await this.api.addEnquiry({ ...base, message: value.message.trim() })
            : value.type === 'quote'
              ? await this.api.addQuote({
                  ...base,
                  amount: value.amount.trim().replace(',', '.'),
                  currency: value.currency.trim().toUpperCase(),
                  validUntil: value.validUntil ? endOfDay(value.validUntil) : null,
                })
              : await this.api.addAppointment({
                  ...base,
                  startsAt: localInstant(value.startsDate, value.startsTime),
                });
        this.added.emit(created);
      },
      (problem) => this.placeProblem(problem),
    );
  }

  /** Marks the fields the chosen kind needs and that are empty; true when nothing is missing. */
  private isComplete(): boolean {
    const { controls } = this.form;
    const needed = {
      enquiry: [controls.message],
      quote: [controls.amount, controls.currency],
      appointment: [controls.startsDate, controls.startsTime],
    }[controls.type.value];
    for (const control of Object.values(controls)) control.setErrors(null);
    const missing = needed.filter((control) => control.value.trim() === '');
    for (const control of missing) {
      control.setErrors(
        control === controls.message ? { required: true } : { server: `${this.labelOf(control)} is needed` },
      );
      control.markAsTouched();
    }
    this.showProblems();
    return missing.length === 0;
  }

  /** The message has its own line under its box; the other fields' reasons are listed under the form. */
  private showProblems(): void {
    this.problems.set(
      Object.entries(this.form.controls)
        .filter(([name]) => name !== 'message')
        .map(([, control]) => control.errors?.['server'] as string | undefined)
        .filter((reason): reason is string => reason !== undefined),
    );
  }

  private labelOf(control: FormControl<string>): string {
    const name = Object.entries(this.form.controls).find(([, each]) => each === control)?.[0] ?? '';
    return name === 'startsTime' ? 'The time' : (LABELS[name] ?? 'This');
  }

  private placeProblem(problem: ApiProblem): boolean {
    let isPlaced = false;
    for (const [field, reason] of Object.entries(problem.fields)) {
      const name = CONTROL_OF[field];
      const control = name ? this.form.get(name) : null;
      if (!name || !control) continue;
      control.setErrors({ server: `${LABELS[name] ?? 'This'} ${reason}` });
      control.markAsTouched();
      isPlaced = true;
    }
    this.showProblems();
    return isPlaced;
  }
}

/** A date and time typed in the browser, as an instant. */
function localInstant(date: string, time: string): string {
  return new Date(`${date}T${time}`).toISOString();
}

/** The last moment of a day typed in the browser: a quote "valid until" a date holds all that day. */
function endOfDay(date: string): string {
  return new Date(`${date}T23:59:59`).toISOString();
}
