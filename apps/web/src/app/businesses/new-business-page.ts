import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import type { MeResponse } from '@rapport/domain';
import { PageHeaderComponent } from '@rapport/ui';
import { SessionStore } from '../auth/session-store';
import { showFieldProblems } from '../http/api-error';
import { Submission } from '../http/submission';
import { browserCountry, browserTimeZone, PlaceFieldsComponent } from '../places/place-fields';
import { ApiClient } from '../http/api-client';

/** Another business for the signed-in person, who becomes its owner. */
@Component({
  selector: 'rp-new-business-page',
  imports: [
    ReactiveFormsModule,
    PageHeaderComponent,
    PlaceFieldsComponent,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
  ],
  template: `
    <rp-page-header
      title="Add a business"
      subtitle="You become its owner; switch between businesses from the top bar."
    />
    <form class="new-business" [formGroup]="form" (ngSubmit)="create()" novalidate>
      <mat-form-field appearance="outline">
        <mat-label>Business name</mat-label>
        <input matInput formControlName="name" required />
        <mat-error>Enter a name</mat-error>
      </mat-form-field>
      <rp-place-fields [country]="form.controls.country" [timeZone]="form.controls.timeZone" />
      @if (submission.error(); as message) {
        <p class="new-business__error" role="alert">{{ message }}</p>
      }
      <div>
        <button mat-flat-button type="submit" [disabled]="submission.isBusy()">Create business</button>
      </div>
    </form>
  `,
  styles: `
    .new-business {
      display: flex;
      flex-direction: column;
      gap: 4px;
      max-width: 480px;
    }
    .new-business__error {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NewBusinessPage {
  private readonly api = inject(ApiClient);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);

  readonly submission = new Submission();
  readonly form = new FormGroup({
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(120)],
    }),
    timeZone: new FormControl(browserTimeZone(), { nonNullable: true, validators: [Validators.required] }),
    country: new FormControl(browserCountry(), { nonNullable: true, validators: [Validators.required] }),
  });

  create(): Promise<void> {
    return this.submission.run(
      this.form,
      async () => {
        this.session.replace(await this.api.post<MeResponse>('/api/businesses', this.form.getRawValue()));
        await this.router.navigateByUrl('/dashboard');
      },
      (problem) => showFieldProblems(this.form, problem),
    );
  }
}
