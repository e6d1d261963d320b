import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { PASSWORD_MIN_LENGTH } from '@rapport/domain';
import { Submission } from '../http/submission';
import { AccountsApi, tokenFromFragment } from './accounts-api';
import { AuthCardComponent } from './auth-card';

@Component({
  selector: 'rp-reset-password-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    AuthCardComponent,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
  ],
  template: `
    <rp-auth-card title="Choose a new password" [isBusy]="submission.isBusy()">
      @if (isDone()) {
        <p class="form-note" role="status">Your password is changed and every session was signed out.</p>
        <a mat-flat-button routerLink="/login">Sign in</a>
      } @else if (!token) {
        <p class="form-error" role="alert">
          This page needs the link from the reset email. Ask for a new one.
        </p>
        <a mat-button routerLink="/forgot-password">Ask for a new link</a>
      } @else {
        <form (ngSubmit)="save()" novalidate>
          <mat-form-field appearance="outline">
            <mat-label>New password</mat-label>
            <input matInput type="password" [formControl]="password" autocomplete="new-password" required />
            <mat-hint>At least {{ minLength }} characters</mat-hint>
            <mat-error>Use at least {{ minLength }} characters</mat-error>
          </mat-form-field>
          @if (submission.error(); as message) {
            <p class="form-error" role="alert">{{ message }}</p>
          }
          <button mat-flat-button type="submit" [disabled]="submission.isBusy()">
            Save the new password
          </button>
        </form>
      }
    </rp-auth-card>
  `,
  styleUrl: './auth-forms.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ResetPasswordPage {
  private readonly api = inject(AccountsApi);
  readonly token = tokenFromFragment(inject(ActivatedRoute).snapshot.fragment);
  readonly minLength = PASSWORD_MIN_LENGTH;
  readonly password = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)],
  });
  readonly submission = new Submission();
  readonly isDone = signal(false);

  async save(): Promise<void> {
    const token = this.token;
    if (!token) return this.password.markAsTouched();
    await this.submission.run(
      this.password,
      async () => {
        await this.api.confirmPasswordReset({ token, password: this.password.value });
        this.isDone.set(true);
      },
      (problem) => {
        const reason = problem.fields['password'];
        if (reason) this.submission.error.set(`The password ${reason}`);
        return reason !== undefined;
      },
    );
  }
}
