import { Body, Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { MeResponse, SignUpResponse } from '@rapport/domain';
import type { FastifyReply } from 'fastify';
import { Public } from '../access/access.decorators';
import { AuthService } from '../auth/auth.service';
import { Client } from '../access/client-info';
import type { ClientInfo } from '../access/principal';
import { SessionsService } from '../auth/sessions.service';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { isLoopbackAddress } from '../config/network-address';
import { RATE_LIMITS } from '../rate-limit/rate-limits';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { ConfirmSignUpDto, SignUpDto } from './dto/business.dto';
import { SIGN_UP_LINK_HOURS, SignUpService } from './sign-up.service';

@ApiTags('auth')
@Controller('auth/signup')
export class SignUpController {
  constructor(
    private readonly signUps: SignUpService,
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Emails the address the next step; answers the same whether or not it already has an account. */
  @Public()
  @Post()
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'An email is on its way to the address' })
  async signUp(@Body() body: SignUpDto, @Client() client: ClientInfo): Promise<SignUpResponse> {
    await this.limiter.hit(RATE_LIMITS.signUpPerIp, [client.ip]);
    await this.limiter.hit(RATE_LIMITS.signUpPerEmail, [body.email.trim()]);
    await this.signUps.request(body);
    const isCaughtHere =
      this.config.mail.isDevMailboxOpen && !this.config.mail.sendGridApiKey && isLoopbackAddress(client.ip);
    return {
      message: `We sent an email to ${body.email.trim()}. Open the link in it to create your business; it works for ${SIGN_UP_LINK_HOURS} hours.`,
      devMailboxPath: isCaughtHere ? '/dev/mailbox' : null,
    };
  }

  /** The emailed link: creates the owner and the business, and signs the owner in. */
  @Public()
  @Post('confirm')
  @HttpCode(201)
  @ApiCreatedResponse({
    description: 'The business exists; the session cookie is set and the profile returned',
  })
  async confirm(
    @Body() body: ConfirmSignUpDto,
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MeResponse> {
    await this.limiter.hit(RATE_LIMITS.signUpConfirmPerIp, [client.ip]);
    const { user, tenantId } = await this.signUps.confirm(body.token, client);
    const { token, me } = await this.auth.signIn(user, client, tenantId);
    this.sessions.writeCookies(reply, token);
    return me;
  }
}
