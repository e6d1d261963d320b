import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ReviewClicksResponse } from '@rapport/domain';
import { CurrentTenant, RequirePermission } from '../access/access.decorators';
import { DaysQueryDto } from '../database/days-query.dto';
import { TenantDatabase } from '../tenancy/tenant-database';
import { AnswersRepository } from './answers.repository';

const DAY_MS = 86_400_000;

/** How many buyers went on to review the business, per platform: counts only, never who. */
@ApiTags('answers')
@Controller('review-clicks')
export class ReviewClicksController {
  constructor(
    private readonly database: TenantDatabase,
    private readonly answers: AnswersRepository,
  ) {}

  @RequirePermission('answers:read')
  @Get()
  async clicks(
    @CurrentTenant() tenantId: string,
    @Query() query: DaysQueryDto,
  ): Promise<ReviewClicksResponse> {
    const since = new Date(Date.now() - (query.days ?? 30) * DAY_MS);
    const platforms = await this.database.transaction(tenantId, (manager) =>
      this.answers.reviewClicks(manager, since),
    );
    return { since: since.toISOString(), platforms };
  }
}
