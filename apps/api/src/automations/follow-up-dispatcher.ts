import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { capDecision, interactionStopReason, type MessageKind, plannedSendTime } from '@rapport/domain';
import { DataSource } from 'typeorm';
import { type TenantManager, TenantDatabase } from '../tenancy/tenant-database';
import {
  close,
  type DueMessage,
  dueMessages,
  holdBuyers,
  type Outcome,
  reschedule,
  WAITING_FOR_WINDOW,
  type SentRecord,
  sentHistory,
  writeOutcomes,
} from '../outbox/dispatch-batch';
import { type BatchContext, batchContext, FollowUpSender } from './follow-up-sender';
import { ReplayingBusinesses } from './replaying-businesses';
import { EventLog } from '../events/event-log';
import type { SentAnnouncer } from './sent-marks';
import { PeriodicWork } from '../background/periodic-work';
import { queryRows } from '../database/query-rows';

/** Messages of one business claimed at once; their buyers' rows are held while they are sent. */
const CLAIM = 50;
/** Businesses read per round, oldest due first; each round claims a batch from every one of them. */
const BUSINESSES_PER_ROUND = 100;
/**
 * Businesses handled at once, and sends at once within each. Most of a message's time is waiting (on the
 * database, the provider, and the other sends' turn on the one thread), so several in flight multiply
 * throughput: two businesses x eight sends measured about 2,000 messages/s, two x four 1,600 to 1,900.
 */
const GROUPS = 2;
const LANES = 8;
/** How many emails one process may have in flight when it dies: the only ones that can go twice. */
export const MAX_SENDS_IN_FLIGHT = GROUPS * LANES;
const LEASE = '5 minutes';

/**
 * Sends the follow-ups that are due, one business at a time. Each round reads which businesses have
 * messages due (ids only: the one cross-business read), claims a batch of each one's messages (SKIP
 * LOCKED with a lease, so any number of replicas may run it), and handles the batch inside that business,
 * holding its buyers' rows so no two messages to one buyer pass the journey cap together, even from two
 * replicas. It re-checks the buyer's subscription, the order, the pause, the send window and the journey cap
 * just before sending. Each sent message is marked as soon as the provider accepts it, by a statement
 * committed on its own (with any other sends that finished meanwhile: `SentMarks`), and its lane waits for
 * that before the next, so after a crash the only messages in doubt are those whose send was in flight
 * (at most MAX_SENDS_IN_FLIGHT per process); they are claimed again when their lease runs out, and the
 * provider's events (carrying the message id) tell which went twice. Messages that end otherwise
 * (skipped, cancelled, waiting, failed) are written with the batch.
 */
