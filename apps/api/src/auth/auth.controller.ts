import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { MeResponse } from '@rapport/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { UserEntity } from '../accounts/user.entity';
import { CurrentPrincipal, Public, SignedIn } from './access.decorators';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { LocalLoginGuard } from './local-login.guard';
import type { Principal } from './principal';
import { SESSION_COOKIE, SessionsService } from './sessions.service';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
  ) {}

  @Public()
  @UseGuards(LocalLoginGuard)
  @Post('auth/login')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Signed in; the session cookie is set and the profile returned' })
  async login(
    @Body() _credentials: LoginDto,
    @Req() request: FastifyRequest & { user: UserEntity },
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MeResponse> {
    const { token, me } = await this.auth.signIn(request.user, {
      ip: request.ip ?? null,
      userAgent: request.headers['user-agent'] ?? null,
    });
    void reply.setCookie(SESSION_COOKIE, token, this.sessions.cookieOptions(this.sessions.maxAgeSeconds));
    return me;
  }

  @SignedIn()
  @Post('auth/logout')
  @HttpCode(204)
  @ApiCookieAuth(SESSION_COOKIE)
  async logout(
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.sessions.revoke(principal.sessionId);
    void reply.clearCookie(SESSION_COOKIE, this.sessions.cookieOptions());
  }

  @SignedIn()
  @Get('me')
  @ApiCookieAuth(SESSION_COOKIE)
  me(@CurrentPrincipal() principal: Principal): Promise<MeResponse> {
    return this.auth.me(principal);
  }
}
