import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { MailboxEmailDetailResponse, MailboxPageResponse } from '@rapport/domain';
import { CurrentTenant, RequirePermission } from '../auth/access.decorators';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { decodeCursor, encodeCursor } from '../database/keyset-cursor';
import { PageQueryDto, pageSize } from '../database/page-query.dto';
import { queryRows } from '../database/query-rows';
import { NotFoundError } from '../errors/app-error';
import { ParseId } from '../errors/parse-id.pipe';
import { TenantDatabase, tenantIdOf } from '../tenancy/tenant-database';

interface Row {
  id: string;
  message_id: string | null;
  to_address: string;
  subject: string;
  created_at: Date;
}

const toEmail = (row: Row) => ({
  id: row.id,
  messageId: row.message_id,
  to: row.to_address,
  subject: row.subject,
  createdAt: new Date(row.created_at).toISOString(),
});

/** The business's own mailbox: its emails to buyers as they received them, while no provider is configured. */
@ApiTags('follow-ups')
@Controller('mailbox')
export class MailboxController {
  constructor(
    private readonly database: TenantDatabase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @RequirePermission('automations:read')
  @Get()
  list(@CurrentTenant() tenantId: string, @Query() query: PageQueryDto): Promise<MailboxPageResponse> {
    const limit = pageSize(query.limit);
    const [at, id] = query.cursor ? decodeCursor(query.cursor) : [null, null];
    return this.database.transaction(tenantId, async (manager) => {
      const rows = await queryRows<Row>(
        manager,
        `SELECT id, message_id, to_address, subject, created_at FROM mailbox_emails
          WHERE tenant_id = $1 AND ($2::timestamptz IS NULL OR (created_at, id) < ($2::timestamptz, $3::uuid))
          ORDER BY created_at DESC, id DESC LIMIT $4`,
        [tenantIdOf(manager), at, id, limit + 1],
      );
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        isCatching: !this.config.mail.sendGridApiKey,
        items: page.map(toEmail),
        nextCursor: rows.length > limit && last ? encodeCursor(last.created_at, last.id) : null,
      };
    });
  }

  @RequirePermission('automations:read')
  @Get(':id')
  async get(
    @CurrentTenant() tenantId: string,
    @Param('id', ParseId()) id: string,
  ): Promise<MailboxEmailDetailResponse> {
    const [row] = await this.database.transaction(tenantId, (manager) =>
      queryRows<Row & { html: string; text: string }>(
        manager,
        `SELECT id, message_id, to_address, subject, created_at, html, text FROM mailbox_emails WHERE tenant_id = $1 AND id = $2`,
        [tenantIdOf(manager), id],
      ),
    );
    if (!row) throw new NotFoundError('Email');
    return { ...toEmail(row), html: row.html, text: row.text };
  }
}
