import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import type { FeedbackSettings } from '@rapport/domain';
import { firstValueFrom } from 'rxjs';
import { SessionStore } from '../auth/session-store';
import { toggledDays, WEEKDAYS } from './weekdays';
import { apiProblemOf } from '../http/api-error';

/** The reminder, review invitations (to every buyer or none) and when a low score opens a case. */
@Component({
  selector: 'rp-feedback-settings-page',
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatCheckboxModule,
    MatButtonModule,
  ],
  templateUrl: './feedback-settings-page.html',
  styleUrl: './settings-forms.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FeedbackSettingsPage implements OnInit {
  private readonly http = inject(HttpClient);
  readonly canEdit = inject(SessionStore).can('business:manage');
  readonly weekdays = WEEKDAYS;
  readonly isSaving = signal(false);
  readonly message = signal<{ isError: boolean; text: string } | null>(null);
  readonly problems = signal<string[]>([]);
  readonly form = new FormGroup({
    reminderDays: new FormControl(4, {
      nonNullable: true,
      validators: [Validators.min(0), Validators.max(30)],
    }),
    reviewInvitations: new FormControl<'all' | 'none'>('none', { nonNullable: true }),
    reviewUrl: new FormControl('', {
      nonNullable: true,
      validators: [Validators.pattern(/^https:\/\/\S+$/)],
    }),
    nps: new FormControl(6, { nonNullable: true }),
    csat: new FormControl(2, { nonNullable: true }),
    productRating: new FormControl(2, { nonNullable: true }),
    opens: new FormControl('09:00', { nonNullable: true }),
    closes: new FormControl('17:00', { nonNullable: true }),
    days: new FormControl<number[]>([1, 2, 3, 4, 5], { nonNullable: true }),
    slaBusinessDays: new FormControl(1, { nonNullable: true }),
  });

  async ngOnInit(): Promise<void> {
    this.fill(await firstValueFrom(this.http.get<FeedbackSettings>('/api/feedback-settings')));
    if (!this.canEdit) this.form.disable();
  }

  toggleDay(day: number, isOn: boolean): void {
    this.form.controls.days.setValue(toggledDays(this.form.controls.days.value, day, isOn));
  }

  async save(): Promise<void> {
    if (this.form.invalid) return this.form.markAllAsTouched();
    const value = this.form.getRawValue();
    const settings: FeedbackSettings = {
      reviewUrl: value.reviewUrl.trim() || null,
      reviewInvitations: value.reviewInvitations === 'all',
      reminderDays: Number(value.reminderDays),
      caseThresholds: {
        nps: Number(value.nps),
        csat: Number(value.csat),
        productRating: Number(value.productRating),
      },
      caseSettings: {
        businessHours: { opens: value.opens, closes: value.closes, days: value.days },
        slaBusinessDays: Number(value.slaBusinessDays),
      },
    };
    this.isSaving.set(true);
    this.message.set(null);
    this.problems.set([]);
    try {
      this.fill(await firstValueFrom(this.http.put<FeedbackSettings>('/api/feedback-settings', settings)));
      this.message.set({ isError: false, text: 'Saved.' });
    } catch (error) {
      const problem = apiProblemOf(error);
      this.problems.set(
        problem.details.map((detail) => `${FIELD_WORDS[detail.field] ?? detail.field} ${detail.reason}`),
      );
      if (problem.details.length === 0) this.message.set({ isError: true, text: problem.message });
    } finally {
      this.isSaving.set(false);
    }
  }

  private fill(settings: FeedbackSettings): void {
    this.form.setValue({
      reminderDays: settings.reminderDays,
      reviewInvitations: settings.reviewInvitations ? 'all' : 'none',
      reviewUrl: settings.reviewUrl ?? '',
      nps: settings.caseThresholds.nps,
      csat: settings.caseThresholds.csat,
      productRating: settings.caseThresholds.productRating,
      opens: settings.caseSettings.businessHours.opens,
      closes: settings.caseSettings.businessHours.closes,
      days: [...settings.caseSettings.businessHours.days],
      slaBusinessDays: settings.caseSettings.slaBusinessDays,
    });
  }
}

const FIELD_WORDS: Record<string, string> = {
  reviewUrl: 'The review page',
  reminderDays: 'The reminder',
  'caseThresholds.nps': 'The NPS threshold',
  'caseThresholds.csat': 'The satisfaction threshold',
  'caseThresholds.productRating': 'The product rating threshold',
  'caseSettings.businessHours': 'The working hours',
  'caseSettings.slaBusinessDays': 'The time to answer',
};
