import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { SignUpRequest } from '@rapport/domain';
import { AuditLog } from '../audit/audit-log';
import type { ClientInfo } from '../access/principal';
import { hashSecretToken, newSecretToken } from '../access/secret-token';
import { LinkExpiredError } from '../errors/app-error';
import { AutomationsRepository } from '../automations/automations.repository';
import { AccountEmails } from '../mail/account-emails';
import { TenantDatabase } from '../tenancy/tenant-database';
import { AccountsRepository } from '../accounts/accounts.repository';
import { EmailTakenError } from '../accounts/accounts.errors';
import { isUniqueViolation, localeOfCountry } from './businesses.service';
import { PasswordHasher } from '../accounts/password-hasher';
import { PasswordPolicy } from '../accounts/password-policy';
import { SignUpRequestsRepository } from './sign-up-requests.repository';
import type { UserRow } from '../accounts/accounts.repository';

/** How long a sign-up link works. */
export const SIGN_UP_LINK_HOURS = 24;

/**
 * Signing up in two steps, so the answer never says whether an address has an account: the form is
 * answered alike for every address, and the email sent to it carries the next step (a link that creates
 * the business, or a note that an account exists with links to sign in or reset the password). Creating
 * the account only from the link also proves the address belongs to the person.
 */
@Injectable()
export class SignUpService {
  constructor(
    private readonly database: TenantDatabase,
    private readonly accounts: AccountsRepository,
    private readonly requests: SignUpRequestsRepository,
    private readonly passwords: PasswordHasher,
    private readonly policy: PasswordPolicy,
    private readonly emails: AccountEmails,
    private readonly audit: AuditLog,
    private readonly automations: AutomationsRepository,
  ) {}

  /** Checks the form and emails the address; both kinds of address do the same work (a hash, an email). */
  async request(input: SignUpRequest): Promise<void> {
    const email = input.email.trim().toLowerCase();
    this.policy.assertAcceptable(input.password, email);
    const passwordHash = await this.passwords.hash(input.password);
    const existing = await this.database.global((manager) =>
      this.accounts.findUserWithPassword(manager, email),
    );
    if (existing) {
      await this.emails.sendSignUpAttempt({ to: existing.user.email });
      return;
    }
    const { token, hash } = newSecretToken();
    const pending = {
      email,
      name: input.name.trim(),
      passwordHash,
      businessName: input.businessName.trim(),
      timeZone: input.timeZone,
      country: input.country,
    };
    const expiresAt = new Date(Date.now() + SIGN_UP_LINK_HOURS * 3_600_000);
    await this.database.global((manager) => this.requests.add(manager, hash, pending, expiresAt));
    await this.emails.sendSignUpConfirmation({
      to: email,
      businessName: pending.businessName,
      token,
      validHours: SIGN_UP_LINK_HOURS,
    });
  }

  /**
   * The owner and their business from the emailed link, in one transaction that also uses the link up:
   * either all of it happens or none. Whoever holds the link reads the address's mail, so telling them the
   * address already has an account reveals nothing.
   */
  async confirm(token: string, client: ClientInfo): Promise<{ user: UserRow; tenantId: string }> {
    return this.database
      .transaction(randomUUID(), async (manager) => {
        const pending = await this.requests.take(manager, hashSecretToken(token));
        if (!pending)
          throw new LinkExpiredError('This link is no longer valid. Sign up again to get a new one.');
        if (await this.accounts.findUserWithPassword(manager, pending.email)) throw new EmailTakenError();
        const user = await this.accounts.createUser(manager, {
          email: pending.email,
          name: pending.name,
          passwordHash: pending.passwordHash,
        });
        const tenant = await this.accounts.createTenant(manager, {
          name: pending.businessName,
          timeZone: pending.timeZone,
          country: pending.country,
          locale: localeOfCountry(pending.country),
        });
        await this.accounts.addMember(manager, user.id, 'owner');
        await this.automations.createDefaults(manager);
        await this.requests.forget(manager, pending.email);
        await this.audit.record(
          manager,
          { userId: user.id, apiKeyId: null, label: pending.email, client },
          'business.created',
          tenant.name,
        );
        return { user, tenantId: tenant.id };
      })
      .catch((error: unknown) => {
        // Two links for one address opened at once: the unique index decides, the later one hears why.
        throw isUniqueViolation(error, 'users_email_key') ? new EmailTakenError() : error;
      });
  }
}