@Injectable()
export class FollowUpDispatcher {
  private readonly ticks = new PeriodicWork(
    new Logger(FollowUpDispatcher.name),
    'Dispatching follow-ups failed',
  );

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly database: TenantDatabase,
    private readonly sender: FollowUpSender,
    private readonly replaying: ReplayingBusinesses,
    private readonly events: EventLog,
  ) {}

  /** Records a `follow_up.sent` event for each message, with its mark. */
  private readonly announcer: SentAnnouncer = {
    database: this.database,
    announce: async (manager, marks) => {
      for (const mark of marks)
        await this.events.record(
          manager,
          'follow_up.sent',
          { messageId: mark.messageId, customerId: mark.customerId, kind: mark.kind },
          new Date(),
        );
    },
  };

  @Interval(5000)
  tick(): Promise<void> {
    return this.ticks.run(() => this.dispatchDue(new Date()));
  }

  /** Handles every message due at `now`; returns how many it handled. */
  async dispatchDue(now: Date): Promise<number> {
    let handled = 0;
    for (;;) {
      const businesses = await queryRows<{ tenant_id: string }>(
        this.dataSource.manager,
        `SELECT tenant_id FROM businesses_with_due_messages($1, $2)`,
        [now, BUSINESSES_PER_ROUND],
      );
      const queue = businesses
        .map((business) => business.tenant_id)
        .filter((tenantId) => !this.replaying.isHeld(tenantId));
      let round = 0;
      const worker = async (): Promise<void> => {
        for (let tenantId = queue.shift(); tenantId; tenantId = queue.shift()) {
          round += await this.dispatchBusiness(tenantId, now);
        }
      };
      await Promise.all(Array.from({ length: GROUPS }, worker));
      handled += round;
      // Nothing claimable (none due, or another replica holds what is): the next tick looks again.
      if (round === 0) return handled;
    }
  }

  /**
   * Handles every message of one business due at `now`, as the tick would: for a history written at the
   * time it happened (the demo business), where the other businesses' messages are not this caller's.
   */
  async dispatchBusinessDue(tenantId: string, now: Date): Promise<number> {
    let handled = 0;
    for (;;) {
      const claimed = await this.dispatchBusiness(tenantId, now);
      if (claimed === 0) return handled;
      handled += claimed;
    }
  }

  /** Claims and handles one batch of a business's due messages; returns how many it claimed. */
  private async dispatchBusiness(tenantId: string, now: Date): Promise<number> {
    const claimed = await queryRows<{ message_id: string; customer_id: string }>(
      this.dataSource.manager,
      `SELECT message_id, customer_id FROM claim_business_messages($1, $2, $3, $4::interval)`,
      [tenantId, now, CLAIM, LEASE],
    );
    if (claimed.length === 0) return 0;
    await this.database.transaction(tenantId, async (manager) => {
      const buyers = [...new Set(claimed.map((item) => item.customer_id))];
      await holdBuyers(manager, buyers);
      const messages = await dueMessages(
        manager,
        claimed.map((item) => item.message_id),
      );
      const history = await sentHistory(manager, buyers);
      // One lane per buyer, in due order: a buyer's second message waits for the first, so the journey cap
      // holds back the later one. Lanes run side by side, each adding what it sends to its buyer's history.
      const byId = new Map(messages.map((message) => [message.id, message]));
      const lanes = new Map<string, DueMessage[]>();
      for (const { message_id: id, customer_id: customerId } of claimed) {
        const message = byId.get(id);
        if (!message) continue;
        const lane = lanes.get(customerId);
        if (lane) lane.push(message);
        else lanes.set(customerId, [message]);
      }
      const queue = [...lanes.entries()];
      // Sent follow-ups are told only to a business with an endpoint that listens for them.
      const isHeard = await this.events.isHeard(manager, 'follow_up.sent');
      const batch = batchContext(this.dataSource, tenantId, now, isHeard ? this.announcer : null);
      const outcomes: Outcome[] = [];
      const worker = async (): Promise<void> => {
        for (let lane = queue.shift(); lane; lane = queue.shift()) {
          const [customerId, laneMessages] = lane;
          const buyerHistory = history.get(customerId) ?? [];
          for (const message of laneMessages) {
            const outcome = await this.handle(manager, message, buyerHistory, now, batch);
            if (outcome) outcomes.push(outcome);
          }
        }
      };
      await Promise.all(Array.from({ length: LANES }, worker));
      await writeOutcomes(manager, outcomes);
    });
    return claimed.length;
  }

  /** Sends one message or says how it ends instead; a sent message is added to its buyer's history. */
  private async handle(
    manager: TenantManager,
    message: DueMessage,
    history: SentRecord[],
    now: Date,
    batch: BatchContext,
  ): Promise<Outcome | null> {
    if (message.subscription_state !== 'subscribed')
      return close(message.id, 'skipped', `skipped: the buyer is ${message.subscription_state}`);
    if (message.kind === 'case-reply' || message.kind === 'enquiry-reply')
      return this.sender.send(manager, message, now, batch);
    if (message.is_answered) return close(message.id, 'skipped', 'skipped: the buyer answered');
    if (message.order_status === 'cancelled' || message.order_status === 'refunded') {
      return close(message.id, 'cancelled', `cancelled: the order was ${message.order_status}`);
    }
    const pointless = interactionStopReason({
      trigger: message.rule_trigger,
      interactionStatus: message.interaction_status,
      interactionAt: message.interaction_at ? new Date(message.interaction_at) : null,
      stopsWhenCustomer: message.stops_when_customer ?? false,
      becameCustomerAt: message.became_customer_at ? new Date(message.became_customer_at) : null,
    });
    if (pointless) return close(message.id, 'cancelled', `cancelled: ${pointless}`);
    if (message.paused_at)
      return reschedule(message.id, new Date(now.getTime() + 3_600_000), 'waiting: sending is paused');
    if (!message.send_requested_at) {
      const zone = message.time_zone ?? message.business_time_zone;
      const opensAt = plannedSendTime({ id: message.id, dueAt: now }, message.send_window, zone);
      if (opensAt.getTime() > now.getTime()) return reschedule(message.id, opensAt, WAITING_FOR_WINDOW);
    }
    if (!message.send_requested_at && !message.passes_gap) {
      const cap = capDecision(message.kind as MessageKind, history, now, {
        anyFollowUpDays: message.follow_up_gap_days,
        opinionRequestDays: message.opinion_request_gap_days,
      });
      if (cap.action === 'skip') return close(message.id, 'skipped', cap.reason);
      if (cap.action === 'postpone') return reschedule(message.id, cap.until, cap.reason);
    }
    const outcome = await this.sender.send(manager, message, now, batch);
    if (!outcome) history.push({ kind: message.kind as MessageKind, sentAt: now });
    return outcome;
  }
}
