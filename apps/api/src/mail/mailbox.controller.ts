import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { MailboxEmailDetailResponse, MailboxPageResponse } from '@rapport/domain';
import { CurrentTenant, RequirePermission } from '../access/access.decorators';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { PageQueryDto, pageSize } from '../database/page-query.dto';
import { NotFoundError } from '../errors/app-error';
import { ParseId } from '../errors/parse-id.pipe';
import { TenantDatabase } from '../tenancy/tenant-database';
import { MailboxRepository } from './mailbox.repository';

/** The business's own mailbox: its emails to buyers as they received them, while no provider is configured. */
@ApiTags('follow-ups')
@Controller('mailbox')
export class MailboxController {
  constructor(
    private readonly database: TenantDatabase,
    private readonly mailbox: MailboxRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @RequirePermission('automations:read')
  @Get()
  list(@CurrentTenant() tenantId: string, @Query() query: PageQueryDto): Promise<MailboxPageResponse> {
    return this.database.transaction(tenantId, async (manager) => ({
      isCatching: !this.config.mail.sendGridApiKey,
      ...(await this.mailbox.list(manager, pageSize(query.limit), query.cursor)),
    }));
  }

  @RequirePermission('automations:read')
  @Get(':id')
  async get(
    @CurrentTenant() tenantId: string,
    @Param('id', ParseId()) id: string,
  ): Promise<MailboxEmailDetailResponse> {
    const found = await this.database.transaction(tenantId, (manager) => this.mailbox.find(manager, id));
    if (!found) throw new NotFoundError('Email');
    return found;
  }
}
