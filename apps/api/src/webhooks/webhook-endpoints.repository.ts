import { Injectable } from '@nestjs/common';
import type {
  BusinessEventType,
  DeliveryStatus,
  EndpointDeliveryResponse,
  EndpointFormat,
  Page,
  WebhookEndpointResponse,
  WebhookEventType,
} from '@rapport/domain';
import { decodeCursor, encodeCursor } from '../database/keyset-cursor';
import { execute, queryRow, queryRows } from '../database/query-rows';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';

interface EndpointRow {
  id: string;
  format: EndpointFormat;
  url: string;
  description: string;
  events: WebhookEventType[];
  secret_sealed: Buffer;
  paused_at: Date | null;
  paused_reason: string | null;
  failed_in_a_row: number;
  created_at: Date;
}

interface DeliveryRow {
  id: string;
  event_id: string;
  event_type: BusinessEventType;
  status: DeliveryStatus;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  last_attempt_at: Date | null;
  finished_at: Date | null;
  created_at: Date;
}

/** What a delivery worker needs of one delivery: where, with which secret, and what. */
export interface DeliveryWork {
  status: DeliveryStatus;
  format: EndpointFormat;
  endpointId: string;
  url: string;
  secretSealed: Buffer;
  isPaused: boolean;
  eventId: string;
}

const ENDPOINT_COLUMNS = `id, format, url, description, events, secret_sealed, paused_at, paused_reason, failed_in_a_row, created_at`;

/** A chat channel's URL is its secret: only where it goes shows (`https://hooks.slack.com/…`). */
function shownUrl(url: string): string {
  try {
    return `${new URL(url).origin}/…`;
  } catch {
    return '…';
  }
}

export function toEndpointResponse(row: EndpointRow): WebhookEndpointResponse {
  return {
    id: row.id,
    format: row.format,
    url: row.format === 'json' ? row.url : shownUrl(row.url),
    description: row.description,
    events: row.events,
    pausedAt: row.paused_at?.toISOString() ?? null,
    pausedReason: row.paused_reason,
    failedInARow: row.failed_in_a_row,
    createdAt: row.created_at.toISOString(),
  };
}

/** The owner of `webhook_endpoints` and `endpoint_deliveries`: where a business's events go, and how it went. */
@Injectable()
export class WebhookEndpointsRepository {
  list(manager: TenantManager): Promise<EndpointRow[]> {
    return queryRows<EndpointRow>(
      manager,
      `SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE tenant_id = $1 ORDER BY created_at, id`,
      [tenantIdOf(manager)],
    );
  }

  find(manager: TenantManager, id: string): Promise<EndpointRow | null> {
    return queryRow<EndpointRow>(
      manager,
      `SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE tenant_id = $1 AND id = $2`,
      [tenantIdOf(manager), id],
    );
  }

  /** Held until the transaction ends: two additions at once cannot both see room for one more. */
  async lockEndpoints(manager: TenantManager): Promise<void> {
    await queryRow<{ locked: string }>(
      manager,
      `SELECT pg_advisory_xact_lock(hashtextextended('webhook-endpoints:' || $1, 0))::text AS locked`,
      [tenantIdOf(manager)],
    );
  }

  count(manager: TenantManager): Promise<number> {
    return queryRow<{ count: number }>(
      manager,
      `SELECT count(*)::int AS count FROM webhook_endpoints WHERE tenant_id = $1`,
      [tenantIdOf(manager)],
    ).then((row) => row?.count ?? 0);
  }

  async insert(
    manager: TenantManager,
    endpoint: {
      format: EndpointFormat;
      url: string;
      description: string;
      events: WebhookEventType[];
      secretSealed: Buffer;
    },
  ): Promise<EndpointRow> {
    const row = await queryRow<EndpointRow>(
      manager,
      `INSERT INTO webhook_endpoints (tenant_id, format, url, description, events, secret_sealed)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${ENDPOINT_COLUMNS}`,
      [
        tenantIdOf(manager),
        endpoint.format,
        endpoint.url,
        endpoint.description,
        endpoint.events,
        endpoint.secretSealed,
      ],
    );
    if (!row) throw new Error('The endpoint was not stored');
    return row;
  }

