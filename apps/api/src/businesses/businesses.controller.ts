import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { BusinessResponse, MeResponse, SenderStatusResponse } from '@rapport/domain';
import {
  CurrentPrincipal,
  CurrentTenant,
  CurrentUser,
  RequirePermission,
  SignedIn,
} from '../access/access.decorators';
import { AuthService } from '../auth/auth.service';
import { auditActorOf, type Principal, type UserPrincipal } from '../access/principal';
import { SessionsService } from '../auth/sessions.service';
import { RATE_LIMITS } from '../rate-limit/rate-limits';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { BusinessesService } from './businesses.service';
import { SenderStatus } from '../mail/sender-status';
import { CreateBusinessDto, DeleteBusinessDto, UpdateBusinessDto } from './dto/business.dto';

@ApiTags('business')
@Controller()
export class BusinessesController {
  constructor(
    private readonly businesses: BusinessesService,
    private readonly senders: SenderStatus,
    private readonly sessions: SessionsService,
    private readonly auth: AuthService,
    private readonly limiter: RateLimiter,
  ) {}

  /** Another business owned by the signed-in user; the session switches to it. */
  @SignedIn()
  @Post('businesses')
  @HttpCode(201)
  async create(@CurrentUser() user: UserPrincipal, @Body() body: CreateBusinessDto): Promise<MeResponse> {
    await this.limiter.hit(RATE_LIMITS.businessPerUser, [user.userId]);
    const tenantId = await this.businesses.create({ ...auditActorOf(user), userId: user.userId }, body);
    await this.sessions.switchTenant(user.sessionId, tenantId);
    return this.auth.me({ ...user, tenantId, role: 'owner' });
  }

  @RequirePermission('business:read')
  @Get('business')
  get(@CurrentTenant() tenantId: string): Promise<BusinessResponse> {
    return this.businesses.get(tenantId);
  }

  /** Whether SendGrid will send from the business's sender address, and what to do when it will not. */
  @RequirePermission('business:read')
  @Get('business/sender-status')
  async senderStatus(@CurrentTenant() tenantId: string): Promise<SenderStatusResponse> {
    const business = await this.businesses.get(tenantId);
    return this.senders.of(business.senderEmail);
  }

  @RequirePermission('business:manage')
  @Patch('business')
  update(
    @CurrentTenant() tenantId: string,
    @CurrentPrincipal() principal: Principal,
    @Body() body: UpdateBusinessDto,
  ): Promise<BusinessResponse> {
    return this.businesses.update(tenantId, auditActorOf(principal), body);
  }

  /** Ends a pause for complaints; answers the signed-in profile, whose business no longer shows it. */
  @RequirePermission('business:manage')
  @Post('business/resume-sending')
  @HttpCode(200)
  async resumeSending(
    @CurrentTenant() tenantId: string,
    @CurrentUser() user: UserPrincipal,
  ): Promise<MeResponse> {
    await this.businesses.resumeSending(tenantId, auditActorOf(user));
    return this.auth.me(user);
  }

  /** Permanent: the business and all its data. Members' sessions fall back to no business. */
  @RequirePermission('business:delete')
  @Delete('business')
  @HttpCode(204)
  delete(@CurrentTenant() tenantId: string, @Body() body: DeleteBusinessDto): Promise<void> {
    return this.businesses.delete(tenantId, body.confirmName);
  }
}
