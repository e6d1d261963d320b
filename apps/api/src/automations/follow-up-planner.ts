import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { type BuyerLocale, conditionsMatch, type OrderFacts, type OrderStatus } from '@rapport/domain';
import { DataSource } from 'typeorm';
import { execute, queryRow, queryRows } from '../database/query-rows';
import { type TenantManager, TenantDatabase, tenantIdOf } from '../tenancy/tenant-database';
import { type AutomationRow, AutomationsRepository } from './automations.repository';
import { planQueued } from './planning-queue';
import { ReplayingBusinesses } from './replaying-businesses';
import { OutboxRepository } from '../outbox/outbox.repository';
import { PeriodicWork } from '../background/periodic-work';

/** An order older than this when its follow-up falls due gets none (an imported history is not mailed). */
export const TOO_LATE_MS = 2 * 86_400_000;

interface EventRow {
  id: string;
  order_id: string;
  customer_id: string;
  type: OrderStatus;
  occurred_at: Date;
}

/**
 * Turns order events into planned messages (the outbox). One message per automation and order (a unique
 * key), so planning twice changes nothing; a delivery re-times the opinion request planned at placement; a
 * cancelled or refunded order cancels what is still planned for it.
 */
@Injectable()
export class FollowUpPlanner {
  private readonly ticks = new PeriodicWork(new Logger(FollowUpPlanner.name), 'Planning follow-ups failed');

  constructor(
    private readonly outbox: OutboxRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly database: TenantDatabase,
    private readonly automations: AutomationsRepository,
    private readonly replaying: ReplayingBusinesses,
  ) {}

  @Interval(5000)
  tick(): Promise<void> {
    return this.ticks.run(() => this.planPending(new Date()));
  }

  /** Plans every event not planned yet; returns how many events it handled. */
  planPending(now: Date): Promise<number> {
    return planQueued(this.queueParts(), 'order_events_to_plan', (manager, eventId) =>
      this.planEvent(manager, eventId, now),
    );
  }

  private queueParts() {
    return { dataSource: this.dataSource, database: this.database, replaying: this.replaying };
  }

  /**
   * Plans one business's events that occurred by `now` and are not planned yet, as the tick would at `now`:
   * for a history written at the time it happened (the demo business), where the other businesses' events
   * are not this caller's.
   */
  async planBusiness(tenantId: string, now: Date): Promise<number> {
    return this.database.transaction(tenantId, async (manager) => {
      const events = await queryRows<{ id: string }>(
        manager,
        `SELECT id FROM order_events WHERE tenant_id = $1 AND planned_at IS NULL AND occurred_at <= $2
          ORDER BY occurred_at, id`,
        [tenantIdOf(manager), now],
      );
      for (const event of events) await this.planEvent(manager, event.id, now);
      return events.length;
    });
  }

  private async planEvent(manager: TenantManager, eventId: string, now: Date): Promise<void> {
    const event = await queryRow<EventRow>(
      manager,
      `SELECT e.id, e.order_id, o.customer_id, e.type, e.occurred_at
         FROM order_events e JOIN orders o ON o.tenant_id = e.tenant_id AND o.id = e.order_id
        WHERE e.tenant_id = $1 AND e.id = $2 AND e.planned_at IS NULL
          FOR UPDATE OF e`,
      [tenantIdOf(manager), eventId],
    );
    if (!event) return;
    if (event.type === 'cancelled' || event.type === 'refunded') {
      await this.outbox.cancelScheduled(manager, { orderId: event.order_id }, `the order was ${event.type}`);
    } else {
      const rules: AutomationRow[] = (await this.automations.list(manager)).filter((rule) => rule.is_enabled);
      const facts = rules.some((rule) => Object.keys(rule.conditions).length > 0)
        ? await this.factsOf(manager, event)
        : null;
      for (const rule of rules) {
        if (facts && !conditionsMatch(rule.conditions, facts)) continue;
        await this.planRule(manager, rule, event, now);
      }
    }
    await execute(manager, `UPDATE order_events SET planned_at = now() WHERE tenant_id = $1 AND id = $2`, [
      tenantIdOf(manager),
      event.id,
    ]);
  }

  /** What a rule's conditions look at: the order's products and total, the buyer's tags and language. */
  private async factsOf(manager: TenantManager, event: EventRow): Promise<OrderFacts> {
    const row = await queryRow<{
      total: string;
      tags: string[];
      locale: BuyerLocale | null;
      earlier: number;
      products: string[];
    }>(
      manager,
      `SELECT o.total, c.tags, c.locale,
              (SELECT count(*)::int FROM orders p
                WHERE p.tenant_id = o.tenant_id AND p.customer_id = o.customer_id
                  AND (p.placed_at, p.id) < (o.placed_at, o.id)) AS earlier,
              coalesce((SELECT array_agg(l.product_name) FROM order_lines l
                         WHERE l.tenant_id = o.tenant_id AND l.order_id = o.id), '{}') AS products
         FROM orders o JOIN customers c ON c.tenant_id = o.tenant_id AND c.id = o.customer_id
        WHERE o.tenant_id = $1 AND o.id = $2`,
      [tenantIdOf(manager), event.order_id],
    );
    return {
      isFirstOrder: (row?.earlier ?? 0) === 0,
      productNames: row?.products ?? [],
      total: Number(row?.total ?? 0),
      tags: row?.tags ?? [],
      locale: row?.locale ?? null,
    };
  }

  private async planRule(
    manager: TenantManager,
    rule: AutomationRow,
    event: EventRow,
    now: Date,
  ): Promise<void> {
    const occurred = new Date(event.occurred_at).getTime();
    const matches = `order_${event.type}` === rule.trigger;
    const isFallback = !matches && event.type === 'placed' && rule.fallback_after_placed_days !== null;
    if (!matches && !isFallback) return;
    const due = new Date(
      isFallback
        ? occurred + (rule.fallback_after_placed_days ?? 0) * 86_400_000
        : occurred + rule.delay_minutes * 60_000,
    );
    if (due.getTime() + TOO_LATE_MS < now.getTime()) return;
    // A delivery re-times an opinion request planned at placement; any other repeat changes nothing.
    await this.outbox.planForRule(manager, {
      automationId: rule.id,
      customerId: event.customer_id,
      orderId: event.order_id,
      kind: rule.kind,
      dueAt: due,
      isRetimed: matches && event.type === 'delivered',
    });
  }
}
