import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { DevMailboxMessageResponse } from '@rapport/domain';
import { Public } from '../auth/access.decorators';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { NotFoundError } from '../errors/app-error';
import { ParseId } from '../errors/parse-id.pipe';
import { TenantDatabase } from '../tenancy/tenant-database';
import { DevMailboxEntity } from './dev-mailbox.entity';

/**
 * The development mail catcher: every email the dev transport kept, newest first, optionally for one
 * recipient. Open only where DEV_MAILBOX allows (by default everywhere but production); elsewhere 404.
 */
@ApiTags('dev mailbox')
@Controller('dev/mailbox')
export class DevMailboxController {
  constructor(
    private readonly database: TenantDatabase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  async list(@Query('to') to?: string): Promise<DevMailboxMessageResponse[]> {
    this.assertOpen();
    const rows = await this.database.global((manager) =>
      manager.getRepository(DevMailboxEntity).find({
        where: to ? { to: to.trim().toLowerCase() } : {},
        order: { createdAt: 'DESC' },
        take: 100,
      }),
    );
    return rows.map(toResponse);
  }

  @Public()
  @Get(':id')
  async get(@Param('id', ParseId()) id: string): Promise<DevMailboxMessageResponse> {
    this.assertOpen();
    const row = await this.database.global((manager) =>
      manager.getRepository(DevMailboxEntity).findOneBy({ id }),
    );
    if (!row) throw new NotFoundError('Email');
    return toResponse(row);
  }

  private assertOpen(): void {
    if (!this.config.mail.isDevMailboxOpen) throw new NotFoundError('Route');
  }
}

function toResponse(row: DevMailboxEntity): DevMailboxMessageResponse {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    from: row.from,
    to: row.to,
    replyTo: row.replyTo,
    subject: row.subject,
    html: row.html,
    text: row.text,
    category: row.category,
  };
}
