import { Injectable } from '@nestjs/common';
import {
  type DeliveryHealthResponse,
  type MessageKind,
  type MessageListQuery,
  type MessageResponse,
  type MessageStatus,
  type OrderFollowUpsResponse,
  type OutboxKind,
  plannedSendTime,
  recentDays,
  type SendWindow,
  type UpcomingMessageResponse,
} from '@rapport/domain';
import { decodeCursor, encodeCursor } from '../database/keyset-cursor';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';
import { pageSize } from '../database/page-query.dto';
import { queryRows } from '../database/query-rows';

interface MessageRow {
  id: string;
  kind: MessageKind;
  status: MessageStatus;
  automation: string | null;
  customer_id: string;
  email: string;
  name: string;
  order_number: string | null;
  due_at: Date;
  sent_at: Date | null;
  reason: string | null;
}

/** A message as the console lists it, with its rule, buyer, order and why it did not go. */
const LISTED = `
  SELECT m.id, m.kind, m.status, a.name AS automation, m.customer_id, c.email, c.name, o.external_id AS order_number,
         m.due_at, m.sent_at, coalesce(m.skip_reason, m.last_error) AS reason
    FROM messages m
    JOIN customers c ON c.tenant_id = m.tenant_id AND c.id = m.customer_id
    LEFT JOIN automations a ON a.tenant_id = m.tenant_id AND a.id = m.automation_id
    LEFT JOIN orders o ON o.tenant_id = m.tenant_id AND o.id = m.order_id`;

function toMessageResponse(row: MessageRow): MessageResponse {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    automation: row.automation,
    customer: { id: row.customer_id, email: row.email, name: row.name },
    orderNumber: row.order_number,
    dueAt: new Date(row.due_at).toISOString(),
    sentAt: row.sent_at ? new Date(row.sent_at).toISOString() : null,
    reason: row.reason,
  };
}

