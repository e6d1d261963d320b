import { Injectable } from '@nestjs/common';
import type { MailboxEmailDetailResponse, MailboxEmailResponse } from '@rapport/domain';
import { decodeCursor, encodeCursor } from '../database/keyset-cursor';
import { queryRows } from '../database/query-rows';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';

interface Row {
  id: string;
  message_id: string | null;
  to_address: string;
  subject: string;
  created_at: Date;
}

const toEmail = (row: Row): MailboxEmailResponse => ({
  id: row.id,
  messageId: row.message_id,
  to: row.to_address,
  subject: row.subject,
  createdAt: new Date(row.created_at).toISOString(),
});

/** The business's caught emails, as its console reads them: newest first. */
@Injectable()
export class MailboxRepository {
  async list(
    manager: TenantManager,
    limit: number,
    cursor: string | undefined,
  ): Promise<{ items: MailboxEmailResponse[]; nextCursor: string | null }> {
    const [at, id] = cursor ? decodeCursor(cursor) : [null, null];
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
      items: page.map(toEmail),
      nextCursor: rows.length > limit && last ? encodeCursor(last.created_at, last.id) : null,
    };
  }

  async find(manager: TenantManager, id: string): Promise<MailboxEmailDetailResponse | null> {
    const [row] = await queryRows<Row & { html: string; text: string }>(
      manager,
      `SELECT id, message_id, to_address, subject, created_at, html, text FROM mailbox_emails
        WHERE tenant_id = $1 AND id = $2`,
      [tenantIdOf(manager), id],
    );
    return row ? { ...toEmail(row), html: row.html, text: row.text } : null;
  }
}