  update(
    manager: TenantManager,
    id: string,
    changes: { url?: string; description?: string; events?: WebhookEventType[]; isActive?: boolean },
  ): Promise<EndpointRow | null> {
    return queryRow<EndpointRow>(
      manager,
      `UPDATE webhook_endpoints SET
         url = coalesce($3, url),
         description = coalesce($4, description),
         events = coalesce($5, events),
         paused_at = CASE WHEN $6::boolean IS NULL THEN paused_at
                          WHEN $6 THEN NULL ELSE coalesce(paused_at, now()) END,
         paused_reason = CASE WHEN $6::boolean IS NULL THEN paused_reason
                              WHEN $6 THEN NULL ELSE coalesce(paused_reason, 'Paused by the business') END,
         failed_in_a_row = CASE WHEN $6::boolean THEN 0 ELSE failed_in_a_row END,
         updated_at = now()
       WHERE tenant_id = $1 AND id = $2 RETURNING ${ENDPOINT_COLUMNS}`,
      [
        tenantIdOf(manager),
        id,
        changes.url ?? null,
        changes.description ?? null,
        changes.events ?? null,
        changes.isActive ?? null,
      ],
    );
  }

  async remove(manager: TenantManager, id: string): Promise<boolean> {
    return (
      (await execute(manager, `DELETE FROM webhook_endpoints WHERE tenant_id = $1 AND id = $2`, [
        tenantIdOf(manager),
        id,
      ])) > 0
    );
  }

