import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { UnmatchedReplyResponse } from '@rapport/domain';
import { CurrentTenant, RequirePermission } from '../access/access.decorators';
import { TenantDatabase } from '../tenancy/tenant-database';
import { RepliesRepository } from './replies.repository';

@ApiTags('answers')
@Controller('replies')
export class RepliesController {
  constructor(
    private readonly database: TenantDatabase,
    private readonly replies: RepliesRepository,
  ) {}

  /** Replies sent to this business's reply address that match none of its messages (the newest 200). */
  @RequirePermission('answers:read')
  @Get('unmatched')
  unmatched(@CurrentTenant() tenantId: string): Promise<UnmatchedReplyResponse[]> {
    return this.database.transaction(tenantId, (manager) => this.replies.unmatched(manager));
  }
}
