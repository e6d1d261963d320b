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
import { Submission } from '../http/submission';

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
  readonly isLoading = signal(true);
  readonly submission = new Submission();
  readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });

  async ngOnInit(): Promise<void> {
    if (!this.token) {
      this.loadError.set('This page needs the link from your invitation email.');
      this.isLoading.set(false);
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
      this.isLoading.set(false);
    }
  }

  async join(): Promise<void> {
    const invitation = this.invitation();
    const token = this.token;
    if (!invitation || !token) return;
    await this.submission.run(
      this.form,
      async () => {
        const { name, password } = this.form.getRawValue();
        this.session.replace(
          await this.api.acceptInvitation(token, invitation.hasAccount ? { password } : { name, password }),
        );
        await this.router.navigateByUrl('/dashboard');
      },
      (problem) => showFieldProblems(this.form, problem, { name: 'Your name', password: 'The password' }),
    );
  }
}
