import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { AuthCardComponent } from './auth-card';
import { Submission } from '../http/submission';
import { SessionStore } from './session-store';

@Component({
  selector: 'rp-login-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    AuthCardComponent,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
  ],
  templateUrl: './login-page.html',
  styleUrl: './auth-forms.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPage {
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);

  /** Where to go after signing in (set by the guard that sent the user here). */
  readonly returnTo = input<string>();
  readonly submission = new Submission();

  readonly form = new FormGroup({
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });

  signIn(): Promise<void> {
    return this.submission.run(this.form, async () => {
      await this.session.signIn(this.form.getRawValue());
      await this.router.navigateByUrl(safeReturnPath(this.returnTo()));
    });
  }
}

/** Only paths inside the console: an absolute URL here would make the sign-in page an open redirect. */
export function safeReturnPath(returnTo: string | undefined): string {
  return returnTo && returnTo.startsWith('/') && !returnTo.startsWith('//') && !returnTo.startsWith('/login')
    ? returnTo
    : '/dashboard';
}
