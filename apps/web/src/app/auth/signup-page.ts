import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { PASSWORD_MIN_LENGTH, type SignUpResponse } from '@rapport/domain';
import { browserCountry, browserTimeZone, PlaceFieldsComponent } from '../places/place-fields';
import { showFieldProblems } from '../http/api-error';
import { Submission } from '../http/submission';
import { AccountsApi } from './accounts-api';
import { AuthCardComponent } from './auth-card';

/**
 * The sign-up form. Its answer is the same for every address (whether one has an account must not show),
 * so the next step is always the email: its link creates the business and signs the owner in.
 */
@Component({
  selector: 'rp-signup-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    AuthCardComponent,
    PlaceFieldsComponent,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
  ],
  templateUrl: './signup-page.html',
  styleUrl: './auth-forms.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignupPage {
  private readonly api = inject(AccountsApi);

  readonly minLength = PASSWORD_MIN_LENGTH;
  readonly submission = new Submission();
  /** Set once the email is on its way. */
  readonly sent = signal<SignUpResponse | null>(null);
  readonly form = new FormGroup({
    businessName: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(120)],
    }),
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(120)],
    }),
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
    password: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)],
    }),
    timeZone: new FormControl(browserTimeZone(), { nonNullable: true, validators: [Validators.required] }),
    country: new FormControl(browserCountry(), { nonNullable: true, validators: [Validators.required] }),
  });

  signUp(): Promise<void> {
    const labels = {
      businessName: 'The business name',
      name: 'Your name',
      email: 'The email',
      password: 'The password',
    };
    return this.submission.run(
      this.form,
      async () => this.sent.set(await this.api.signUp(this.form.getRawValue())),
      (problem) => showFieldProblems(this.form, problem, labels),
    );
  }
}
