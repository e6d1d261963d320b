import { Injectable } from '@nestjs/common';
import type {
  AcceptInvitationRequest,
  InvitationPreviewResponse,
  InviteRequest,
  MembershipSummary,
} from '@rapport/domain';
import { AuditLog } from '../audit/audit-log';
import { PasswordHasher } from '../accounts/password-hasher';
import type { ClientInfo } from '../access/principal';
import { newTenantToken, parseTenantToken } from '../access/secret-token';
import { NotFoundError, UnauthenticatedError, ValidationFailedError } from '../errors/app-error';
import { AccountEmails } from '../mail/account-emails';
import { TenantDatabase, type TenantManager, tenantIdOf } from '../tenancy/tenant-database';
import { AccountsRepository } from '../accounts/accounts.repository';
import { AlreadyMemberError, InvitationExpiredError, TeamRuleError } from '../accounts/accounts.errors';
import { InvitationsRepository, type InvitationRow } from '../accounts/invitations.repository';
import { PasswordPolicy } from '../accounts/password-policy';
import type { TeamActor } from './team.service';
import type { UserRow } from '../accounts/accounts.repository';

const VALID_DAYS = 7;

/**
 * Invitations by email. Opening the link only shows the invitation (link scanners open every link);
 * accepting is a POST that creates the account or, for an existing one, checks its password.
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly database: TenantDatabase,
    private readonly accounts: AccountsRepository,
    private readonly passwords: PasswordHasher,
    private readonly policy: PasswordPolicy,
    private readonly emails: AccountEmails,
    private readonly audit: AuditLog,
    private readonly invitations: InvitationsRepository,
  ) {}

  async invite(tenantId: string, actor: TeamActor & { name: string }, input: InviteRequest): Promise<void> {
    const email = input.email.trim().toLowerCase();
    if (input.role === 'owner' && actor.role !== 'owner') {
      throw new TeamRuleError('Only an owner can invite another owner');
    }
    const { token, businessName } = await this.database.transaction(tenantId, async (manager) => {
      if (await this.accounts.hasMemberWithEmail(manager, email)) throw new AlreadyMemberError(email);
      // Inviting again replaces the open invitation: only the newest link works.
      await this.invitations.revokeOpenFor(manager, email);
      const { token: link, hash } = newTenantToken(tenantIdOf(manager));
      await this.invitations.create(manager, {
        email,
        role: input.role,
        tokenHash: hash,
        invitedBy: actor.userId,
        expiresAt: new Date(Date.now() + VALID_DAYS * 86_400_000),
      });
      await this.audit.record(manager, actor, 'team.invited', email, { role: input.role });
      const tenant = await this.accounts.findTenant(manager);
      return { token: link, businessName: tenant?.name ?? '' };
    });
    await this.emails.sendInvitation({
      to: email,
      businessName,
      invitedBy: actor.name,
      role: input.role,
      token,
    });
  }

  revoke(tenantId: string, actor: TeamActor, invitationId: string): Promise<void> {
    return this.database.transaction(tenantId, async (manager) => {
      const invitation = await this.invitations.findOpen(manager, invitationId);
      if (!invitation) throw new NotFoundError('Invitation');
      await this.invitations.revoke(manager, invitationId, new Date());
      await this.audit.record(manager, actor, 'team.invitation_revoked', invitation.email);
    });
  }

  /** What the link shows; changes nothing. Unknown, used and revoked links are all "not found". */
  preview(token: string): Promise<InvitationPreviewResponse> {
    return this.withOpenInvitation(token, async (manager, invitation) => {
      const tenant = await this.accounts.findTenant(manager);
      const inviter = invitation.invitedBy
        ? await this.accounts.findUserById(manager, invitation.invitedBy)
        : null;
      const existing = await this.accounts.findUserWithPassword(manager, invitation.email);
      return {
        businessName: tenant?.name ?? '',
        email: invitation.email,
        role: invitation.role,
        invitedBy: inviter?.name ?? null,
        expiresAt: invitation.expiresAt.toISOString(),
        hasAccount: existing !== null,
      };
    });
  }

  /** Accepts once: creates or checks the account, adds the membership and closes the invitation. */
  accept(
    token: string,
    input: AcceptInvitationRequest,
    client: ClientInfo,
  ): Promise<{ user: UserRow; membership: MembershipSummary }> {
    return this.withOpenInvitation(token, async (manager, invitation) => {
      const user = await this.userForAcceptance(manager, invitation.email, input);
      if (await this.accounts.isMember(manager, user.id)) throw new AlreadyMemberError(invitation.email);
      await this.accounts.addMember(manager, user.id, invitation.role);
      await this.invitations.markAccepted(manager, invitation.id, user.id, new Date());
      await this.audit.record(
        manager,
        { userId: user.id, apiKeyId: null, label: user.email, client },
        'team.invitation_accepted',
        user.email,
        { role: invitation.role },
      );
      const tenant = await this.accounts.findTenant(manager);
      return {
        user,
        membership: {
          tenantId: tenantIdOf(manager),
          businessName: tenant?.name ?? '',
          role: invitation.role,
        },
      };
    });
  }

  private async userForAcceptance(
    manager: TenantManager,
    email: string,
    input: AcceptInvitationRequest,
  ): Promise<UserRow> {
    const existing = await this.accounts.findUserWithPassword(manager, email);
    if (existing) {
      if (!(await this.passwords.verify(existing.passwordHash, input.password))) {
        throw new UnauthenticatedError('The password of the account for this email is incorrect');
      }
      return existing.user;
    }
    const name = input.name?.trim();
    if (!name) throw new ValidationFailedError([{ field: 'name', reason: 'is required for a new account' }]);
    this.policy.assertAcceptable(input.password, email);
    return this.accounts.createUser(manager, {
      email,
      name,
      passwordHash: await this.passwords.hash(input.password),
    });
  }

  /** Runs `work` in the invitation's own tenant, locking the invitation row so it is used once. */
  private withOpenInvitation<T>(
    token: string,
    work: (manager: TenantManager, invitation: InvitationRow) => Promise<T>,
  ): Promise<T> {
    const parsed = parseTenantToken(token);
    if (!parsed) return Promise.reject(new NotFoundError('Invitation'));
    return this.database.transaction(parsed.tenantId, async (manager) => {
      const invitation = await this.invitations.findOpenByTokenForUpdate(manager, parsed.hash);
      if (!invitation) throw new NotFoundError('Invitation');
      if (invitation.expiresAt.getTime() <= Date.now()) throw new InvitationExpiredError();
      return work(manager, invitation);
    });
  }
}
