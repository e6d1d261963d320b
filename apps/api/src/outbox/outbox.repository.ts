import { Injectable } from '@nestjs/common';
import type { OutboxKind, SubscriptionState } from '@rapport/domain';
import { execute, queryRows } from '../database/query-rows';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';
import { WAITING_FOR_WINDOW } from './dispatch-batch';

/** Which waiting follow-ups a cancellation reaches. */
export type CancelScope =
  /** Everything still waiting for one buyer (unsubscribed, bounced, complained). */
  | { customerId: string }
  /** Everything still waiting about one order (cancelled or refunded). */
  | { orderId: string }
  /** Everything still waiting about an enquiry, a quote or an appointment (it moved on: accepted, cancelled). */
  | { interactionId: string }
  /** Everything a rule planned (the rule was deleted). */
  | { automationId: string }
  /**
   * What an answer makes pointless: the reminders of the request answered, and any other opinion request
   * about the same order.
   */
  | { answered: { messageId: string; customerId: string; orderId: string | null } };

/** A follow-up a rule plans for an order event. */
export interface RulePlan {
  automationId: string;
  customerId: string;
  orderId: string;
  kind: OutboxKind;
  dueAt: Date;
  /** A repeat of the plan (the order delivered after it was placed) moves a waiting message to `dueAt`. */
  isRetimed: boolean;
}

/**
 * Every change to the `messages` outbox except the dispatcher's batch (claim, outcome, mark sent: see
 * dispatch-batch.ts and the SQL functions): what plans a follow-up, what cancels one, what a person or a
 * provider changes about one. Other features call these methods; none writes the table itself.
 */
@Injectable()
export class OutboxRepository {
  /** Cancels the waiting follow-ups in `scope`; the reason is shown in the console. Returns how many. */
  async cancelScheduled(manager: TenantManager, scope: CancelScope, reason: string): Promise<number> {
    const [where, values] =
      'customerId' in scope
        ? ['customer_id = $3', [scope.customerId]]
        : 'orderId' in scope
          ? ['order_id = $3', [scope.orderId]]
          : 'interactionId' in scope
            ? ["interaction_id = $3 AND kind <> 'enquiry-reply'", [scope.interactionId]]
            : 'automationId' in scope
              ? ['automation_id = $3', [scope.automationId]]
              : [
                  `(reminder_of = $3 OR (kind = 'opinion-request' AND customer_id = $4 AND order_id IS NOT DISTINCT FROM $5))`,
                  [scope.answered.messageId, scope.answered.customerId, scope.answered.orderId],
                ];
    const cancelled = await queryRows<{ id: string }>(
      manager,
      `UPDATE messages SET status = 'cancelled', skip_reason = $2, updated_at = now()
        WHERE tenant_id = $1 AND status = 'scheduled' AND ${where} RETURNING id`,
      [tenantIdOf(manager), `cancelled: ${reason}`, ...values],
    );
    return cancelled.length;
  }

  /** Plans a rule's follow-up of an order; planned twice, it stays one message. */
  async planForRule(manager: TenantManager, plan: RulePlan): Promise<void> {
    await execute(
      manager,
      `INSERT INTO messages (tenant_id, automation_id, customer_id, order_id, kind, status, due_at)
       VALUES ($1, $2, $3, $4, $5, 'scheduled', $6)
       ON CONFLICT (tenant_id, automation_id, order_id) DO UPDATE SET due_at = EXCLUDED.due_at, updated_at = now()
        WHERE messages.status = 'scheduled' AND $7`,
      [
        tenantIdOf(manager),
        plan.automationId,
        plan.customerId,
        plan.orderId,
        plan.kind,
        plan.dueAt,
        plan.isRetimed,
      ],
    );
  }

