import { Injectable } from '@nestjs/common';
import { AccountsRepository } from '../accounts/accounts.repository';
import { PasswordPolicy } from '../accounts/password-policy';
import type { UserRow } from '../accounts/accounts.repository';
import { AuditLog } from '../audit/audit-log';
import {
  LinkExpiredError,
  NotFoundError,
  UnauthenticatedError,
  ValidationFailedError,
} from '../errors/app-error';
import { AccountEmails } from '../mail/account-emails';
import { TenantDatabase } from '../tenancy/tenant-database';
import { PasswordHasher } from '../accounts/password-hasher';
import { PasswordResetsRepository } from './password-resets.repository';
import type { AuditActor, ClientInfo, UserPrincipal } from '../access/principal';
import { hashSecretToken, newSecretToken } from '../access/secret-token';
import { SessionsService } from './sessions.service';
import { SignInFailuresRepository } from './sign-in-failures.repository';

const RESET_VALID_MS = 60 * 60 * 1000;

@Injectable()
export class PasswordsService {
  constructor(
    private readonly database: TenantDatabase,
    private readonly accounts: AccountsRepository,
    private readonly hasher: PasswordHasher,
    private readonly policy: PasswordPolicy,
    private readonly sessions: SessionsService,
    private readonly emails: AccountEmails,
    private readonly audit: AuditLog,
    private readonly failures: SignInFailuresRepository,
    private readonly resets: PasswordResetsRepository,
  ) {}

  /** Emails a reset link when the account exists; says nothing either way. */
  async requestReset(email: string): Promise<void> {
    const found = await this.database.global((manager) => this.accounts.findUserWithPassword(manager, email));
    if (!found) return;
    const { token, hash } = newSecretToken();
    await this.database.global((manager) =>
      this.resets.create(manager, found.user.id, hash, new Date(Date.now() + RESET_VALID_MS)),
    );
    await this.emails.sendPasswordReset({ to: found.user.email, token });
  }

  /** Sets the new password, uses up every open reset link of the account and ends all its sessions. */
  async confirmReset(token: string, password: string, client: ClientInfo): Promise<void> {
    const user = await this.database.global(async (manager) => {
      const reset = await this.resets.findUnusedForUpdate(manager, hashSecretToken(token));
      if (!reset || reset.expiresAt.getTime() <= Date.now()) {
        throw new LinkExpiredError('This reset link is no longer valid. Ask for a new one.');
      }
      const owner = await this.accounts.findUserById(manager, reset.userId);
      if (!owner) throw new NotFoundError('Account');
      this.policy.assertAcceptable(password, owner.email);
      await this.accounts.setPasswordHash(manager, owner.id, await this.hasher.hash(password));
      await this.failures.clear(manager, owner.email);
      await this.resets.useAllFor(manager, owner.id, new Date());
      await this.sessions.revokeAllForUser(owner.id, undefined, manager);
      return owner;
    });
    await this.recordInEveryBusiness(user, 'auth.password_reset', client);
  }

  /** Changes the password of the signed-in user and ends their other sessions. */
  async change(principal: UserPrincipal, currentPassword: string, newPassword: string): Promise<void> {
    const found = await this.database.global((manager) =>
      this.accounts.findUserWithPassword(manager, principal.email),
    );
    if (!found || !(await this.hasher.verify(found.passwordHash, currentPassword))) {
      throw new UnauthenticatedError('The current password is incorrect');
    }
    if (currentPassword === newPassword) {
      throw new ValidationFailedError([
        { field: 'newPassword', reason: 'must differ from the current password' },
      ]);
    }
    this.policy.assertAcceptable(newPassword, found.user.email, 'newPassword');
    await this.database.global(async (manager) => {
      await this.accounts.setPasswordHash(manager, found.user.id, await this.hasher.hash(newPassword));
      await this.sessions.revokeAllForUser(found.user.id, principal.sessionId, manager);
    });
    await this.recordInEveryBusiness(found.user, 'auth.password_changed', principal.client);
  }

  /** Account events belong to no single business; each business the person works in sees them. */
  async recordInEveryBusiness(
    user: Pick<UserRow, 'id' | 'email'>,
    action: 'auth.password_changed' | 'auth.password_reset' | 'auth.signed_out_everywhere',
    client: ClientInfo,
  ): Promise<void> {
    const actor: AuditActor = { userId: user.id, apiKeyId: null, label: user.email, client };
    const memberships = await this.database.asUser(user.id, (manager) =>
      this.accounts.membershipsOf(manager, user.id),
    );
    for (const membership of memberships) {
      await this.database.transaction(membership.tenantId, (manager) =>
        this.audit.record(manager, actor, action),
      );
    }
  }
}
