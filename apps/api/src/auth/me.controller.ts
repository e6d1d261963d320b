import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import type { MeResponse, SessionResponse } from '@rapport/domain';
import type { FastifyReply } from 'fastify';
import { AccountsRepository } from '../accounts/accounts.repository';
import { SwitchBusinessDto } from './dto/switch-business.dto';
import { NotFoundError } from '../errors/app-error';
import { ParseId } from '../errors/parse-id.pipe';
import { TenantDatabase } from '../tenancy/tenant-database';
import { CurrentUser, SignedIn } from '../access/access.decorators';
import { AuthService } from './auth.service';
import { ChangePasswordDto } from './dto/password.dto';
import { PasswordsService } from './passwords.service';
import type { UserPrincipal } from '../access/principal';
import { SESSION_COOKIE, SessionsService } from './sessions.service';

/** The signed-in person's own account: profile, password, sessions, active business. */
@ApiTags('me')
@ApiCookieAuth(SESSION_COOKIE)
@Controller('me')
export class MeController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly passwords: PasswordsService,
    private readonly database: TenantDatabase,
    private readonly accounts: AccountsRepository,
  ) {}

  @SignedIn()
  @Get()
  me(@CurrentUser() user: UserPrincipal): Promise<MeResponse> {
    return this.auth.me(user);
  }

  /** Works in another of the user's businesses from now on; 404 for a business they do not belong to. */
  @SignedIn()
  @Put('business')
  async switchBusiness(
    @CurrentUser() user: UserPrincipal,
    @Body() body: SwitchBusinessDto,
  ): Promise<MeResponse> {
    const memberships = await this.database.asUser(user.userId, (manager) =>
      this.accounts.membershipsOf(manager, user.userId),
    );
    const target = memberships.find((membership) => membership.tenantId === body.tenantId);
    if (!target) throw new NotFoundError('Business');
    await this.sessions.switchTenant(user.sessionId, target.tenantId);
    return this.auth.me({ ...user, tenantId: target.tenantId, role: target.role });
  }

  /** Changes the password and signs out every other session. */
  @SignedIn()
  @Post('password')
  @HttpCode(204)
  changePassword(@CurrentUser() user: UserPrincipal, @Body() body: ChangePasswordDto): Promise<void> {
    return this.passwords.change(user, body.currentPassword, body.newPassword);
  }

  @SignedIn()
  @Get('sessions')
  listSessions(@CurrentUser() user: UserPrincipal): Promise<SessionResponse[]> {
    return this.sessions.listForUser(user.userId, user.sessionId);
  }

  @SignedIn()
  @Delete('sessions/:id')
  @HttpCode(204)
  async endSession(@CurrentUser() user: UserPrincipal, @Param('id', ParseId()) id: string): Promise<void> {
    if (!(await this.sessions.revokeOwn(user.userId, id))) throw new NotFoundError('Session');
  }

  /** Ends every session of the account, this one included. */
  @SignedIn()
  @Post('sessions/sign-out-everywhere')
  @HttpCode(204)
  async signOutEverywhere(
    @CurrentUser() user: UserPrincipal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.sessions.revokeAllForUser(user.userId);
    await this.passwords.recordInEveryBusiness(
      { id: user.userId, email: user.email },
      'auth.signed_out_everywhere',
      user.client,
    );
    this.sessions.clearCookies(reply);
  }
}
