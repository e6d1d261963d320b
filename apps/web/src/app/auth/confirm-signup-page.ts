import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { Submission } from '../http/submission';
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
    <rp-auth-card title="Create your business" [isBusy]="submission.isBusy()">
      @if (!token) {
        <p class="form-error" role="alert">This page needs the link from your sign-up email.</p>
        <a mat-button routerLink="/signup">Sign up</a>
      } @else {
        <p class="form-note">Your email is confirmed by this link. One click and your business is ready.</p>
        @if (submission.error(); as message) {
          <p class="form-error" role="alert">{{ message }}</p>
          <nav class="form-links" aria-label="Other options">
            <a routerLink="/signup">Sign up again</a>
            <a routerLink="/login">Sign in</a>
          </nav>
        } @else {
          <button mat-flat-button type="button" [disabled]="submission.isBusy()" (click)="confirm()">
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
  readonly submission = new Submission();

  async confirm(): Promise<void> {
    const token = this.token;
    if (!token) return;
    await this.submission.run(null, async () => {
      this.session.replace(await this.api.confirmSignUp(token));
      await this.router.navigateByUrl('/dashboard');
    });
  }
}