/** The outbox as the console reads it: lists, one order's follow-ups, delivery health, what is coming. */
@Injectable()
export class MessagesRepository {
  async list(
    manager: TenantManager,
    query: MessageListQuery,
  ): Promise<{ items: MessageResponse[]; nextCursor: string | null }> {
    const limit = pageSize(query.limit);
    const [after, afterId] = query.cursor ? decodeCursor(query.cursor) : [null, null];
    const rows = await queryRows<MessageRow>(
      manager,
      `${LISTED}
        WHERE m.tenant_id = $1
          AND ($2::text IS NULL OR m.status = $2)
          AND ($3::uuid IS NULL OR m.customer_id = $3)
          AND ($4::timestamptz IS NULL OR (m.due_at, m.id) < ($4::timestamptz, $5::uuid))
          AND ($7::uuid IS NULL OR m.automation_id = $7)
        ORDER BY m.due_at DESC, m.id DESC
        LIMIT $6`,
      [
        tenantIdOf(manager),
        query.status ?? null,
        query.customerId ?? null,
        after,
        afterId,
        limit + 1,
        query.automationId ?? null,
      ],
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toMessageResponse),
      nextCursor: rows.length > limit && last ? encodeCursor(last.due_at, last.id) : null,
    };
  }

  /**
   * Every email planned or sent about one order (follow-ups, reminders, replies from its case), oldest due
   * first, with the business's time zone and the caught copy of each where the mailbox kept one. Null when
   * the order is not this business's.
   */
  async forOrder(manager: TenantManager, orderId: string): Promise<OrderFollowUpsResponse | null> {
    const [order] = await queryRows<{ time_zone: string }>(
      manager,
      `SELECT t.time_zone FROM orders o JOIN tenants t ON t.id = o.tenant_id WHERE o.tenant_id = $1 AND o.id = $2`,
      [tenantIdOf(manager), orderId],
    );
    if (!order) return null;
    const rows = await queryRows<{
      id: string;
      kind: OutboxKind;
      status: MessageStatus;
      automation: string | null;
      subject: string | null;
      due_at: Date;
      sent_at: Date | null;
      reason: string | null;
      mailbox_email_id: string | null;
    }>(
      manager,
      `SELECT m.id, m.kind, m.status, a.name AS automation, m.subject, m.due_at, m.sent_at,
              coalesce(m.skip_reason, m.last_error) AS reason, caught.id AS mailbox_email_id
         FROM messages m
         LEFT JOIN automations a ON a.tenant_id = m.tenant_id AND a.id = m.automation_id
         LEFT JOIN LATERAL (
           SELECT e.id FROM mailbox_emails e
            WHERE e.tenant_id = m.tenant_id AND e.message_id = m.id
            ORDER BY e.created_at DESC LIMIT 1) caught ON true
        WHERE m.tenant_id = $1 AND m.order_id = $2
        ORDER BY m.due_at, m.id
        LIMIT 200`,
      [tenantIdOf(manager), orderId],
    );
    return {
      timeZone: order.time_zone,
      items: rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        status: row.status,
        automation: row.automation,
        subject: row.subject,
        dueAt: new Date(row.due_at).toISOString(),
        sentAt: row.sent_at ? new Date(row.sent_at).toISOString() : null,
        reason: row.reason,
        mailboxEmailId: row.mailbox_email_id,
      })),
    };
  }

  /**
   * Counts by outcome of the emails sent in the last `days` local days, today included (every kind, as
   * the dashboard counts them). Shares are of the emails the provider has reported on: one still awaiting
   * its report is neither delivered nor bounced yet.
   */
  async health(
    manager: TenantManager,
    days: number,
    now: Date,
    carrier: DeliveryHealthResponse['carrier'],
  ): Promise<DeliveryHealthResponse> {
    const [business] = await queryRows<{ time_zone: string }>(
      manager,
      `SELECT time_zone FROM tenants WHERE id = $1`,
      [tenantIdOf(manager)],
    );
    const period = recentDays(now, days, business?.time_zone ?? 'UTC');
    const [row] = await queryRows<Omit<DeliveryHealthResponse, 'days' | 'carrier' | `${string}Rate`>>(
      manager,
      `SELECT count(*) FILTER (WHERE sent_at IS NOT NULL)::int AS sent,
              count(*) FILTER (WHERE status = 'sent')::int AS "awaitingReport",
              count(*) FILTER (WHERE status IN ('delivered', 'opened', 'clicked'))::int AS delivered,
              count(*) FILTER (WHERE status = 'bounced')::int AS bounced,
              count(*) FILTER (WHERE status = 'dropped')::int AS dropped,
              count(*) FILTER (WHERE status = 'complained')::int AS complained,
              count(*) FILTER (WHERE status = 'failed')::int AS failed,
              count(*) FILTER (WHERE status = 'clicked' AND machine_activity_at IS NULL)::int AS clicked,
              count(*) FILTER (WHERE machine_activity_at IS NOT NULL)::int AS scanned
         FROM messages
        WHERE tenant_id = $1 AND (sent_at >= $2 OR (status = 'failed' AND updated_at >= $2))`,
      [tenantIdOf(manager), period.since],
    );
    const counts = row ?? {
      sent: 0,
      awaitingReport: 0,
      delivered: 0,
      bounced: 0,
      dropped: 0,
      complained: 0,
      failed: 0,
      clicked: 0,
      scanned: 0,
    };
    const reported = counts.sent - counts.awaitingReport;
    const share = (count: number) => (reported > 0 ? count / reported : null);
    return {
      days: period.days,
      carrier,
      ...counts,
      deliveredRate: share(counts.delivered),
      bounceRate: share(counts.bounced),
      complaintRate: share(counts.complained),
    };
  }

  /**
   * Messages a rule has planned for the next `days` days, soonest first (at most 200), each at the time the
   * dispatcher will send it: its due time moved into the send window of the buyer's zone (else the
   * business's), as the dispatcher moves it.
   */
  async upcoming(
    manager: TenantManager,
    automationId: string,
    days: number,
  ): Promise<UpcomingMessageResponse[]> {
    const rows = await queryRows<{
      id: string;
      due_at: Date;
      customer_id: string;
      name: string;
      email: string;
      order_number: string | null;
      time_zone: string;
      send_window: SendWindow;
    }>(
      manager,
      `SELECT m.id, greatest(m.due_at, now()) AS due_at, m.customer_id, c.name, c.email,
              o.external_id AS order_number, coalesce(c.time_zone, t.time_zone) AS time_zone, t.send_window
           FROM messages m
           JOIN tenants t ON t.id = m.tenant_id
           JOIN customers c ON c.tenant_id = m.tenant_id AND c.id = m.customer_id
           LEFT JOIN orders o ON o.tenant_id = m.tenant_id AND o.id = m.order_id
          WHERE m.tenant_id = $1 AND m.automation_id = $2 AND m.status = 'scheduled'
            AND m.due_at < now() + make_interval(days => $3)
          ORDER BY m.due_at, m.id LIMIT 200`,
      [tenantIdOf(manager), automationId, days],
    );
    return rows
      .map((row) => ({
        messageId: row.id,
        dueAt: plannedSendTime(
          { id: row.id, dueAt: row.due_at },
          row.send_window,
          row.time_zone,
        ).toISOString(),
        customer: { id: row.customer_id, name: row.name, email: row.email },
        orderNumber: row.order_number,
      }))
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.messageId.localeCompare(b.messageId));
  }

  async find(manager: TenantManager, id: string): Promise<MessageResponse | null> {
    const [row] = await queryRows<MessageRow>(manager, `${LISTED} WHERE m.tenant_id = $1 AND m.id = $2`, [
      tenantIdOf(manager),
      id,
    ]);
    return row ? toMessageResponse(row) : null;
  }
}
