import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { type BuyerLocale, conditionsMatch, isOrderTrigger, TRIGGER_WAITS_WHILE } from '@rapport/domain';
import { DataSource } from 'typeorm';
import { PeriodicWork } from '../background/periodic-work';
import { type InteractionEventToPlan, InteractionsRepository } from '../interactions/interactions.repository';
import { OutboxRepository } from '../outbox/outbox.repository';
import { type TenantManager, TenantDatabase } from '../tenancy/tenant-database';
import { AutomationsRepository } from './automations.repository';
import { TOO_LATE_MS } from './follow-up-planner';
import { planQueued } from './planning-queue';
import { ReplayingBusinesses } from './replaying-businesses';

/**
 * Turns the steps of enquiries, quotes and appointments into planned messages, as the follow-up planner
 * does an order's: one message per rule and interaction (planning twice changes nothing), and nothing
 * for a step so old that its follow-up would come days late (an imported history is not mailed).
 */
@Injectable()
export class InteractionPlanner {
  private readonly ticks = new PeriodicWork(
    new Logger(InteractionPlanner.name),
    'Planning follow-ups of enquiries, quotes and appointments failed',
  );

  constructor(
    private readonly outbox: OutboxRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly database: TenantDatabase,
    private readonly automations: AutomationsRepository,
    private readonly interactions: InteractionsRepository,
    private readonly replaying: ReplayingBusinesses,
  ) {}

  @Interval(5000)
  tick(): Promise<void> {
    return this.ticks.run(() => this.planPending(new Date()));
  }

  /** Plans every step not planned yet; returns how many it handled. */
  planPending(now: Date): Promise<number> {
    return planQueued(this.queueParts(), 'interaction_events_to_plan', (manager, eventId) =>
      this.planEvent(manager, eventId, now),
    );
  }

  private queueParts() {
    return { dataSource: this.dataSource, database: this.database, replaying: this.replaying };
  }

  /** One business's steps that happened by `now` (the demo business's history, written as it happens). */
  planBusiness(tenantId: string, now: Date): Promise<number> {
    return this.database.transaction(tenantId, async (manager) => {
      const events = await this.interactions.unplannedBy(manager, now);
      for (const id of events) await this.planEvent(manager, id, now);
      return events.length;
    });
  }

  private async planEvent(manager: TenantManager, eventId: string, now: Date): Promise<void> {
    const event = await this.interactions.eventToPlan(manager, eventId);
    if (!event) return;
    const rules = (await this.automations.list(manager)).filter(
      (rule) => rule.is_enabled && rule.trigger === event.type,
    );
    for (const rule of rules) {
      if (!conditionsMatch(rule.conditions, factsOf(event))) continue;
      // A quote accepted before its step was planned needs no follow-up at all.
      const waitsWhile = isOrderTrigger(rule.trigger) ? null : TRIGGER_WAITS_WHILE[rule.trigger];
      if (waitsWhile && !waitsWhile.includes(event.status)) continue;
      const due = new Date(new Date(event.occurred_at).getTime() + rule.delay_minutes * 60_000);
      if (due.getTime() + TOO_LATE_MS < now.getTime()) continue;
      await this.outbox.planForInteraction(manager, {
        automationId: rule.id,
        customerId: event.customer_id,
        interactionId: event.interaction_id,
        kind: rule.kind,
        dueAt: due,
      });
    }
    await this.interactions.markPlanned(manager, event.id);
  }
}

/** What a rule's conditions see of an interaction: the person's tags and language, a quote's amount. */
function factsOf(event: InteractionEventToPlan) {
  return {
    // Order-only conditions are refused on these rules; these values never decide.
    isFirstOrder: true,
    productNames: [],
    total: Number(event.amount ?? 0),
    tags: event.tags,
    locale: event.locale as BuyerLocale | null,
  };
}
