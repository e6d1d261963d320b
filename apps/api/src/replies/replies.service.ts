import { EventLog } from '../events/event-log';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { htmlVisibleText, type ReplyOutcome, stripQuotedReply, withoutBuyerLinks } from '@rapport/domain';
import { DataSource } from 'typeorm';
import { execute, queryRows } from '../database/query-rows';
import { TenantDatabase, type TenantManager, tenantIdOf } from '../tenancy/tenant-database';
import type { InboundEmail } from './inbound-form';
import { parseReplyAddress } from './reply-address';
import { CasesRepository } from '../cases/cases.repository';

/** A case shows this much of a reply (the column's limit); the reply itself is kept whole. */
const CASE_ENTRY_LIMIT = 20_000;

/** The addresses an inbound email was sent to: the SMTP envelope first, then the To header. */
function recipients(email: InboundEmail): string[] {
  const addresses: string[] = [];
  try {
    const envelope = JSON.parse(email.envelope || '{}') as { to?: unknown };
    if (Array.isArray(envelope.to)) addresses.push(...envelope.to.filter((item) => typeof item === 'string'));
  } catch {
    // A malformed envelope leaves the To header to go by.
  }
  addresses.push(...email.to.split(','));
  return addresses;
}

function senderAddress(from: string): string {
  return (/<([^>]+)>/.exec(from)?.[1] ?? from).trim().slice(0, 254);
}

/**
 * Stores a buyer's reply where it belongs: on the case it answers (a reply to staff's email), else as a
 * comment on that buyer's answer to the message (created when there is none). A reply naming a business but
 * no message of it is kept in that business's unmatched list; one naming no business, outside any business.
 * Nothing is dropped; the member who should read it gets an email.
 */
/** A case's entry for a reply that only quoted the email: its quoted history is not the buyer's words. */
const NOTHING_NEW = '(A reply with no text of its own: only the quoted email.)';

@Injectable()
export class RepliesService {
  private readonly logger = new Logger(RepliesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly database: TenantDatabase,
    private readonly cases: CasesRepository,
    private readonly events: EventLog,
  ) {}

  async store(email: InboundEmail, now: Date): Promise<ReplyOutcome> {
    const fullText = withoutBuyerLinks(
      `${email.text || email.html}${email.isTruncated ? '\n\n[Rapport kept the first megabyte of this reply.]' : ''}`,
    );
    const body = withoutBuyerLinks(stripQuotedReply(email.text || htmlVisibleText(email.html)));
    const target = recipients(email)
      .map(parseReplyAddress)
      .find((parsed) => parsed !== null);
    let outcome: ReplyOutcome = 'unrouted';
    if (target) {
      outcome = await this.database.transaction(target.tenantId, async (manager) => {
        const [business] = await queryRows<{ name: string }>(
          manager,
          `SELECT name FROM tenants WHERE id = $1`,
          [target.tenantId],
        );
        if (!business) return 'unrouted' as const;
        // Its members hear of it from the event it records, each as they chose.
        return this.storeInBusiness(manager, target.messageId, email, body, fullText, now);
      });
    }
    if (outcome === 'unrouted') {
      await execute(
        this.dataSource.manager,
        `INSERT INTO unrouted_replies (to_address, from_email, subject, full_text, received_at) VALUES ($1, $2, $3, $4, $5)`,
        [email.to.slice(0, 1000), senderAddress(email.from), email.subject.slice(0, 1000), fullText, now],
      );
      this.logger.warn({ to: email.to }, 'A reply named no business; kept in unrouted_replies');
    }
    return outcome;
  }

  private async storeInBusiness(
    manager: TenantManager,
    messageId: string,
    email: InboundEmail,
    body: string,
    fullText: string,
    now: Date,
  ): Promise<ReplyOutcome> {
    const tenantId = tenantIdOf(manager);
    const [message] = await queryRows<{
      id: string;
      answered_id: string;
      customer_id: string;
      order_id: string | null;
      case_id: string | null;
      survey_version_id: string | null;
      buyer_name: string;
    }>(
      manager,
      `SELECT m.id, coalesce(m.reminder_of, m.id) AS answered_id, m.customer_id, m.order_id, m.case_id,
              m.survey_version_id, c.name AS buyer_name
         FROM messages m JOIN customers c ON c.tenant_id = m.tenant_id AND c.id = m.customer_id
        WHERE m.tenant_id = $1 AND m.id = $2`,
      [tenantId, messageId],
    );
    const from = senderAddress(email.from);
    const subject = email.subject.slice(0, 1000);
    if (!message) {
      const [reply] = await queryRows<{ id: string }>(
        manager,
        `INSERT INTO replies (tenant_id, from_email, subject, body, full_text, received_at) VALUES ($1, $2, $3, $4, $5, $6)
         RETURNING id`,
        [tenantId, from, subject, body, fullText, now],
      );
      // A reply that matched no email: the team hears of it as of any reply, each as they chose.
      await this.events.record(
        manager,
        'reply.received',
        { replyId: reply?.id ?? null, messageId: null, customerId: null, answerId: null, caseId: null },
        now,
      );
      return 'unmatched';
    }
    let caseId = message.case_id;
    let answerId: string | null = null;
    if (!caseId) {
      // A reply to a follow-up is the buyer's word on it: a comment on their answer, made if needed.
      const [answer] = await queryRows<{ id: string; case_id: string | null }>(
        manager,
        `INSERT INTO answers (tenant_id, message_id, customer_id, order_id, survey_version_id, channel, answered_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, 'reply', $6, $6)
         ON CONFLICT (tenant_id, message_id) DO UPDATE SET updated_at = excluded.updated_at
         RETURNING id, (SELECT k.id FROM cases k WHERE k.tenant_id = $1 AND k.answer_id = answers.id) AS case_id`,
        [
          tenantId,
          message.answered_id,
          message.customer_id,
          message.order_id,
          message.survey_version_id,
          now,
        ],
      );
      answerId = answer?.id ?? null;
      caseId = answer?.case_id ?? null;
    }
    await execute(
      manager,
      `INSERT INTO replies (tenant_id, message_id, answer_id, case_id, from_email, subject, body, full_text, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [tenantId, message.id, answerId, caseId, from, subject, body, fullText, now],
    );
    if (answerId) {
      await execute(
        manager,
        `UPDATE answers SET reply_comment = (
                  SELECT string_agg(r.body, E'\\n\\n' ORDER BY r.received_at) FROM replies r
                   WHERE r.tenant_id = answers.tenant_id AND r.answer_id = answers.id AND r.body <> '')
          WHERE tenant_id = $1 AND id = $2`,
        [tenantId, answerId],
      );
    }
    if (caseId) {
      await this.cases.addEntry(
        manager,
        caseId,
        {
          kind: 'buyer-reply',
          authorId: null,
          body: (body || NOTHING_NEW).slice(0, CASE_ENTRY_LIMIT),
          messageId: message.id,
        },
        now,
      );
      await this.cases.reopenForBuyer(manager, caseId);
    }
    await this.events.record(
      manager,
      'reply.received',
      { messageId: message.id, customerId: message.customer_id, answerId, caseId },
      now,
    );
    return caseId ? 'case' : 'answer';
  }
}
