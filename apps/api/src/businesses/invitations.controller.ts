import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { InvitationPreviewResponse, MeResponse } from '@rapport/domain';
import type { FastifyReply } from 'fastify';
import { Public } from '../access/access.decorators';
import { AuthService } from '../auth/auth.service';
import { Client } from '../access/client-info';
import type { ClientInfo } from '../access/principal';
import { SessionsService } from '../auth/sessions.service';
import { RATE_LIMITS } from '../rate-limit/rate-limits';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { AcceptInvitationDto } from './dto/team.dto';
import { InvitationsService } from './invitations.service';

/** The invited person's side: the link shows the invitation; accepting is a POST. */
@ApiTags('team')
@Controller('invitations')
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly limiter: RateLimiter,
  ) {}

  @Public()
  @Get(':token')
  async preview(
    @Param('token') token: string,
    @Client() client: ClientInfo,
  ): Promise<InvitationPreviewResponse> {
    await this.limiter.hit(RATE_LIMITS.acceptPerIp, [client.ip]);
    return this.invitations.preview(token);
  }

  /** Joins the business and signs in to it. */
  @Public()
  @Post(':token/accept')
  @HttpCode(200)
  async accept(
    @Param('token') token: string,
    @Body() body: AcceptInvitationDto,
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MeResponse> {
    await this.limiter.hit(RATE_LIMITS.acceptPerIp, [client.ip]);
    const { user, membership } = await this.invitations.accept(token, body, client);
    const { token: session, me } = await this.auth.signIn(user, client, membership.tenantId);
    this.sessions.writeCookies(reply, session);
    return me;
  }
}
