import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { UnmatchedReplyResponse } from '@rapport/domain';
import { CurrentTenant, RequirePermission } from '../auth/access.decorators';
import { TenantDatabase, tenantIdOf } from '../tenancy/tenant-database';

@ApiTags('answers')
@Controller('replies')
export class RepliesController {
  constructor(private readonly database: TenantDatabase) {}

  /** Replies sent to this business's reply address that match none of its messages (the newest 200). */
  @RequirePermission('responses:read')
  @Get('unmatched')
  unmatched(@CurrentTenant() tenantId: string): Promise<UnmatchedReplyResponse[]> {
    return this.database.transaction(tenantId, async (manager) => {
      const rows: {
        id: string;
        from_email: string;
        subject: string;
        body: string;
        full_text: string;
        received_at: Date;
      }[] = await manager.query(
        `SELECT id, from_email, subject, body, full_text, received_at FROM replies
            WHERE tenant_id = $1 AND message_id IS NULL ORDER BY received_at DESC LIMIT 200`,
        [tenantIdOf(manager)],
      );
      return rows.map((row) => ({
        id: row.id,
        from: row.from_email,
        subject: row.subject,
        body: row.body || row.full_text.slice(0, 2000),
        receivedAt: new Date(row.received_at).toISOString(),
      }));
    });
  }
}
