import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { TeamResponse } from '@rapport/domain';
import { CurrentTenant, CurrentUser, RequirePermission } from '../access/access.decorators';
import { auditActorOf, type UserPrincipal } from '../access/principal';
import { ParseId } from '../errors/parse-id.pipe';
import { RATE_LIMITS } from '../rate-limit/rate-limits';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { TenantDatabase } from '../tenancy/tenant-database';
import { AccountsRepository } from '../accounts/accounts.repository';
import { ChangeRoleDto, InviteDto } from './dto/team.dto';
import { InvitationsService } from './invitations.service';
import { type TeamActor, TeamService } from './team.service';

@ApiTags('team')
@Controller('team')
export class TeamController {
  constructor(
    private readonly team: TeamService,
    private readonly invitations: InvitationsService,
    private readonly limiter: RateLimiter,
    private readonly database: TenantDatabase,
    private readonly accounts: AccountsRepository,
  ) {}

  @RequirePermission('team:manage')
  @Get()
  get(@CurrentTenant() tenantId: string, @CurrentUser() user: UserPrincipal): Promise<TeamResponse> {
    return this.team.get(tenantId, user.userId);
  }

  @RequirePermission('team:manage')
  @Post('invitations')
  @HttpCode(204)
  async invite(
    @CurrentTenant() tenantId: string,
    @CurrentUser() user: UserPrincipal,
    @Body() body: InviteDto,
  ): Promise<void> {
    await this.limiter.hit(RATE_LIMITS.invitePerUser, [user.userId]);
    await this.limiter.hit(RATE_LIMITS.invitePerIp, [user.client.ip]);
    const profile = await this.database.global((manager) => this.accounts.findUserById(manager, user.userId));
    await this.invitations.invite(tenantId, { ...teamActor(user), name: profile?.name ?? user.email }, body);
  }

  @RequirePermission('team:manage')
  @Delete('invitations/:id')
  @HttpCode(204)
  revokeInvitation(
    @CurrentTenant() tenantId: string,
    @CurrentUser() user: UserPrincipal,
    @Param('id', ParseId()) id: string,
  ): Promise<void> {
    return this.invitations.revoke(tenantId, teamActor(user), id);
  }

  @RequirePermission('team:manage')
  @Patch('members/:id')
  @HttpCode(204)
  changeRole(
    @CurrentTenant() tenantId: string,
    @CurrentUser() user: UserPrincipal,
    @Param('id', ParseId()) id: string,
    @Body() body: ChangeRoleDto,
  ): Promise<void> {
    return this.team.changeRole(tenantId, teamActor(user), id, body.role);
  }

  /** Their sessions working in this business end at once. */
  @RequirePermission('team:manage')
  @Delete('members/:id')
  @HttpCode(204)
  remove(
    @CurrentTenant() tenantId: string,
    @CurrentUser() user: UserPrincipal,
    @Param('id', ParseId()) id: string,
  ): Promise<void> {
    return this.team.remove(tenantId, teamActor(user), id);
  }
}

function teamActor(user: UserPrincipal): TeamActor {
  // team:manage is granted to owners and admins only, so a role is always present here.
  return { ...auditActorOf(user), role: user.role ?? 'staff' };
}
