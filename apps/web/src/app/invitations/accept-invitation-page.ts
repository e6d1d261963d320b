import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { type InvitationPreviewResponse, PASSWORD_MIN_LENGTH } from '@rapport/domain';
import { AccountsApi, tokenFromFragment } from '../auth/accounts-api';
import { AuthCardComponent } from '../auth/auth-card';
import { SessionStore } from '../auth/session-store';
import { apiProblemOf, showFieldProblems } from '../http/api-error';

/** Opening the link only shows the invitation; joining is an explicit click (a POST). */
@Component({
  selector: 'rp-accept-invitation-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    AuthCardComponent,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
  ],
  templateUrl: './accept-invitation-page.html',
  styleUrl: '../auth/auth-forms.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AcceptInvitationPage implements OnInit {
  private readonly api = inject(AccountsApi);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly token = tokenFromFragment(inject(ActivatedRoute).snapshot.fragment);

  readonly minLength = PASSWORD_MIN_LENGTH;
  readonly invitation = signal<InvitationPreviewResponse | null>(null);
  readonly loadError = signal<string | null>(null);
  readonly error = signal<string | null>(null);
  readonly isBusy = signal(true);
  readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });

  async ngOnInit(): Promise<void> {
    if (!this.token) {
      this.loadError.set('This page needs the link from your invitation email.');
      this.isBusy.set(false);
      return;
    }
    try {
      const invitation = await this.api.previewInvitation(this.token);
      this.invitation.set(invitation);
      if (!invitation.hasAccount) {
        this.form.controls.name.addValidators(Validators.required);
        this.form.controls.password.addValidators(Validators.minLength(PASSWORD_MIN_LENGTH));
      }
    } catch (error) {
      const problem = apiProblemOf(error);
      this.loadError.set(
        problem.status === 404
          ? 'This invitation was already used, withdrawn, or never existed.'
          : problem.message,
      );
    } finally {
      this.isBusy.set(false);
    }
  }

  async join(): Promise<void> {
    const invitation = this.invitation();
    if (!invitation || !this.token) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.isBusy.set(true);
    this.error.set(null);
    try {
      const { name, password } = this.form.getRawValue();
      const me = await this.api.acceptInvitation(
        this.token,
        invitation.hasAccount ? { password } : { name, password },
      );
      this.session.replace(me);
      await this.router.navigateByUrl('/dashboard');
    } catch (error) {
      const problem = apiProblemOf(error);
      if (!showFieldProblems(this.form, problem, { name: 'Your name', password: 'The password' })) {
        this.error.set(problem.message);
      }
    } finally {
      this.isBusy.set(false);
    }
  }
}
