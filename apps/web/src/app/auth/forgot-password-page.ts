import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { apiProblemOf } from '../http/api-error';
import { AccountsApi } from './accounts-api';
import { AuthCardComponent } from './auth-card';

@Component({
  selector: 'rp-forgot-password-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    AuthCardComponent,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
  ],
  template: `
    <rp-auth-card title="Reset your password" [isBusy]="isSubmitting()">
      @if (sentMessage(); as message) {
        <p class="form-note" role="status">{{ message }}</p>
      } @else {
        <p class="form-note">
          Enter the email you sign in with. We will send a link to choose a new password.
        </p>
        <form (ngSubmit)="send()" novalidate>
          <mat-form-field appearance="outline">
            <mat-label>Email</mat-label>
            <input matInput type="email" [formControl]="email" autocomplete="email" required />
            <mat-error>Enter an email address like name&#64;shop.com</mat-error>
          </mat-form-field>
          @if (error(); as message) {
            <p class="form-error" role="alert">{{ message }}</p>
          }
          <button mat-flat-button type="submit" [disabled]="isSubmitting()">Send the link</button>
        </form>
      }
      <nav class="form-links" aria-label="Other options"><a routerLink="/login">Back to sign-in</a></nav>
    </rp-auth-card>
  `,
  styleUrl: './auth-forms.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ForgotPasswordPage {
  private readonly api = inject(AccountsApi);
  readonly email = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.email],
  });
  readonly isSubmitting = signal(false);
  readonly error = signal<string | null>(null);
  readonly sentMessage = signal<string | null>(null);

  async send(): Promise<void> {
    if (this.email.invalid) {
      this.email.markAsTouched();
      return;
    }
    this.isSubmitting.set(true);
    this.error.set(null);
    try {
      this.sentMessage.set((await this.api.requestPasswordReset(this.email.value)).message);
    } catch (error) {
      this.error.set(apiProblemOf(error).message);
    } finally {
      this.isSubmitting.set(false);
    }
  }
}
