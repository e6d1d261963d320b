import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { Submission } from '../http/submission';
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
    <rp-auth-card title="Reset your password" [isBusy]="submission.isBusy()">
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
          @if (submission.error(); as message) {
            <p class="form-error" role="alert">{{ message }}</p>
          }
          <button mat-flat-button type="submit" [disabled]="submission.isBusy()">Send the link</button>
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
  readonly submission = new Submission();
  readonly sentMessage = signal<string | null>(null);

  send(): Promise<void> {
    return this.submission.run(this.email, async () =>
      this.sentMessage.set((await this.api.requestPasswordReset(this.email.value)).message),
    );
  }
}
