import { Injectable } from '@nestjs/common';
import type { BusinessEventType } from '@rapport/domain';
import { queryRow } from '../database/query-rows';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';

export interface BusinessEventRow {
  id: string;
  type: BusinessEventType;
  version: number;
  data: Record<string, unknown>;
  occurred_at: Date;
  /** When it was written down: later than `occurred_at` for a history or an import. */
  recorded_at: Date;
}

/** The owner of `business_events`: what happened in a business, as its endpoints are told. */
@Injectable()
export class BusinessEventsRepository {
  async insert(
    manager: TenantManager,
    event: { type: BusinessEventType; data: Record<string, unknown>; occurredAt: Date },
  ): Promise<string> {
    const row = await queryRow<{ id: string }>(
      manager,
      `INSERT INTO business_events (tenant_id, type, data, occurred_at) VALUES ($1, $2, $3, $4) RETURNING id`,
      [tenantIdOf(manager), event.type, JSON.stringify(event.data), event.occurredAt],
    );
    if (!row) throw new Error('The event was not stored');
    return row.id;
  }

  /** Whether an endpoint that is not paused asks for this type of event (read from the webhooks' table). */
  async isHeard(manager: TenantManager, type: BusinessEventType): Promise<boolean> {
    const row = await queryRow<{ found: boolean }>(
      manager,
      `SELECT EXISTS (SELECT 1 FROM webhook_endpoints
                       WHERE tenant_id = $1 AND paused_at IS NULL AND $2 = ANY(events)) AS found`,
      [tenantIdOf(manager), type],
    );
    return row?.found ?? false;
  }

  /** Whether an event of this type whose data holds `match` happened since `since`. */
  async hasSince(
    manager: TenantManager,
    type: BusinessEventType,
    match: Record<string, unknown>,
    since: Date,
  ): Promise<boolean> {
    const row = await queryRow<{ found: boolean }>(
      manager,
      `SELECT EXISTS (SELECT 1 FROM business_events
                       WHERE tenant_id = $1 AND occurred_at >= $2 AND type = $3 AND data @> $4::jsonb) AS found`,
      [tenantIdOf(manager), since, type, JSON.stringify(match)],
    );
    return row?.found ?? false;
  }

  find(manager: TenantManager, id: string): Promise<BusinessEventRow | null> {
    return queryRow<BusinessEventRow>(
      manager,
      `SELECT id, type, version, data, occurred_at, recorded_at FROM business_events WHERE tenant_id = $1 AND id = $2`,
      [tenantIdOf(manager), id],
    );
  }
}
