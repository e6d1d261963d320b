import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type DevMailboxMessageResponse, hasPermission } from '@rapport/domain';
import { Brackets, type SelectQueryBuilder } from 'typeorm';
import { CurrentViewer, LocalOrSignedIn, type Viewer } from '../auth/access.decorators';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { NotFoundError } from '../errors/app-error';
import { ParseId } from '../errors/parse-id.pipe';
import { TenantDatabase } from '../tenancy/tenant-database';
import { DevMailboxEntity } from './dev-mailbox.entity';

/**
 * The development mail catcher: the emails the dev transport kept, newest first, optionally for one
 * recipient. Open only where DEV_MAILBOX allows (by default only on a loopback PUBLIC_URL outside
 * production); elsewhere 404. This machine sees every email; a signed-in person sees the emails addressed
 * to them and, with a role that reads the business's automations, the emails of their active business.
 */
@ApiTags('dev mailbox')
@Controller('dev/mailbox')
export class DevMailboxController {
  constructor(
    private readonly database: TenantDatabase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @LocalOrSignedIn()
  @Get()
  async list(
    @CurrentViewer() viewer: Viewer,
    @Query('to') to?: string,
  ): Promise<DevMailboxMessageResponse[]> {
    this.assertOpen();
    const rows = await this.database.global((manager) => {
      const query = visibleTo(manager.getRepository(DevMailboxEntity).createQueryBuilder('mail'), viewer);
      if (typeof to === 'string' && to.trim())
        query.andWhere('mail.to = :to', { to: to.trim().toLowerCase() });
      return query.orderBy('mail.createdAt', 'DESC').take(100).getMany();
    });
    return rows.map(toResponse);
  }

  @LocalOrSignedIn()
  @Get(':id')
  async get(
    @CurrentViewer() viewer: Viewer,
    @Param('id', ParseId()) id: string,
  ): Promise<DevMailboxMessageResponse> {
    this.assertOpen();
    const row = await this.database.global((manager) =>
      visibleTo(manager.getRepository(DevMailboxEntity).createQueryBuilder('mail'), viewer)
        .andWhere('mail.id = :id', { id })
        .getOne(),
    );
    if (!row) throw new NotFoundError('Email');
    return toResponse(row);
  }

  private assertOpen(): void {
    if (!this.config.mail.isDevMailboxOpen) throw new NotFoundError('Route');
  }
}

/** Narrows the mailbox to what `viewer` may read; an email no rule admits is not found. */
function visibleTo(
  query: SelectQueryBuilder<DevMailboxEntity>,
  viewer: Viewer,
): SelectQueryBuilder<DevMailboxEntity> {
  if (viewer.kind === 'local') return query;
  const mayReadBusiness =
    viewer.tenantId !== null && viewer.role !== null && hasPermission(viewer.role, 'automations:read');
  return query.where(
    new Brackets((either) => {
      either.where('mail.to = :self', { self: viewer.email.trim().toLowerCase() });
      if (mayReadBusiness) either.orWhere('mail.senderTenantId = :tenantId', { tenantId: viewer.tenantId });
    }),
  );
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