  /**
   * A note to each subscribed buyer of `customerIds`, due now: the dispatcher sends it at its next tick,
   * within the send window. Returns the subscription of every buyer named that exists (erased ones do not).
   */
  async planManualNotes(
    manager: TenantManager,
    customerIds: string[],
  ): Promise<{ id: string; subscriptionState: SubscriptionState }[]> {
    const buyers = await queryRows<{ id: string; subscriptionState: SubscriptionState }>(
      manager,
      `SELECT id, subscription_state AS "subscriptionState" FROM customers
        WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND erased_at IS NULL`,
      [tenantIdOf(manager), customerIds],
    );
    await execute(
      manager,
      `INSERT INTO messages (tenant_id, customer_id, kind, status, due_at)
       SELECT $1, id, 'manual', 'scheduled', now() FROM unnest($2::uuid[]) AS id`,
      [
        tenantIdOf(manager),
        buyers.filter((buyer) => buyer.subscriptionState === 'subscribed').map((buyer) => buyer.id),
      ],
    );
    return buyers;
  }

  /** Staff's reply on a case, due `at`: it goes at the next tick whatever the window or the gap. */
  async planCaseReply(
    manager: TenantManager,
    reply: { customerId: string; orderId: string | null; caseId: string; text: string; subject: string },
    at: Date,
  ): Promise<string> {
    const [message] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO messages (tenant_id, customer_id, order_id, kind, status, due_at, case_id, body_text, subject)
       VALUES ($1, $2, $3, 'case-reply', 'scheduled', $4, $5, $6, $7) RETURNING id`,
      [tenantIdOf(manager), reply.customerId, reply.orderId, at, reply.caseId, reply.text, reply.subject],
    );
    if (!message) throw new Error('the case reply was not planned');
    return message.id;
  }

  /** Staff's answer to an enquiry, due `at`: like a case reply, it goes at the next tick. */
  async planEnquiryReply(
    manager: TenantManager,
    reply: { customerId: string; interactionId: string; text: string; subject: string },
    at: Date,
  ): Promise<string> {
    const [message] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO messages (tenant_id, customer_id, interaction_id, kind, status, due_at, body_text, subject)
       VALUES ($1, $2, $3, 'enquiry-reply', 'scheduled', $4, $5, $6) RETURNING id`,
      [tenantIdOf(manager), reply.customerId, reply.interactionId, at, reply.text, reply.subject],
    );
    if (!message) throw new Error('the enquiry answer was not planned');
    return message.id;
  }

  /**
   * Asks a buyer again, `dueAt`, the question their answer was to (their case is resolved: would they now
   * recommend the business?), with the same survey version. A person chose it, so the gap between emails
   * does not hold it back; the send window, the buyer's subscription and a paused business still do.
   */
  async planAskAgain(
    manager: TenantManager,
    again: { customerId: string; orderId: string | null; surveyVersionId: string | null; caseId: string },
    dueAt: Date,
  ): Promise<void> {
    await execute(
      manager,
      `INSERT INTO messages (tenant_id, customer_id, order_id, kind, status, due_at, survey_version_id, case_id, passes_gap)
       VALUES ($1, $2, $3, 'opinion-request', 'scheduled', $4, $5, $6, true)`,
      [tenantIdOf(manager), again.customerId, again.orderId, dueAt, again.surveyVersionId, again.caseId],
    );
  }

  /** The one request to recommend the business a person ever gets; asked for again, nothing changes. */
  async planReferralRequest(manager: TenantManager, customerId: string, dueAt: Date): Promise<void> {
    await execute(
      manager,
      `INSERT INTO messages (tenant_id, customer_id, kind, status, due_at)
       VALUES ($1, $2, 'referral-request', 'scheduled', $3)
       ON CONFLICT (tenant_id, customer_id) WHERE kind = 'referral-request' DO NOTHING`,
      [tenantIdOf(manager), customerId, dueAt],
    );
  }

  /** Thanks `referrerId` for recommending `referredId`, who just became a customer. */
  async planReferralThanks(
    manager: TenantManager,
    referral: { referrerId: string; referredId: string },
    dueAt: Date,
  ): Promise<void> {
    await execute(
      manager,
      `INSERT INTO messages (tenant_id, customer_id, referred_customer_id, kind, status, due_at)
       VALUES ($1, $2, $3, 'referral-thanks', 'scheduled', $4)`,
      [tenantIdOf(manager), referral.referrerId, referral.referredId, dueAt],
    );
  }

  /** A rule's follow-up of an enquiry, a quote or an appointment; planned twice, it stays one message. */
  async planForInteraction(
    manager: TenantManager,
    plan: { automationId: string; customerId: string; interactionId: string; kind: OutboxKind; dueAt: Date },
  ): Promise<void> {
    await execute(
      manager,
      `INSERT INTO messages (tenant_id, automation_id, customer_id, interaction_id, kind, status, due_at)
       VALUES ($1, $2, $3, $4, $5, 'scheduled', $6)
       ON CONFLICT (tenant_id, automation_id, interaction_id) DO NOTHING`,
      [tenantIdOf(manager), plan.automationId, plan.customerId, plan.interactionId, plan.kind, plan.dueAt],
    );
  }

  /**
   * Someone asked for a waiting follow-up to go at once: it is due now and, asked for by a person, passes
   * the send window and the journey gap at the next dispatch. The buyer's subscription, the order's status,
   * an answer that makes a reminder pointless and a paused business still hold. False when it is not waiting.
   */
  async requestSendNow(
    manager: TenantManager,
    id: string,
  ): Promise<'requested' | 'not-waiting' | 'not-subscribed'> {
    const [target] = await queryRows<{ status: string; subscriptionState: SubscriptionState }>(
      manager,
      `SELECT m.status, c.subscription_state AS "subscriptionState"
         FROM messages m JOIN customers c ON c.tenant_id = m.tenant_id AND c.id = m.customer_id
        WHERE m.tenant_id = $1 AND m.id = $2 FOR UPDATE OF m`,
      [tenantIdOf(manager), id],
    );
    if (target?.status !== 'scheduled') return 'not-waiting';
    if (target.subscriptionState !== 'subscribed') return 'not-subscribed';
    await execute(
      manager,
      `UPDATE messages SET due_at = now(), send_requested_at = now(), skip_reason = NULL, updated_at = now()
        WHERE tenant_id = $1 AND id = $2`,
      [tenantIdOf(manager), id],
    );
    return 'requested';
  }

  /**
   * After the business changes its send window, working days or time zone: messages held for the old
   * window are due again now, so the next dispatch places them in the new one (sending at once if it is
   * open) instead of leaving them at the old window's opening.
   */
  async retimeWaitingForWindow(manager: TenantManager): Promise<number> {
    const retimed = await queryRows<{ id: string }>(
      manager,
      `UPDATE messages SET due_at = now()
        WHERE tenant_id = $1 AND status = 'scheduled' AND skip_reason = $2 AND due_at > now() RETURNING id`,
      [tenantIdOf(manager), WAITING_FOR_WINDOW],
    );
    return retimed.length;
  }

  /** A provider's delivery event moved the message on (delivered, opened, bounced ...). */
  async setDeliveryStatus(manager: TenantManager, id: string, status: string): Promise<void> {
    await execute(
      manager,
      `UPDATE messages SET status = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2`,
      [tenantIdOf(manager), id, status],
    );
  }

  /** A machine followed the hidden link of the message's email (a scanner, not the buyer). */
  async recordMachineActivity(manager: TenantManager, unsubscribeTokenHash: Buffer): Promise<void> {
    await execute(
      manager,
      `UPDATE messages SET machine_activity_at = coalesce(machine_activity_at, now())
        WHERE tenant_id = $1 AND unsubscribe_token_hash = $2`,
      [tenantIdOf(manager), unsubscribeTokenHash],
    );
  }

  /** Erasure: the addresses and texts kept with the buyers' messages go; the counts stay. */
  async forgetContents(manager: TenantManager, customerIds: string[]): Promise<void> {
    await execute(
      manager,
      `UPDATE messages SET to_email = NULL, subject = NULL, body_text = NULL
        WHERE tenant_id = $1 AND customer_id = ANY($2::uuid[])`,
      [tenantIdOf(manager), customerIds],
    );
  }
}
