import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ReferralSummaryResponse } from '@rapport/domain';
import { CurrentTenant, RequirePermission } from '../access/access.decorators';
import { DaysQueryDto } from '../database/days-query.dto';
import { ReferralsService } from './referrals.service';

const DAY_MS = 86_400_000;

/** How the recommendation loop is doing: who was asked, who came, who bought. */
@ApiTags('referrals')
@Controller('referrals')
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  @RequirePermission('customers:read')
  @Get()
  summary(@CurrentTenant() tenantId: string, @Query() query: DaysQueryDto): Promise<ReferralSummaryResponse> {
    return this.referrals.summary(tenantId, new Date(Date.now() - (query.days ?? 30) * DAY_MS));
  }
}