  /** Endpoints not paused that asked for this type (or the one named): the deliveries one event makes. */
  async addDeliveries(
    manager: TenantManager,
    eventId: string,
    type: BusinessEventType,
    endpointId: string | undefined,
  ): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO endpoint_deliveries (tenant_id, endpoint_id, event_id)
       SELECT e.tenant_id, e.id, $2 FROM webhook_endpoints e
        JOIN business_events v ON v.tenant_id = e.tenant_id AND v.id = $2
        WHERE e.tenant_id = $1
          AND (CASE WHEN $4::uuid IS NULL
                    THEN e.paused_at IS NULL AND $3 = ANY (e.events) AND e.created_at <= v.recorded_at
                    ELSE e.id = $4 END)
       ON CONFLICT (tenant_id, endpoint_id, event_id) DO NOTHING
       RETURNING id`,
      [tenantIdOf(manager), eventId, type, endpointId ?? null],
    );
    return rows.map((row) => row.id);
  }

  async deliveryWork(manager: TenantManager, deliveryId: string): Promise<DeliveryWork | null> {
    const row = await queryRow<{
      status: DeliveryStatus;
      format: EndpointFormat;
      endpoint_id: string;
      url: string;
      secret_sealed: Buffer;
      paused_at: Date | null;
      event_id: string;
    }>(
      manager,
      `SELECT d.status, e.format, d.endpoint_id, e.url, e.secret_sealed, e.paused_at, d.event_id
         FROM endpoint_deliveries d
         JOIN webhook_endpoints e ON e.tenant_id = d.tenant_id AND e.id = d.endpoint_id
        WHERE d.tenant_id = $1 AND d.id = $2`,
      [tenantIdOf(manager), deliveryId],
    );
    return row
      ? {
          status: row.status,
          format: row.format,
          endpointId: row.endpoint_id,
          url: row.url,
          secretSealed: row.secret_sealed,
          isPaused: row.paused_at !== null,
          eventId: row.event_id,
        }
      : null;
  }

  /** One try's outcome; a finished delivery (delivered or failed) is never counted again. */
  async recordAttempt(
    manager: TenantManager,
    deliveryId: string,
    attempt: { status: DeliveryStatus; statusCode: number | null; error: string | null; at: Date },
  ): Promise<boolean> {
    return (
      (await execute(
        manager,
        `UPDATE endpoint_deliveries SET attempts = attempts + 1, status = $3::text, last_status_code = $4,
                last_error = $5, last_attempt_at = $6::timestamptz,
                finished_at = CASE WHEN $3::text = 'pending' THEN NULL ELSE $6::timestamptz END
          WHERE tenant_id = $1 AND id = $2 AND status = 'pending'`,
        [tenantIdOf(manager), deliveryId, attempt.status, attempt.statusCode, attempt.error, attempt.at],
      )) > 0
    );
  }

  /** A delivery the queue gave up on (its process died on its last try), failed if still pending. */
  async failIfPending(manager: TenantManager, deliveryId: string, reason: string): Promise<boolean> {
    return (
      (await execute(
        manager,
        `UPDATE endpoint_deliveries SET status = 'failed', last_error = $3, finished_at = now()
          WHERE tenant_id = $1 AND id = $2 AND status = 'pending'`,
        [tenantIdOf(manager), deliveryId, reason],
      )) > 0
    );
  }

  /** After a delivery finished: a success clears the count, a failure adds one and answers the new count. */
  async countOutcome(manager: TenantManager, endpointId: string, isDelivered: boolean): Promise<number> {
    const row = await queryRow<{ failed_in_a_row: number }>(
      manager,
      `UPDATE webhook_endpoints SET failed_in_a_row = CASE WHEN $3 THEN 0 ELSE failed_in_a_row + 1 END
        WHERE tenant_id = $1 AND id = $2 RETURNING failed_in_a_row`,
      [tenantIdOf(manager), endpointId, isDelivered],
    );
    return row?.failed_in_a_row ?? 0;
  }

  /** Pauses an endpoint that keeps failing; true when this call paused it. */
  async pauseFailing(manager: TenantManager, endpointId: string, reason: string): Promise<boolean> {
    return (
      (await execute(
        manager,
        `UPDATE webhook_endpoints SET paused_at = now(), paused_reason = $3, updated_at = now()
          WHERE tenant_id = $1 AND id = $2 AND paused_at IS NULL`,
        [tenantIdOf(manager), endpointId, reason],
      )) > 0
    );
  }

  /** Sends a finished delivery again: back to pending, its tries kept. */
  async reopen(manager: TenantManager, endpointId: string, deliveryId: string): Promise<boolean> {
    return (
      (await execute(
        manager,
        `UPDATE endpoint_deliveries SET status = 'pending', finished_at = NULL
          WHERE tenant_id = $1 AND endpoint_id = $2 AND id = $3 AND status <> 'pending'`,
        [tenantIdOf(manager), endpointId, deliveryId],
      )) > 0
    );
  }

  async deliveryPage(
    manager: TenantManager,
    endpointId: string,
    query: { cursor?: string; limit: number },
  ): Promise<Page<EndpointDeliveryResponse>> {
    const values: unknown[] = [tenantIdOf(manager), endpointId];
    let after = '';
    if (query.cursor) {
      const [at, id] = decodeCursor(query.cursor);
      values.push(at, id);
      after = `AND (d.created_at, d.id) < ($3::timestamptz, $4::uuid)`;
    }
    values.push(query.limit + 1);
    const rows = await queryRows<DeliveryRow>(
      manager,
      `SELECT d.id, d.event_id, v.type AS event_type, d.status, d.attempts, d.last_status_code, d.last_error,
              d.last_attempt_at, d.finished_at, d.created_at
         FROM endpoint_deliveries d
         JOIN business_events v ON v.tenant_id = d.tenant_id AND v.id = d.event_id
        WHERE d.tenant_id = $1 AND d.endpoint_id = $2 ${after}
        ORDER BY d.created_at DESC, d.id DESC LIMIT $${values.length}`,
      values,
    );
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map((row) => ({
        id: row.id,
        eventId: row.event_id,
        eventType: row.event_type,
        status: row.status,
        attempts: row.attempts,
        lastStatusCode: row.last_status_code,
        lastError: row.last_error,
        lastAttemptAt: row.last_attempt_at?.toISOString() ?? null,
        finishedAt: row.finished_at?.toISOString() ?? null,
        createdAt: row.created_at.toISOString(),
      })),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last.created_at, last.id) : null,
    };
  }
}
