import { Injectable, Logger } from '@nestjs/common';
import { LOCK_MINUTES, type MeResponse, ROLE_PERMISSIONS, secondsUntilNextAttempt } from '@rapport/domain';
import { AccountsRepository } from '../accounts/accounts.repository';
import type { UserRow } from '../accounts/accounts.repository';
import { AuditLog } from '../audit/audit-log';
import { TooManyRequestsError, UnauthenticatedError } from '../errors/app-error';
import { AccountEmails } from '../mail/account-emails';
import { TenantDatabase } from '../tenancy/tenant-database';
import { PasswordHasher } from '../accounts/password-hasher';
import type { ClientInfo, UserPrincipal } from '../access/principal';
import { SessionsService } from './sessions.service';
import { SignInFailuresRepository } from './sign-in-failures.repository';

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly database: TenantDatabase,
    private readonly accounts: AccountsRepository,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly audit: AuditLog,
    private readonly emails: AccountEmails,
    private readonly failures: SignInFailuresRepository,
  ) {}

  /**
   * The user for these credentials; the same 401 whether the email or the password was wrong. Repeated
   * wrong passwords for one email slow its sign-ins down, then pause them (and tell the account's owner,
   * when there is an account): counted per email typed, so a known and an unknown address answer alike,
   * and an unknown one is checked against a decoy hash, so both take as long.
   */
  async verifyCredentials(email: string, password: string, client: ClientInfo): Promise<UserRow> {
    const now = new Date();
    const history = await this.database.global((manager) => this.failures.historyOf(manager, email));
    const wait = secondsUntilNextAttempt(history, now);
    if (wait > 0)
      throw new TooManyRequestsError(wait, 'Too many wrong passwords. Wait a moment and try again.');
    const found = await this.database.global((manager) => this.accounts.findUserWithPassword(manager, email));
    const isValid = await this.passwords.verify(found?.passwordHash, password);
    if (!found || !isValid) {
      await this.recordFailedLogin(email, found?.user ?? null, now, client);
      throw new UnauthenticatedError('Email or password is incorrect');
    }
    if (history.failedLogins > 0 || history.lockedUntil) {
      await this.database.global((manager) => this.failures.clear(manager, email));
    }
    return found.user;
  }

  /** Opens a session in the user's oldest business (or `tenantId`) and returns its token with the profile. */
  async signIn(
    user: Pick<UserRow, 'id' | 'email'>,
    client: ClientInfo,
    tenantId?: string,
  ): Promise<{ token: string; me: MeResponse }> {
    const memberships = await this.database.asUser(user.id, (manager) =>
      this.accounts.membershipsOf(manager, user.id),
    );
    const active =
      memberships.find((membership) => membership.tenantId === tenantId) ?? memberships[0] ?? null;
    const { token, session } = await this.sessions.create(user.id, active?.tenantId ?? null, client);
    const principal: UserPrincipal = {
      kind: 'user',
      userId: user.id,
      email: user.email,
      sessionId: session.id,
      tenantId: active?.tenantId ?? null,
      role: active?.role ?? null,
      client,
    };
    if (active) {
      await this.database.transaction(active.tenantId, (manager) =>
        this.audit.record(
          manager,
          { userId: user.id, apiKeyId: null, label: user.email, client },
          'auth.signed_in',
        ),
      );
    }
    return { token, me: await this.me(principal) };
  }

  async me(principal: UserPrincipal): Promise<MeResponse> {
    const { userId, tenantId, role } = principal;
    const user = await this.database.global((manager) => this.accounts.findUserById(manager, userId));
    if (!user) throw new UnauthenticatedError();
    const memberships = await this.database.asUser(userId, (manager) =>
      this.accounts.membershipsOf(manager, userId),
    );
    const tenant = tenantId
      ? await this.database.transaction(tenantId, (manager) => this.accounts.findTenant(manager))
      : null;
    return {
      user: { id: user.id, email: user.email, name: user.name },
      business: tenant
        ? {
            id: tenant.id,
            name: tenant.name,
            timeZone: tenant.timeZone,
            locale: tenant.locale,
            country: tenant.country,
            pausedReason: tenant.pausedAt ? tenant.pausedReason : null,
          }
        : null,
      role,
      permissions: role ? [...ROLE_PERMISSIONS[role]] : [],
      memberships,
    };
  }

  private async recordFailedLogin(
    email: string,
    user: UserRow | null,
    now: Date,
    client: ClientInfo,
  ): Promise<void> {
    const next = await this.database.global((manager) => this.failures.recordFailure(manager, email, now));
    if (!next.isNowLocked || !user) return;
    this.logger.warn({ userId: user.id, ip: client.ip }, 'Sign-ins paused after repeated wrong passwords');
    await this.emails.sendLockoutNotice({ to: user.email, lockedMinutes: LOCK_MINUTES, ip: client.ip });
    const memberships = await this.database.asUser(user.id, (manager) =>
      this.accounts.membershipsOf(manager, user.id),
    );
    for (const membership of memberships) {
      await this.database.transaction(membership.tenantId, (manager) =>
        this.audit.record(
          manager,
          { userId: null, apiKeyId: null, label: user.email, client },
          'auth.login_locked',
          user.email,
        ),
      );
    }
  }
}
