import { Injectable } from '@nestjs/common';
import type { TimelineEntry } from '@rapport/domain';
import { ANSWER_COMMENT } from '../answers/answer-comment';
import { queryRows } from '../database/query-rows';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';

/** One person's history, read from every feature's rows: what their page and their data export show. */
@Injectable()
export class CustomerTimelineRepository {
  /** Orders, their status changes, emails, answers, cases and subscription changes, newest first. */
  async timeline(manager: TenantManager, customerId: string): Promise<TimelineEntry[]> {
    const rows = await queryRows<{
      kind: string;
      at: Date;
      order_id: string | null;
      external_id: string | null;
      status: string | null;
      total: string | null;
      currency: string | null;
      reason: string | null;
    }>(
      manager,
      `SELECT 'order' AS kind, o.placed_at AS at, o.id AS order_id, o.external_id, o.status, o.total::text AS total,
                o.currency, NULL AS reason, 0 AS step
           FROM orders o WHERE o.tenant_id = $1 AND o.customer_id = $2
         UNION ALL
         SELECT 'order-event', e.occurred_at, o.id, o.external_id, e.type, NULL, NULL, NULL,
                CASE e.type WHEN 'fulfilled' THEN 1 WHEN 'delivered' THEN 2 ELSE 3 END
           FROM order_events e JOIN orders o ON o.tenant_id = e.tenant_id AND o.id = e.order_id
          WHERE e.tenant_id = $1 AND o.customer_id = $2 AND e.type <> 'placed'
         UNION ALL
         SELECT 'subscription', c.subscription_changed_at, NULL, NULL, c.subscription_state, NULL, NULL, c.subscription_reason, 0
           FROM customers c WHERE c.tenant_id = $1 AND c.id = $2 AND c.subscription_changed_at IS NOT NULL
         UNION ALL
         SELECT 'email', coalesce(m.sent_at, m.due_at), m.order_id, m.kind, m.status, m.subject, NULL,
                coalesce(m.skip_reason, m.last_error), 0
           FROM messages m WHERE m.tenant_id = $1 AND m.customer_id = $2
         UNION ALL
         SELECT 'answer', a.answered_at, a.id, a.score_type, a.band, a.score::text, NULL,
                ${ANSWER_COMMENT}, 0
           FROM answers a WHERE a.tenant_id = $1 AND a.customer_id = $2
         UNION ALL
         SELECT 'case', k.created_at, k.id, NULL, k.status, NULL, NULL, array_to_string(k.reasons, ', '), 0
           FROM cases k WHERE k.tenant_id = $1 AND k.customer_id = $2
         UNION ALL
         SELECT 'interaction', i.occurred_at, i.id, i.type, i.status, i.subject, NULL, NULL, 0
           FROM interactions i WHERE i.tenant_id = $1 AND i.customer_id = $2
         UNION ALL
         -- The first step of each (received, sent, booked) is the interaction's own entry.
         SELECT 'interaction-event', e.occurred_at, i.id, NULL, e.type, NULL, NULL, NULL, 1
           FROM interaction_events e JOIN interactions i ON i.tenant_id = e.tenant_id AND i.id = e.interaction_id
          WHERE e.tenant_id = $1 AND i.customer_id = $2
            AND e.type NOT IN ('enquiry_received', 'quote_sent', 'appointment_booked')
         UNION ALL
         -- Whom this person recommended (role in reason), and who recommended them.
         SELECT 'referral', f.referred_at, f.id, f.name, coalesce(f.became_customer_at >= f.referred_at, false)::text, NULL, NULL, 'referrer', 0
           FROM customers f WHERE f.tenant_id = $1 AND f.referred_by = $2 AND f.erased_at IS NULL
         UNION ALL
         SELECT 'referral', c.referred_at, r.id, r.name, coalesce(c.became_customer_at >= c.referred_at, false)::text, NULL, NULL, 'referred', 0
           FROM customers c JOIN customers r ON r.tenant_id = c.tenant_id AND r.id = c.referred_by
          WHERE c.tenant_id = $1 AND c.id = $2
         -- Steps of one order at the same moment (delivered implies fulfilled) show latest step first.
         ORDER BY at DESC, step DESC
         LIMIT 500`,
      [tenantIdOf(manager), customerId],
    );
    return rows.map((row): TimelineEntry => {
      const at = new Date(row.at).toISOString();
      if (row.kind === 'order') {
        return {
          kind: 'order',
          at,
          orderId: row.order_id ?? '',
          externalId: row.external_id ?? '',
          status: row.status as never,
          total: row.total ?? '0',
          currency: row.currency ?? '',
        };
      }
      if (row.kind === 'order-event') {
        return {
          kind: 'order-event',
          at,
          orderId: row.order_id ?? '',
          externalId: row.external_id ?? '',
          event: row.status as never,
        };
      }
      if (row.kind === 'email') {
        // The email row reuses the union's columns: external_id holds the message kind, total its subject.
        return {
          kind: 'email',
          at,
          messageKind: row.external_id as never,
          status: row.status as never,
          subject: row.total,
          reason: row.reason,
        };
      }
      if (row.kind === 'answer') {
        // An answer: order_id holds its id, external_id the score's scale, status its band, total the score.
        return {
          kind: 'answer',
          at,
          answerId: row.order_id ?? '',
          score: row.total === null ? null : Number(row.total),
          scoreType: row.external_id as never,
          band: row.status as never,
          comment: row.reason,
        };
      }
      if (row.kind === 'case') {
        return {
          kind: 'case',
          at,
          caseId: row.order_id ?? '',
          status: row.status as never,
          reasons: row.reason ?? '',
        };
      }
      if (row.kind === 'interaction') {
        // An interaction: order_id holds its id, external_id its type, total its subject.
        return {
          kind: 'interaction',
          at,
          interactionId: row.order_id ?? '',
          type: row.external_id as never,
          status: row.status as never,
          subject: row.total ?? '',
        };
      }
      if (row.kind === 'referral') {
        // A recommendation: order_id holds the other person's id, external_id their name, status whether
        // the one recommended bought, reason which side this person is on.
        return {
          kind: 'referral',
          at,
          role: row.reason === 'referrer' ? 'referrer' : 'referred',
          otherCustomerId: row.order_id ?? '',
          otherName: row.external_id ?? '',
          converted: row.status === 'true',
        };
      }
      if (row.kind === 'interaction-event')
        return {
          kind: 'interaction-event',
          at,
          interactionId: row.order_id ?? '',
          event: row.status as never,
        };
      return { kind: 'subscription', at, state: row.status as never, reason: row.reason };
    });
  }
}
