import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuditEventResponse, Page } from '@rapport/domain';
import { CurrentTenant, RequirePermission } from '../access/access.decorators';
import { TenantDatabase } from '../tenancy/tenant-database';
import { AuditLog } from './audit-log';
import { AuditQueryDto } from './dto/audit-query.dto';

@ApiTags('audit')
@Controller('audit-events')
export class AuditController {
  constructor(
    private readonly database: TenantDatabase,
    private readonly audit: AuditLog,
  ) {}

  @RequirePermission('audit:read')
  @Get()
  list(@CurrentTenant() tenantId: string, @Query() query: AuditQueryDto): Promise<Page<AuditEventResponse>> {
    return this.database.transaction(tenantId, (manager) => this.audit.list(manager, query));
  }
}
