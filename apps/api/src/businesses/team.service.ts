import { Injectable } from '@nestjs/common';
import {
  type InvitationResponse,
  type Role,
  roleChangeProblem,
  type TeamMemberResponse,
  type TeamResponse,
} from '@rapport/domain';
import { AuditLog } from '../audit/audit-log';
import type { AuditActor } from '../access/principal';
import { SessionsService } from '../auth/sessions.service';
import { NotFoundError } from '../errors/app-error';
import { TenantDatabase, type TenantManager, tenantIdOf } from '../tenancy/tenant-database';
import { TeamRuleError } from '../accounts/accounts.errors';
import { AccountsRepository } from '../accounts/accounts.repository';
import { InvitationsRepository } from '../accounts/invitations.repository';
import { queryRows } from '../database/query-rows';

/** Who changes the team: their role decides what they may do, the rest goes to the audit log. */
export type TeamActor = AuditActor & { role: Role };

interface MemberRow {
  id: string;
  user_id: string;
  role: Role;
  created_at: Date;
  name: string;
  email: string;
}

/** The people of one business: who they are, their roles, and the invitations still open. */
@Injectable()
export class TeamService {
  constructor(
    private readonly database: TenantDatabase,
    private readonly sessions: SessionsService,
    private readonly audit: AuditLog,
    private readonly accounts: AccountsRepository,
    private readonly invitations: InvitationsRepository,
  ) {}

  get(tenantId: string, viewerId: string): Promise<TeamResponse> {
    return this.database.transaction(tenantId, async (manager) => ({
      members: (await this.members(manager)).map((row) => toMember(row, viewerId)),
      invitations: await this.openInvitations(manager),
    }));
  }

  changeRole(tenantId: string, actor: TeamActor, membershipId: string, role: Role): Promise<void> {
    return this.database.transaction(tenantId, async (manager) => {
      const { member, ownerCount } = await this.memberForChange(manager, membershipId);
      if (member.role === role) return;
      const problem = roleChangeProblem({
        actorRole: actor.role,
        currentRole: member.role,
        newRole: role,
        ownerCount,
      });
      if (problem) throw new TeamRuleError(problem);
      await this.accounts.setMemberRole(manager, membershipId, role);
      await this.audit.record(manager, actor, 'team.role_changed', member.email, {
        from: member.role,
        to: role,
      });
    });
  }

  /** Removes a member; their sessions working in this business end at once. */
  remove(tenantId: string, actor: TeamActor, membershipId: string): Promise<void> {
    return this.database.transaction(tenantId, async (manager) => {
      const { member, ownerCount } = await this.memberForChange(manager, membershipId);
      const problem = roleChangeProblem({
        actorRole: actor.role,
        currentRole: member.role,
        newRole: null,
        ownerCount,
      });
      if (problem) throw new TeamRuleError(problem);
      await this.accounts.removeMember(manager, membershipId);
      await this.sessions.revokeForUserInTenant(manager, member.user_id, tenantIdOf(manager));
      await this.audit.record(manager, actor, 'team.member_removed', member.email, { role: member.role });
    });
  }

  private async memberForChange(
    manager: TenantManager,
    membershipId: string,
  ): Promise<{ member: MemberRow; ownerCount: number }> {
    const members = await this.members(manager);
    const member = members.find((row) => row.id === membershipId);
    if (!member) throw new NotFoundError('Member');
    return { member, ownerCount: members.filter((row) => row.role === 'owner').length };
  }

  private members(manager: TenantManager): Promise<MemberRow[]> {
    // FOR UPDATE: two owners demoting each other at once must not leave the business without one.
    return queryRows<MemberRow>(
      manager,
      `SELECT m.id, m.user_id, m.role, m.created_at, u.name, u.email
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.tenant_id = $1
        ORDER BY m.created_at, u.name
          FOR UPDATE OF m`,
      [tenantIdOf(manager)],
    );
  }

  private async openInvitations(manager: TenantManager): Promise<InvitationResponse[]> {
    const rows = await this.invitations.listOpen(manager);
    const inviters = await queryRows<{ id: string; name: string }>(
      manager,
      `SELECT id, name FROM users WHERE id = ANY($1)`,
      [rows.map((row) => row.invitedBy).filter((id): id is string => id !== null)],
    );
    const names = new Map(inviters.map((row) => [row.id, row.name]));
    const now = Date.now();
    return rows.map((row) => ({
      id: row.id,
      email: row.email,
      role: row.role,
      invitedBy: row.invitedBy ? (names.get(row.invitedBy) ?? null) : null,
      createdAt: row.createdAt.toISOString(),
      expiresAt: row.expiresAt.toISOString(),
      status: row.expiresAt.getTime() > now ? 'pending' : 'expired',
    }));
  }
}

function toMember(row: MemberRow, viewerId: string): TeamMemberResponse {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    email: row.email,
    role: row.role,
    joinedAt: new Date(row.created_at).toISOString(),
    isYou: row.user_id === viewerId,
  };
}
