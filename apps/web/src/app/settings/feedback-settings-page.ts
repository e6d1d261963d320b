import { ChangeDetectionStrategy, Component, computed, inject, type OnInit, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import {
  DEFAULT_JOURNEY_CAP,
  type FeedbackSettings,
  JOURNEY_CAP_BOUNDS,
  journeyWords,
  MAX_REMINDER_DAYS,
  MAX_REMINDERS,
  REVIEW_PLATFORM_WORDS,
  REVIEW_PLATFORMS,
  type ReviewPlatformName,
} from '@rapport/domain';
import { SessionStore } from '../auth/session-store';
import { apiProblemOf } from '../http/api-error';
import { TextFieldComponent, WeeklyHoursComponent } from '@rapport/ui';
import { ApiClient } from '../http/api-client';

/**
 * How often a buyer may hear from the business, the reminders, review invitations (to every buyer or none)
 * and when a low score opens a case.
 */
@Component({
  selector: 'rp-feedback-settings-page',
  imports: [
    WeeklyHoursComponent,
    TextFieldComponent,
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatButtonModule,
  ],
  templateUrl: './feedback-settings-page.html',
  styleUrl: './settings-forms.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FeedbackSettingsPage implements OnInit {
  private readonly api = inject(ApiClient);
  readonly canEdit = inject(SessionStore).can('business:manage');
  readonly isSaving = signal(false);
  readonly message = signal<{ isError: boolean; text: string } | null>(null);
  readonly problems = signal<string[]>([]);
  readonly bounds = JOURNEY_CAP_BOUNDS;
  readonly maxReminders = MAX_REMINDERS;
  readonly maxReminderDays = MAX_REMINDER_DAYS;
  readonly form = new FormGroup({
    anyFollowUpDays: new FormControl(DEFAULT_JOURNEY_CAP.anyFollowUpDays, { nonNullable: true }),
    opinionRequestDays: new FormControl(DEFAULT_JOURNEY_CAP.opinionRequestDays, { nonNullable: true }),
    reminders: new FormArray<FormControl<number>>([]),
    reviewInvitations: new FormControl<'all' | 'none'>('none', { nonNullable: true }),
    referralRequests: new FormControl<'ask' | 'none'>('none', { nonNullable: true }),
    google: new FormControl('', { nonNullable: true }),
    trustpilot: new FormControl('', { nonNullable: true }),
    facebook: new FormControl('', { nonNullable: true }),
    other: new FormControl('', { nonNullable: true, validators: [Validators.pattern(/^https:\/\/\S+$/)] }),
    nps: new FormControl(6, { nonNullable: true }),
    csat: new FormControl(2, { nonNullable: true }),
    productRating: new FormControl(2, { nonNullable: true }),
    opens: new FormControl('09:00', { nonNullable: true }),
    closes: new FormControl('17:00', { nonNullable: true }),
    days: new FormControl<number[]>([1, 2, 3, 4, 5], { nonNullable: true }),
    slaBusinessDays: new FormControl(1, { nonNullable: true }),
  });

  private readonly formValue = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  /** The journey as the rules page will say it, following the form as it is typed. */
  readonly journeyLines = computed(() => {
    this.formValue();
    const value = this.form.getRawValue();
    return journeyWords(
      {
        anyFollowUpDays: Number(value.anyFollowUpDays),
        opinionRequestDays: Number(value.opinionRequestDays),
      },
      value.reminders.map(Number),
    );
  });

  async ngOnInit(): Promise<void> {
    this.fill(await this.api.get<FeedbackSettings>('/api/feedback-settings'));
    if (!this.canEdit) this.form.disable();
  }

  addReminder(): void {
    const reminders = this.form.controls.reminders;
    if (reminders.length >= MAX_REMINDERS) return;
    const last = reminders.at(reminders.length - 1)?.value ?? 0;
    const gap = Number(this.form.controls.anyFollowUpDays.value) || DEFAULT_JOURNEY_CAP.anyFollowUpDays;
    reminders.push(reminderControl(Math.min(MAX_REMINDER_DAYS, Number(last) + Math.max(gap, 4))));
  }

  removeReminder(index: number): void {
    this.form.controls.reminders.removeAt(index);
  }

  async save(): Promise<void> {
    if (this.form.invalid) return this.form.markAllAsTouched();
    const value = this.form.getRawValue();
    const settings: FeedbackSettings = {
      reviewPlatforms: REVIEW_PLATFORMS.map((platform) => ({
        platform,
        target: value[platform].trim(),
      })).filter((review) => review.target !== ''),
      reviewInvitations: value.reviewInvitations === 'all',
      referralRequests: value.referralRequests === 'ask',
      reminders: value.reminders.map(Number),
      journeyCap: {
        anyFollowUpDays: Number(value.anyFollowUpDays),
        opinionRequestDays: Number(value.opinionRequestDays),
      },
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
      this.fill(await this.api.put<FeedbackSettings>('/api/feedback-settings', settings));
      this.message.set({ isError: false, text: 'Saved.' });
    } catch (error) {
      const problem = apiProblemOf(error);
      this.problems.set(
        problem.details.map(
          (detail) =>
            `${FIELD_WORDS[detail.field] ?? reviewFieldWords(detail.field, settings) ?? detail.field} ${detail.reason}`,
        ),
      );
      if (problem.details.length === 0) this.message.set({ isError: true, text: problem.message });
    } finally {
      this.isSaving.set(false);
    }
  }

  private fill(settings: FeedbackSettings): void {
    const reminders = this.form.controls.reminders;
    reminders.clear();
    for (const days of settings.reminders) reminders.push(reminderControl(days));
    this.form.setValue({
      anyFollowUpDays: settings.journeyCap.anyFollowUpDays,
      opinionRequestDays: settings.journeyCap.opinionRequestDays,
      reminders: [...settings.reminders],
      reviewInvitations: settings.reviewInvitations ? 'all' : 'none',
      referralRequests: settings.referralRequests ? 'ask' : 'none',
      ...(Object.fromEntries(
        REVIEW_PLATFORMS.map((platform) => [
          platform,
          settings.reviewPlatforms.find((review) => review.platform === platform)?.target ?? '',
        ]),
      ) as Record<ReviewPlatformName, string>),
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
  reviewPlatforms: 'The review places',
  reminders: 'The reminders',
  'reminders.0': 'Reminder 1',
  'reminders.1': 'Reminder 2',
  'reminders.2': 'Reminder 3',
  'journeyCap.anyFollowUpDays': 'The days between two emails',
  'journeyCap.opinionRequestDays': 'The days between two opinion requests',
  'caseThresholds.nps': 'The NPS threshold',
  'caseThresholds.csat': 'The satisfaction threshold',
  'caseThresholds.productRating': 'The product rating threshold',
  'caseSettings.businessHours': 'The working hours',
  'caseSettings.slaBusinessDays': 'The time to answer',
};

function reminderControl(days: number): FormControl<number> {
  return new FormControl(days, { nonNullable: true });
}

/** `reviewPlatforms.1.target` in the words of the field it came from ("Trustpilot"). */
function reviewFieldWords(field: string, settings: FeedbackSettings): string | null {
  const index = /^reviewPlatforms\.(\d+)\./.exec(field)?.[1];
  const review = index === undefined ? undefined : settings.reviewPlatforms[Number(index)];
  return review ? REVIEW_PLATFORM_WORDS[review.platform] : null;
}
