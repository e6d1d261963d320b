import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatListModule } from '@angular/material/list';
import { Router } from '@angular/router';
import { PASSWORD_MIN_LENGTH, type SessionResponse } from '@rapport/domain';
import { SessionStore } from '../auth/session-store';
import { Confirmation } from '../dialogs/confirm-dialog';
import { apiProblemOf, showFieldProblems } from '../http/api-error';
import { SettingsApi } from './settings-api';

@Component({
  selector: 'rp-security-page',
  imports: [
    ReactiveFormsModule,
    DatePipe,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatListModule,
  ],
  templateUrl: './security-page.html',
  styleUrl: './settings-forms.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SecurityPage implements OnInit {
  private readonly api = inject(SettingsApi);
  private readonly session = inject(SessionStore);
  private readonly confirmation = inject(Confirmation);
  private readonly router = inject(Router);

  readonly minLength = PASSWORD_MIN_LENGTH;
  readonly sessions = signal<SessionResponse[]>([]);
  readonly message = signal<{ isError: boolean; text: string } | null>(null);
  readonly form = new FormGroup({
    currentPassword: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    newPassword: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)],
    }),
  });

  async ngOnInit(): Promise<void> {
    this.sessions.set(await this.api.sessions());
  }

  async changePassword(): Promise<void> {
    if (this.form.invalid) return this.form.markAllAsTouched();
    this.message.set(null);
    try {
      await this.api.changePassword(this.form.getRawValue());
      this.form.reset();
      this.message.set({ isError: false, text: 'Password changed. Your other sessions were signed out.' });
      this.sessions.set(await this.api.sessions());
    } catch (error) {
      const problem = apiProblemOf(error);
      if (!showFieldProblems(this.form, problem, { newPassword: 'The new password' })) {
        this.message.set({ isError: true, text: problem.message });
      }
    }
  }

  async endSession(id: string): Promise<void> {
    await this.api.endSession(id);
    this.sessions.set(await this.api.sessions());
  }

  async signOutEverywhere(): Promise<void> {
    const isSure = await this.confirmation.ask({
      title: 'Sign out everywhere?',
      message: 'Every browser signed in to your account, this one included, is signed out.',
      confirmLabel: 'Sign out everywhere',
    });
    if (!isSure) return;
    await this.api.signOutEverywhere();
    this.session.forget();
    await this.router.navigateByUrl('/login');
  }
}
