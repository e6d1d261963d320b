import { Body, Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { MeResponse } from '@rapport/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { UserRow } from '../accounts/accounts.repository';
import { AuditLog } from '../audit/audit-log';
import { RATE_LIMITS } from '../rate-limit/rate-limits';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { TenantDatabase } from '../tenancy/tenant-database';
import { Public, SignedIn, CurrentUser } from '../access/access.decorators';
import { AuthService } from './auth.service';
import { Client } from '../access/client-info';
import { LoginDto } from './dto/login.dto';
import { PasswordResetConfirmDto, PasswordResetDto } from './dto/password.dto';
import { LocalLoginGuard } from './local-login.guard';
import { PasswordsService } from './passwords.service';
import { auditActorOf, type ClientInfo, type UserPrincipal } from '../access/principal';
import { SESSION_COOKIE, SessionsService } from './sessions.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly passwords: PasswordsService,
    private readonly limiter: RateLimiter,
    private readonly database: TenantDatabase,
    private readonly audit: AuditLog,
  ) {}

  @Public()
  @UseGuards(LocalLoginGuard)
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Signed in; the session cookie is set and the profile returned' })
  async login(
    @Body() _credentials: LoginDto,
    @Req() request: FastifyRequest & { user: UserRow },
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MeResponse> {
    const { token, me } = await this.auth.signIn(request.user, client);
    this.sessions.writeCookies(reply, token);
    return me;
  }

  @SignedIn()
  @Post('logout')
  @HttpCode(204)
  @ApiCookieAuth(SESSION_COOKIE)
  async logout(
    @CurrentUser() user: UserPrincipal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.sessions.revoke(user.sessionId);
    if (user.tenantId) {
      await this.database.transaction(user.tenantId, (manager) =>
        this.audit.record(manager, auditActorOf(user), 'auth.signed_out'),
      );
    }
    this.sessions.clearCookies(reply);
  }

  /** Always 202: whether the email has an account is not revealed. */
  @Public()
  @Post('password-reset')
  @HttpCode(202)
  async requestReset(
    @Body() body: PasswordResetDto,
    @Client() client: ClientInfo,
  ): Promise<{ message: string }> {
    await this.limiter.hit(RATE_LIMITS.resetPerIp, [client.ip]);
    await this.limiter.hit(RATE_LIMITS.resetPerEmail, [body.email.trim()]);
    await this.passwords.requestReset(body.email.trim());
    return { message: 'If an account uses this email, a link to reset its password is on its way.' };
  }

  @Public()
  @Post('password-reset/confirm')
  @HttpCode(204)
  async confirmReset(@Body() body: PasswordResetConfirmDto, @Client() client: ClientInfo): Promise<void> {
    await this.limiter.hit(RATE_LIMITS.resetPerIp, [client.ip]);
    await this.passwords.confirmReset(body.token, body.password, client);
  }
}
