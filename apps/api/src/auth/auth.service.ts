import { Injectable } from '@nestjs/common';
import { type MeResponse, ROLE_PERMISSIONS } from '@rapport/domain';
import { AccountsRepository } from '../accounts/accounts.repository';
import type { UserEntity } from '../accounts/user.entity';
import { UnauthenticatedError } from '../errors/app-error';
import { TenantDatabase } from '../tenancy/tenant-database';
import { PasswordHasher } from './password-hasher';
import type { Principal } from './principal';
import { type SessionClient, SessionsService } from './sessions.service';

@Injectable()
export class AuthService {
  constructor(
    private readonly database: TenantDatabase,
    private readonly accounts: AccountsRepository,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionsService,
  ) {}

  /** The user for these credentials; the same error whether the email or the password was wrong. */
  async verifyCredentials(email: string, password: string): Promise<UserEntity> {
    const found = await this.database.global((manager) => this.accounts.findUserWithPassword(manager, email));
    const isValid = await this.passwords.verify(found?.passwordHash, password);
    if (!found || !isValid) throw new UnauthenticatedError('Email or password is incorrect');
    return found.user;
  }

  /** Opens a session in the user's oldest business and returns its token with the profile. */
  async signIn(user: UserEntity, client: SessionClient): Promise<{ token: string; me: MeResponse }> {
    const memberships = await this.database.asUser(user.id, (manager) =>
      this.accounts.membershipsOf(manager, user.id),
    );
    const first = memberships[0] ?? null;
    const { token, session } = await this.sessions.create(user.id, first?.tenantId ?? null, client);
    const me = await this.me({
      userId: user.id,
      sessionId: session.id,
      tenantId: first?.tenantId ?? null,
      role: first?.role ?? null,
    });
    return { token, me };
  }

  async me(principal: Principal): Promise<MeResponse> {
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
          }
        : null,
      role,
      permissions: role ? [...ROLE_PERMISSIONS[role]] : [],
      memberships,
    };
  }
}
