import { Injectable } from '@nestjs/common';
import { execute, queryRows } from '../database/query-rows';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';

/** An opinion request or reminder as its buyer received it: the link in the email is how they answer. */
export interface ReceivedRequest {
  messageId: string;
  kind: 'opinion-request' | 'reminder';
  /** The order's number and the reminder's place, so each buyer decides once per email. */
  key: string;
  emailText: string;
  /** The order's largest line, which the weekly report files a comment under. */
  mainProduct: string | null;
  firstName: string;
}

/** What the demo's history reads back as it goes: the emails buyers got, and the cases their answers opened. */
@Injectable()
export class DemoRecords {
  /** The requests and reminders sent at `sentAt`, with the email each buyer got. */
  received(manager: TenantManager, sentAt: Date): Promise<ReceivedRequest[]> {
    return queryRows<ReceivedRequest>(
      manager,
      `SELECT m.id AS "messageId", m.kind,
              coalesce(o.external_id, m.id::text) || ':' || coalesce(m.reminder_number, 0) AS key,
              e.text AS "emailText",
              (SELECT l.product_name FROM order_lines l WHERE l.tenant_id = m.tenant_id AND l.order_id = m.order_id
                ORDER BY l.unit_price * l.quantity DESC LIMIT 1) AS "mainProduct",
              split_part(c.name, ' ', 1) AS "firstName"
         FROM messages m
         JOIN customers c ON c.tenant_id = m.tenant_id AND c.id = m.customer_id
         JOIN mailbox_emails e ON e.tenant_id = m.tenant_id AND e.message_id = m.id
         LEFT JOIN orders o ON o.tenant_id = m.tenant_id AND o.id = m.order_id
        WHERE m.tenant_id = $1 AND m.sent_at = $2 AND m.kind IN ('opinion-request', 'reminder')
        ORDER BY m.id`,
      [tenantIdOf(manager), sentAt],
    );
  }

  /**
   * The case the answer to a message opened, if it opened one, and who it went to. An answer from a
   * reminder's link is kept on its order's opinion request, so the case is found by the message's order.
   */
  async caseOf(
    manager: TenantManager,
    messageId: string,
  ): Promise<{ id: string; assigneeId: string | null } | null> {
    const [found] = await queryRows<{ id: string; assigneeId: string | null }>(
      manager,
      `SELECT k.id, k.assignee_id AS "assigneeId"
         FROM messages m
         JOIN answers a ON a.tenant_id = m.tenant_id AND a.customer_id = m.customer_id
                       AND a.order_id IS NOT DISTINCT FROM m.order_id
         JOIN cases k ON k.tenant_id = a.tenant_id AND k.answer_id = a.id
        WHERE m.tenant_id = $1 AND m.id = $2
        ORDER BY k.created_at DESC LIMIT 1`,
      [tenantIdOf(manager), messageId],
    );
    return found ?? null;
  }

  /** Where the alert of a case goes: its assignee's address, and the business's name and clock. */
  async alertTarget(
    manager: TenantManager,
    assigneeId: string,
  ): Promise<{ email: string; business_name: string; time_zone: string } | null> {
    const [found] = await queryRows<{ email: string; business_name: string; time_zone: string }>(
      manager,
      `SELECT u.email, t.name AS business_name, t.time_zone
         FROM users u, tenants t WHERE u.id = $2 AND t.id = $1`,
      [tenantIdOf(manager), assigneeId],
    );
    return found ?? null;
  }

  /**
   * The business, its team and its buyers existed from the start of the history, not from the moment it was
   * written: a buyer since their first order, the business and its team since the first order of all.
   */
  async backdate(manager: TenantManager, from: Date): Promise<void> {
    await execute(manager, `UPDATE tenants SET created_at = $2 WHERE id = $1`, [tenantIdOf(manager), from]);
    await execute(manager, `UPDATE memberships SET created_at = $2 WHERE tenant_id = $1`, [
      tenantIdOf(manager),
      from,
    ]);
    await execute(
      manager,
      `UPDATE customers c SET created_at = coalesce(
          (SELECT min(o.placed_at) FROM orders o WHERE o.tenant_id = c.tenant_id AND o.customer_id = c.id), $2)
        WHERE c.tenant_id = $1`,
      [tenantIdOf(manager), from],
    );
  }
}
