import { EventLog } from '../events/event-log';
import { BusinessEventsRepository } from '../events/business-events.repository';
import { Injectable, Logger } from '@nestjs/common';
import { CustomersRepository } from '../customers/customers.repository';
import { AccountsRepository } from '../accounts/accounts.repository';
import {
  isBounceSpike,
  isComplaintRateTooHigh,
  type MessageStatus,
  PROVIDER_EVENTS,
  type ProviderEvent,
  statusAfterEvent,
  subscriptionAfterEvent,
  toSafeText,
  unsafeTextReason,
} from '@rapport/domain';
import { TenantDatabase, type TenantManager, tenantIdOf } from '../tenancy/tenant-database';
import { OutboxRepository } from '../outbox/outbox.repository';
import { queryRow, queryRows } from '../database/query-rows';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Unix seconds from SendGrid, when they make a plausible instant (not before 2000, not in the future). */
function instantOf(timestamp: unknown): Date | undefined {
  const time = Number(timestamp) * 1000;
  const isPlausible = Number.isFinite(time) && time >= Date.UTC(2000, 0, 1) && time <= Date.now() + 3600_000;
  return isPlausible ? new Date(time) : undefined;
}

/** One event as SendGrid posts it; our custom_args come back as top-level fields. */
export interface SendGridEvent {
  event?: unknown;
  sg_event_id?: unknown;
  timestamp?: unknown;
  message_id?: unknown;
  tenant_id?: unknown;
  reason?: unknown;
}

export interface EventsOutcome {
  applied: number;
  duplicates: number;
  ignored: number;
}

/**
 * Applies verified delivery events: each event id once; the message's status only moves forward (a late
 * "delivered" does not undo a bounce); bounces, drops, spam reports and unsubscribes stop the buyer's mail;
 * a day's complaint rate past 0.3% pauses the business.
 */
@Injectable()
export class DeliveryEventsService {
  private readonly logger = new Logger(DeliveryEventsService.name);

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly database: TenantDatabase,
    private readonly accounts: AccountsRepository,
    private readonly customers: CustomersRepository,
    private readonly events: EventLog,
    private readonly recorded: BusinessEventsRepository,
  ) {}

  async apply(events: SendGridEvent[]): Promise<EventsOutcome> {
    const outcome: EventsOutcome = { applied: 0, duplicates: 0, ignored: 0 };
    for (const entry of events) {
      // A batch is applied event by event: one unusable entry is counted as ignored, never fails the rest.
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
        outcome.ignored += 1;
        continue;
      }
      const event = entry;
      const type = String(event.event) as ProviderEvent;
      const tenantId = String(event.tenant_id ?? '');
      const messageId = String(event.message_id ?? '');
      if (
        !PROVIDER_EVENTS.includes(type) ||
        !UUID.test(tenantId) ||
        !UUID.test(messageId) ||
        typeof event.sg_event_id !== 'string' ||
        unsafeTextReason(event.sg_event_id) !== undefined
      ) {
        outcome.ignored += 1;
        continue;
      }
      const occurredAt = instantOf(event.timestamp) ?? new Date();
      const result = await this.database.transaction(tenantId, (manager) =>
        this.applyOne(manager, {
          type,
          messageId,
          eventId: event.sg_event_id as string,
          occurredAt,
          reason: typeof event.reason === 'string' ? toSafeText(event.reason) : event.reason,
        }),
      );
      outcome[result] += 1;
    }
    return outcome;
  }

  private async applyOne(
    manager: TenantManager,
    event: { type: ProviderEvent; messageId: string; eventId: string; occurredAt: Date; reason: unknown },
  ): Promise<keyof EventsOutcome> {
    const message = await queryRow<{ id: string; status: MessageStatus; customer_id: string }>(
      manager,
      `SELECT id, status, customer_id FROM messages WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
      [tenantIdOf(manager), event.messageId],
    );
    if (!message) return 'ignored';
    const inserted = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO provider_events (tenant_id, provider_event_id, message_id, event, occurred_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, provider_event_id) DO NOTHING RETURNING id`,
      [tenantIdOf(manager), event.eventId.slice(0, 200), event.messageId, event.type, event.occurredAt],
    );
    if (inserted.length === 0) return 'duplicates';
    const next = statusAfterEvent(message.status, event.type);
    if (next !== message.status) {
      await this.outbox.setDeliveryStatus(manager, message.id, next);
    }
    const stop = subscriptionAfterEvent(event.type);
    if (stop) await this.stopMail(manager, message.customer_id, stop, event);
    if (event.type === 'spamreport') await this.pauseOnComplaints(manager, event.occurredAt);
    if (event.type === 'bounce' || event.type === 'dropped')
      await this.warnOfBounces(manager, event.occurredAt);
    return 'applied';
  }

  private async stopMail(
    manager: TenantManager,
    customerId: string,
    state: 'bounced' | 'complained' | 'unsubscribed',
    event: { type: ProviderEvent; reason: unknown },
  ): Promise<void> {
    const reason =
      state === 'bounced'
        ? `check this contact's email: ${String(event.reason ?? event.type)}`.slice(0, 300)
        : event.type;
    await this.customers.stopEmail(manager, customerId, state, reason);
    await this.outbox.cancelScheduled(manager, { customerId }, `the buyer's email ${state}`);
    await this.events.record(manager, `customer.${state}`, { customerId, reason }, new Date());
  }

  private async pauseOnComplaints(manager: TenantManager, at: Date): Promise<void> {
    const day = await queryRow<{ complaints: number; delivered: number }>(
      manager,
      `SELECT count(*) FILTER (WHERE event = 'spamreport')::int AS complaints,
              count(*) FILTER (WHERE event = 'delivered')::int AS delivered
         FROM provider_events WHERE tenant_id = $1 AND occurred_at > $2::timestamptz - interval '1 day'`,
      [tenantIdOf(manager), at],
    );
    if (!day || !isComplaintRateTooHigh(day.complaints, day.delivered)) return;
    const reason = `Paused: ${day.complaints} spam complaints for ${day.delivered} delivered emails in a day (limit 0.3%)`;
    await this.accounts.pauseSending(manager, reason);
    this.logger.warn({ tenantId: tenantIdOf(manager), ...day }, 'Sending paused for complaints');
    await this.tellAtRisk(manager, at, { reason: 'complaints', ...day });
  }

  /** A day whose bounces pass the warning share tells the team (once a day): the list needs a look. */
  private async warnOfBounces(manager: TenantManager, at: Date): Promise<void> {
    const day = await queryRow<{ bounced: number; delivered: number }>(
      manager,
      `SELECT count(*) FILTER (WHERE event IN ('bounce', 'dropped'))::int AS bounced,
              count(*) FILTER (WHERE event = 'delivered')::int AS delivered
         FROM provider_events WHERE tenant_id = $1 AND occurred_at > $2::timestamptz - interval '1 day'`,
      [tenantIdOf(manager), at],
    );
    if (!day || !isBounceSpike(day.bounced, day.delivered)) return;
    await this.tellAtRisk(manager, at, {
      reason: 'bounces',
      bounced: day.bounced,
      sent: day.bounced + day.delivered,
    });
  }

  /** One `delivery.at_risk` event per reason and day: further complaints or bounces that day add none. */
  private async tellAtRisk(
    manager: TenantManager,
    at: Date,
    data: Record<string, unknown> & { reason: string },
  ) {
    const since = new Date(at.getTime() - 86_400_000);
    if (await this.recorded.hasSince(manager, 'delivery.at_risk', { reason: data.reason }, since)) return;
    await this.events.record(manager, 'delivery.at_risk', data, new Date());
  }
}
