import type { DataSource } from 'typeorm';
import { queryRows } from '../database/query-rows';
import type { TenantDatabase, TenantManager } from '../tenancy/tenant-database';
import type { ReplayingBusinesses } from './replaying-businesses';

/** The cross-business functions that name the steps still to plan (see the migrations that create them). */
export type PlanningQueue = 'order_events_to_plan' | 'interaction_events_to_plan';

/**
 * Plans every step the queue names, in batches, each inside its own business's transaction; a business
 * whose history is being replayed keeps its steps for the replay. Returns how many steps were handled.
 */
export async function planQueued(
  parts: { dataSource: DataSource; database: TenantDatabase; replaying: ReplayingBusinesses },
  queue: PlanningQueue,
  plan: (manager: TenantManager, eventId: string) => Promise<void>,
): Promise<number> {
  let handled = 0;
  for (;;) {
    const pending = (
      await queryRows<{ tenant_id: string; event_id: string }>(
        parts.dataSource.manager,
        `SELECT tenant_id, event_id FROM ${queue}(200)`,
      )
    ).filter((event) => !parts.replaying.isHeld(event.tenant_id));
    if (pending.length === 0) return handled;
    for (const { tenant_id: tenantId, event_id: eventId } of pending) {
      await parts.database.transaction(tenantId, (manager) => plan(manager, eventId));
      handled += 1;
    }
  }
}
