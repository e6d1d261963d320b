import { Injectable } from '@nestjs/common';
import type { UnmatchedReplyResponse } from '@rapport/domain';
import { queryRows } from '../database/query-rows';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';

/** Buyers' emailed replies as the console reads them. */
@Injectable()
export class RepliesRepository {
  /** Replies to the business's reply address that match none of its messages (the newest 200). */
  async unmatched(manager: TenantManager): Promise<UnmatchedReplyResponse[]> {
    const rows = await queryRows<{
      id: string;
      from_email: string;
      subject: string;
      body: string;
      full_text: string;
      received_at: Date;
    }>(
      manager,
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
  }
}
