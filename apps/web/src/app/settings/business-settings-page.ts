import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router } from '@angular/router';
import type { SenderStatusResponse } from '@rapport/domain';
import { SessionStore } from '../auth/session-store';
import { PlaceFieldsComponent } from '../places/place-fields';
import { Confirmation } from '../dialogs/confirm-dialog';
import { apiProblemOf, showFieldProblems } from '../http/api-error';
import { SettingsApi } from './settings-api';
import { TextFieldComponent, WeeklyHoursComponent } from '@rapport/ui';

const LOCALES = [
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Español' },
  { code: 'fr', name: 'Français' },
  { code: 'de', name: 'Deutsch' },
];

@Component({
  selector: 'rp-business-settings-page',
  imports: [
    TextFieldComponent,
    WeeklyHoursComponent,
    ReactiveFormsModule,
    PlaceFieldsComponent,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
  ],
  templateUrl: './business-settings-page.html',
  styleUrl: './settings-forms.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BusinessSettingsPage implements OnInit {
  private readonly api = inject(SettingsApi);
  private readonly session = inject(SessionStore);
  private readonly confirmation = inject(Confirmation);
  private readonly router = inject(Router);

  readonly locales = LOCALES;
  readonly canEdit = this.session.can('business:manage');
  readonly canDelete = this.session.can('business:delete');
  readonly message = signal<{ isError: boolean; text: string } | null>(null);
  readonly isSaving = signal(false);
  readonly form = new FormGroup({
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(120)],
    }),
    locale: new FormControl('en', { nonNullable: true }),
    timeZone: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    country: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    retentionMonths: new FormControl<number | null>(null, {
      validators: [Validators.min(1), Validators.max(120)],
    }),
    senderName: new FormControl('', { nonNullable: true }),
    senderEmail: new FormControl('', { nonNullable: true, validators: [Validators.email] }),
    contactPhone: new FormControl('', { nonNullable: true }),
    contactEmail: new FormControl('', { nonNullable: true, validators: [Validators.email] }),
    postalAddress: new FormControl('', { nonNullable: true }),
    brandColor: new FormControl('#00696b', { nonNullable: true }),
    logoUrl: new FormControl('', { nonNullable: true, validators: [Validators.pattern(/^https:\/\/\S+$/)] }),
    opens: new FormControl('09:00', { nonNullable: true, validators: [Validators.required] }),
    closes: new FormControl('19:00', { nonNullable: true, validators: [Validators.required] }),
    days: new FormControl<number[]>([1, 2, 3, 4, 5, 6], { nonNullable: true }),
  });
  readonly confirmName = new FormControl('', { nonNullable: true });
  /** Whether SendGrid will send from the sender address: checked on load and after saving. */
  readonly senderStatus = signal<SenderStatusResponse | null>(null);

  async ngOnInit(): Promise<void> {
    void this.api.senderStatus().then((status) => this.senderStatus.set(status));
    const business = await this.api.business();
    this.form.setValue({
      name: business.name,
      locale: business.locale,
      timeZone: business.timeZone,
      country: business.country,
      retentionMonths: business.retentionMonths,
      senderName: business.senderName ?? '',
      senderEmail: business.senderEmail ?? '',
      contactPhone: business.contactPhone ?? '',
      contactEmail: business.contactEmail ?? '',
      postalAddress: business.postalAddress ?? '',
      brandColor: business.brandColor,
      logoUrl: business.logoUrl ?? '',
      opens: business.sendWindow.opens,
      closes: business.sendWindow.closes,
      days: [...business.sendWindow.days],
    });
    if (!this.canEdit) this.form.disable();
  }

  async save(): Promise<void> {
    if (this.form.invalid) return this.form.markAllAsTouched();
    this.isSaving.set(true);
    this.message.set(null);
    try {
      const { retentionMonths, opens, closes, days, ...rest } = this.form.getRawValue();
      await this.api.updateBusiness({
        ...rest,
        retentionMonths: retentionMonths || null,
        sendWindow: { opens, closes, days },
      });
      await this.session.switchBusiness((await this.api.business()).id);
      this.message.set({ isError: false, text: 'Saved.' });
      this.senderStatus.set(await this.api.senderStatus());
    } catch (error) {
      const problem = apiProblemOf(error);
      const sendWindow = problem.fields['sendWindow'];
      if (sendWindow) this.message.set({ isError: true, text: `The send window ${sendWindow}` });
      else if (
        !showFieldProblems(this.form, problem, {
          name: 'The name',
          senderEmail: 'The sender',
          contactEmail: 'The email',
        })
      ) {
        this.message.set({ isError: true, text: problem.message });
      }
    } finally {
      this.isSaving.set(false);
    }
  }

  async deleteBusiness(): Promise<void> {
    const isSure = await this.confirmation.ask({
      title: 'Delete this business?',
      message: 'Its buyers, orders, answers, team and keys are deleted for good. This cannot be undone.',
      confirmLabel: 'Delete for good',
      isDestructive: true,
    });
    if (!isSure) return;
    try {
      await this.api.deleteBusiness(this.confirmName.value);
      this.session.forget();
      await this.router.navigateByUrl('/dashboard');
    } catch (error) {
      this.message.set({
        isError: true,
        text: apiProblemOf(error).fields['confirmName']
          ? "Type the business's name exactly."
          : apiProblemOf(error).message,
      });
    }
  }
}
