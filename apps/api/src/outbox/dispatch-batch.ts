import type {
  AutomationTrigger,
  BuyerLocale,
  InteractionStatus,
  InteractionType,
  MessageKind,
  OutboxKind,
  SendWindow,
  SubscriptionState,
} from '@rapport/domain';
import { preparedExecute, preparedQuery } from '../database/prepared-query';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';
import { BUSINESS_COLUMNS, type BusinessRow } from '../templates/template-context';

// What the dispatcher reads and writes for one business's batch of due messages, inside that business's
// transaction.

const SENT_STATUSES = ['sent', 'delivered', 'opened', 'clicked'];

/** A message that ends without being sent (or waits), written with the batch's other outcomes. */
export interface Outcome {
  id: string;
  status: 'skipped' | 'cancelled' | 'failed' | 'scheduled';
  reason: string;
  reasonColumn: 'skip_reason' | 'last_error';
  dueAt: Date | null;
  /** A message put back to wait gives back the attempt its claim counted. */
  givesBackAttempt: boolean;
}

/** One follow-up a buyer was sent, for the journey cap. */
export interface SentRecord {
  kind: MessageKind;
  sentAt: Date;
}

/** A claimed message with everything deciding and sending it needs. */
export interface DueMessage extends BusinessRow {
  id: string;
  kind: OutboxKind;
  attempts: number;
  customer_id: string;
  email: string;
  customer_name: string;
  time_zone: string | null;
  buyer_locale: BuyerLocale | null;
  subscription_state: SubscriptionState;
  order_number: string | null;
  order_status: string | null;
  order_total: string | null;
  currency: string | null;
  business_time_zone: string;
  sender_name: string | null;
  sender_email: string | null;
  send_window: SendWindow;
  paused_at: Date | null;
  /** Someone asked for it to go at once: it is not held for the send window or the journey gap. */
  send_requested_at: Date | null;
  /** Product names of the order's lines, for the template. */
  products: string[];
  /** The survey version a reminder repeats (set when the message was planned). */
  carried_version_id: string | null;
  /** The survey of the rule that planned the message: an opinion request carries its current version. */
  rule_survey_id: string | null;
  reminder_of: string | null;
  /** A reminder's request was answered already. */
  is_answered: boolean;
  /** The business's journey cap: least days between two emails, and between two opinion requests. */
  follow_up_gap_days: number;
  opinion_request_gap_days: number;
  /** A reply from a case or to an enquiry: staff's text and the subject it answers. */
  body_text: string | null;
  subject: string | null;
  /** The enquiry, quote or appointment the message follows up, as it stands now. */
  interaction_type: InteractionType | null;
  interaction_status: InteractionStatus | null;
  interaction_subject: string | null;
  interaction_amount: string | null;
  interaction_currency: string | null;
  /** When an appointment is, or until when a quote holds. */
  interaction_date: Date | null;
  interaction_at: Date | null;
  rule_trigger: AutomationTrigger | null;
  stops_when_customer: boolean | null;
  became_customer_at: Date | null;
  /** The buyer's own referral code, for a request to recommend the business. */
  referral_code: string | null;
  /** A person planned it for later: the send window holds it, the gap between emails does not. */
  passes_gap: boolean;
}

/**
 * Holds the batch's buyers until the batch ends, in id order (two batches never wait on each other in a
 * circle). What is read after this sees whatever another dispatcher did for these buyers before: a message
 * it sent, even one whose lease ran out and was claimed again here, is no longer `sending`.
 */
export async function holdBuyers(manager: TenantManager, customerIds: string[]): Promise<void> {
  await preparedExecute(
    manager,
    'dispatch-hold-buyers',
    `SELECT 1 FROM customers WHERE tenant_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR NO KEY UPDATE`,
    [tenantIdOf(manager), customerIds],
  );
}

