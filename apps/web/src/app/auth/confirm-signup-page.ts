import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { apiProblemOf } from '../http/api-error';
import { AccountsApi, tokenFromFragment } from './accounts-api';
import { AuthCardComponent } from './auth-card';
import { SessionStore } from './session-store';

/**
 * The sign-up email's link. Opening it only shows it (mail scanners open every link); the business is
 * created by the person's click, which also signs them in.
 */
@Component({
  selector: 'rp-confirm-signup-page',
  imports: [RouterLink, AuthCardComponent, MatButtonModule],
  template: `
    <rp-auth-card title="Create your business" [isBusy]="isSubmitting()">
      @if (!token) {
        <p class="form-error" role="alert">This page needs the link from your sign-up email.</p>
        <a mat-button routerLink="/signup">Sign up</a>
      } @else {
        <p class="form-note">Your email is confirmed by this link. One click and your business is ready.</p>
        @if (error(); as message) {
          <p class="form-error" role="alert">{{ message }}</p>
          <nav class="form-links" aria-label="Other options">
            <a routerLink="/signup">Sign up again</a>
            <a routerLink="/login">Sign in</a>
          </nav>
        } @else {
          <button mat-flat-button type="button" [disabled]="isSubmitting()" (click)="confirm()">
            Create my business
          </button>
        }
      }
    </rp-auth-card>
  `,
  styleUrl: './auth-forms.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmSignupPage {
  private readonly api = inject(AccountsApi);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  readonly token = tokenFromFragment(inject(ActivatedRoute).snapshot.fragment);
  readonly isSubmitting = signal(false);
  readonly error = signal<string | null>(null);

  async confirm(): Promise<void> {
    if (!this.token) return;
    this.isSubmitting.set(true);
    this.error.set(null);
    try {
      this.session.replace(await this.api.confirmSignUp(this.token));
      await this.router.navigateByUrl('/dashboard');
    } catch (error) {
      this.error.set(apiProblemOf(error).message);
    } finally {
      this.isSubmitting.set(false);
    }
  }
}
