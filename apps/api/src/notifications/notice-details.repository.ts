import { Injectable } from '@nestjs/common';
import { queryRow } from '../database/query-rows';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';

/**
 * What a member's email says beyond the event's ids: the buyer's name and words, read when the email is
 * written (events carry no personal data, and a name may have changed since).
 */
@Injectable()
export class NoticeDetailsRepository {
  /** Who works the case now; null for none or no such case. */
  async caseAssignee(manager: TenantManager, caseId: string): Promise<string | null> {
    const row = await queryRow<{ assignee_id: string | null }>(
      manager,
      `SELECT assignee_id FROM cases WHERE tenant_id = $1 AND id = $2`,
      [tenantIdOf(manager), caseId],
    );
    return row?.assignee_id ?? null;
  }

  /** The reply that arrived with the event, and its sender's name. */
  reply(
    manager: TenantManager,
    messageId: string,
    receivedAt: Date,
  ): Promise<{ body: string; buyer_name: string } | null> {
    return queryRow<{ body: string; buyer_name: string }>(
      manager,
      `SELECT r.body, coalesce(c.name, '') AS buyer_name
         FROM replies r
         LEFT JOIN messages m ON m.tenant_id = r.tenant_id AND m.id = r.message_id
         LEFT JOIN customers c ON c.tenant_id = m.tenant_id AND c.id = m.customer_id
        WHERE r.tenant_id = $1 AND r.message_id = $2 AND r.received_at = $3
        LIMIT 1`,
      [tenantIdOf(manager), messageId, receivedAt],
    );
  }

  /** A reply that matched no email of the business, by its id: what it said and who sent it. */
  replyById(manager: TenantManager, replyId: string): Promise<{ body: string; from_email: string } | null> {
    return queryRow<{ body: string; from_email: string }>(
      manager,
      `SELECT body, from_email FROM replies WHERE tenant_id = $1 AND id = $2`,
      [tenantIdOf(manager), replyId],
    );
  }

  enquiry(
    manager: TenantManager,
    interactionId: string,
  ): Promise<{ subject: string; message: string; due_at: Date | null; name: string; email: string } | null> {
    return queryRow<{ subject: string; message: string; due_at: Date | null; name: string; email: string }>(
      manager,
      `SELECT i.subject, i.message, i.due_at, c.name, c.email
         FROM interactions i JOIN customers c ON c.tenant_id = i.tenant_id AND c.id = i.customer_id
        WHERE i.tenant_id = $1 AND i.id = $2`,
      [tenantIdOf(manager), interactionId],
    );
  }
}