/** The claimed messages still to send, with what sending them needs. */
export function dueMessages(manager: TenantManager, ids: string[]): Promise<DueMessage[]> {
  return preparedQuery<DueMessage>(
    manager,
    'dispatch-messages',
    `SELECT m.id, m.kind, m.attempts, m.customer_id, c.email, c.name AS customer_name, c.time_zone,
            c.locale AS buyer_locale, c.subscription_state,
            o.external_id AS order_number, o.status AS order_status, o.total AS order_total, o.currency,
            ${BUSINESS_COLUMNS}, t.time_zone AS business_time_zone, t.sender_name, t.sender_email,
            t.send_window, t.paused_at, t.follow_up_gap_days, t.opinion_request_gap_days, m.reminder_of, m.body_text, m.subject,
            m.send_requested_at, m.passes_gap,
            coalesce((SELECT array_agg(l.product_name ORDER BY l.product_name) FROM order_lines l
                       WHERE l.tenant_id = m.tenant_id AND l.order_id = m.order_id), '{}') AS products,
            m.survey_version_id AS carried_version_id, a.survey_id AS rule_survey_id,
            i.type AS interaction_type, i.status AS interaction_status, i.subject AS interaction_subject,
            i.amount::text AS interaction_amount, i.currency AS interaction_currency,
            coalesce(i.starts_at, i.valid_until) AS interaction_date, i.occurred_at AS interaction_at,
            a.trigger AS rule_trigger, a.stops_when_customer, c.became_customer_at, rc.code AS referral_code,
            EXISTS (SELECT 1 FROM answers an WHERE an.tenant_id = m.tenant_id AND an.message_id = m.reminder_of) AS is_answered
       FROM messages m
       JOIN customers c ON c.tenant_id = m.tenant_id AND c.id = m.customer_id
       JOIN tenants t ON t.id = m.tenant_id
       LEFT JOIN orders o ON o.tenant_id = m.tenant_id AND o.id = m.order_id
       LEFT JOIN automations a ON a.tenant_id = m.tenant_id AND a.id = m.automation_id
       LEFT JOIN interactions i ON i.tenant_id = m.tenant_id AND i.id = m.interaction_id
       LEFT JOIN referral_codes rc ON rc.tenant_id = m.tenant_id AND rc.customer_id = m.customer_id
      WHERE m.tenant_id = $1 AND m.id = ANY($2::uuid[]) AND m.status = 'sending'`,
    [tenantIdOf(manager), ids],
  );
}

/**
 * What each buyer was sent, for the journey cap. Read after their rows are held, so it includes what
 * another replica sent them just before.
 */
export async function sentHistory(
  manager: TenantManager,
  customerIds: string[],
): Promise<Map<string, SentRecord[]>> {
  const rows = await preparedQuery<{ customer_id: string; kind: MessageKind; sent_at: Date }>(
    manager,
    'dispatch-history',
    `SELECT customer_id, kind, sent_at FROM messages
      WHERE tenant_id = $1 AND customer_id = ANY($2::uuid[]) AND status = ANY($3) AND sent_at IS NOT NULL
        AND kind NOT IN ('case-reply', 'enquiry-reply')`,
    [tenantIdOf(manager), customerIds, SENT_STATUSES],
  );
  const history = new Map<string, SentRecord[]>();
  for (const row of rows) {
    const records = history.get(row.customer_id) ?? [];
    records.push({ kind: row.kind, sentAt: new Date(row.sent_at) });
    history.set(row.customer_id, records);
  }
  return history;
}

/** Writes how the batch's unsent messages end, in one statement; never over a message sent meanwhile. */
export async function writeOutcomes(manager: TenantManager, outcomes: Outcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  await preparedExecute(
    manager,
    'dispatch-outcomes',
    `UPDATE messages m
        SET status = o.status, due_at = coalesce(o.due_at, m.due_at),
            skip_reason = CASE WHEN o.reason_column = 'skip_reason' THEN o.reason ELSE m.skip_reason END,
            last_error = CASE WHEN o.reason_column = 'last_error' THEN o.reason ELSE m.last_error END,
            attempts = CASE WHEN o.gives_back THEN greatest(m.attempts - 1, 0) ELSE m.attempts END,
            lease_until = NULL, updated_at = now()
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::boolean[])
            AS o(id, status, reason, reason_column, due_at, gives_back)
      WHERE m.tenant_id = $1 AND m.id = o.id AND m.status = 'sending'`,
    [
      tenantIdOf(manager),
      outcomes.map((o) => o.id),
      outcomes.map((o) => o.status),
      outcomes.map((o) => o.reason),
      outcomes.map((o) => o.reasonColumn),
      outcomes.map((o) => o.dueAt),
      outcomes.map((o) => o.givesBackAttempt),
    ],
  );
}

/** Ends a message without sending it, with the reason people read in the console. */
export function close(
  id: string,
  status: Outcome['status'],
  reason: string,
  reasonColumn: Outcome['reasonColumn'] = 'skip_reason',
): Outcome {
  return { id, status, reason, reasonColumn, dueAt: null, givesBackAttempt: false };
}

/** Back to waiting until `at`, without counting an attempt. */
/** The reason a message waits for its business's send window; a change of window re-times these. */
export const WAITING_FOR_WINDOW = 'waiting for the send window';

export function reschedule(id: string, at: Date, reason: string): Outcome {
  return { id, status: 'scheduled', reason, reasonColumn: 'skip_reason', dueAt: at, givesBackAttempt: true };
}
