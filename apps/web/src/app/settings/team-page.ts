import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, type OnInit, signal } from '@angular/core';
import {
  FormControl,
  FormGroup,
  type FormGroupDirective,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { type Role, ROLES, type TeamMemberResponse, type TeamResponse } from '@rapport/domain';
import { DataColumnDirective, DataTableComponent } from '@rapport/ui';
import { SessionStore } from '../auth/session-store';
import { Confirmation } from '../dialogs/confirm-dialog';
import { apiProblemOf, showFieldProblems } from '../http/api-error';
import { SettingsApi } from './settings-api';

const ROLE_HINTS: Record<Role, string> = {
  owner: 'Everything, including deleting the business',
  admin: 'Everything but ownership and deleting the business',
  staff: 'Customers, answers and cases; reads automations and reports',
};

@Component({
  selector: 'rp-team-page',
  imports: [
    ReactiveFormsModule,
    DatePipe,
    DataTableComponent,
    DataColumnDirective,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
  ],
  templateUrl: './team-page.html',
  styleUrl: './settings-forms.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TeamPage implements OnInit {
  private readonly api = inject(SettingsApi);
  private readonly session = inject(SessionStore);
  private readonly confirmation = inject(Confirmation);

  readonly roleHints = ROLE_HINTS;
  readonly isOwner = computed(() => this.session.me()?.role === 'owner');
  /** Admins may not hand out ownership. */
  readonly assignableRoles = computed<readonly Role[]>(() =>
    this.isOwner() ? ROLES : ROLES.filter((role) => role !== 'owner'),
  );
  readonly team = signal<TeamResponse | null>(null);
  readonly message = signal<{ isError: boolean; text: string } | null>(null);
  readonly isInviting = signal(false);
  readonly inviteForm = new FormGroup({
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
    role: new FormControl<Role>('staff', { nonNullable: true }),
  });

  async ngOnInit(): Promise<void> {
    await this.reload();
  }

  async invite(formDirective?: FormGroupDirective): Promise<void> {
    if (this.inviteForm.invalid) return this.inviteForm.markAllAsTouched();
    this.isInviting.set(true);
    this.message.set(null);
    try {
      const { email, role } = this.inviteForm.getRawValue();
      await this.api.invite({ email, role });
      // Resetting through the directive also clears its "submitted" state, so the empty field shows no error.
      formDirective?.resetForm({ email: '', role: 'staff' });
      if (!formDirective) this.inviteForm.reset({ email: '', role: 'staff' });
      this.message.set({ isError: false, text: `Invitation sent to ${email}.` });
      await this.reload();
    } catch (error) {
      const problem = apiProblemOf(error);
      if (!showFieldProblems(this.inviteForm, problem, { email: 'The email' })) {
        this.message.set({ isError: true, text: problem.message });
      }
    } finally {
      this.isInviting.set(false);
    }
  }

  async changeRole(member: TeamMemberResponse, role: Role): Promise<void> {
    await this.run(() => this.api.changeRole(member.id, role), `${member.name} is now ${role}.`);
  }

  async remove(member: TeamMemberResponse): Promise<void> {
    const isSure = await this.confirmation.ask({
      title: `Remove ${member.name}?`,
      message: `${member.email} loses access to this business at once.`,
      confirmLabel: 'Remove',
      isDestructive: true,
    });
    if (isSure) await this.run(() => this.api.removeMember(member.id), `${member.name} was removed.`);
  }

  async revokeInvitation(id: string, email: string): Promise<void> {
    await this.run(() => this.api.revokeInvitation(id), `The invitation to ${email} was withdrawn.`);
  }

  private async run(action: () => Promise<void>, success: string): Promise<void> {
    this.message.set(null);
    try {
      await action();
      this.message.set({ isError: false, text: success });
    } catch (error) {
      this.message.set({ isError: true, text: apiProblemOf(error).message });
    }
    await this.reload();
  }

  private async reload(): Promise<void> {
    this.team.set(await this.api.team());
  }
}
