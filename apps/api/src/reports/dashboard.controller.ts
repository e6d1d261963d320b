import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { DashboardResponse } from '@rapport/domain';
import { CurrentTenant, RequirePermission } from '../access/access.decorators';
import { TenantDatabase } from '../tenancy/tenant-database';
import { DashboardRepository } from './dashboard.repository';

/** The console's home: the last 7 and 30 days at a glance, the NPS trend, answers per day, latest comments. */
@ApiTags('reports')
@Controller('dashboard')
export class DashboardController {
  constructor(
    private readonly database: TenantDatabase,
    private readonly figures: DashboardRepository,
  ) {}

  @RequirePermission('business:read')
  @Get()
  dashboard(@CurrentTenant() tenantId: string): Promise<DashboardResponse> {
    return this.database.transaction(tenantId, (manager) => this.figures.dashboard(manager, new Date()));
  }
}
