import type {
  MessageStatus,
  InteractionResponse,
  InteractionSource,
  InteractionStatus,
  InteractionType,
} from '@rapport/domain';

/** An interactions row as SQL returns it, with its person. */
export interface InteractionRow {
  id: string;
  type: InteractionType;
  source: InteractionSource;
  external_id: string;
  status: InteractionStatus;
  customer_id: string;
  customer_email: string;
  customer_name: string;
  subject: string;
  message: string;
  amount: string | null;
  currency: string | null;
  valid_until: Date | null;
  starts_at: Date | null;
  occurred_at: Date;
  due_at: Date | null;
  answered_at: Date | null;
}

/** Staff's answer to an enquiry (an `enquiry-reply` in the outbox). */
export interface EnquiryAnswerRow {
  interaction_id: string;
  created_at: Date;
  body_text: string;
  status: MessageStatus;
}

export const INTERACTION_SELECT = `SELECT i.id, i.type, i.source, i.external_id, i.status, i.customer_id,
    c.email AS customer_email, c.name AS customer_name, i.subject, i.message, i.amount::text AS amount, i.currency,
    i.valid_until, i.starts_at, i.occurred_at, i.due_at, i.answered_at
  FROM interactions i JOIN customers c ON c.tenant_id = i.tenant_id AND c.id = i.customer_id`;

const iso = (value: Date | null): string | null => (value ? new Date(value).toISOString() : null);

export function toInteractionResponse(
  row: InteractionRow,
  answers: EnquiryAnswerRow[],
  now = new Date(),
): InteractionResponse {
  return {
    id: row.id,
    type: row.type,
    source: row.source,
    externalId: row.external_id,
    status: row.status,
    contact: { id: row.customer_id, email: row.customer_email, name: row.customer_name },
    subject: row.subject,
    message: row.message,
    amount: row.amount,
    currency: row.currency,
    validUntil: iso(row.valid_until),
    startsAt: iso(row.starts_at),
    occurredAt: new Date(row.occurred_at).toISOString(),
    dueAt: row.status === 'open' ? iso(row.due_at) : null,
    isOverdue: row.status === 'open' && row.due_at !== null && new Date(row.due_at).getTime() < now.getTime(),
    answeredAt: iso(row.answered_at),
    answers: answers
      .filter((answer) => answer.interaction_id === row.id)
      .map((answer) => ({
        at: new Date(answer.created_at).toISOString(),
        text: answer.body_text,
        status: answer.status,
      })),
  };
}
