import { Injectable } from '@nestjs/common';
import type { AuditAction, AuditEventResponse, AuditQuery, Page } from '@rapport/domain';
import type { AuditActor } from '../access/principal';
import { ValidationFailedError } from '../errors/app-error';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';
import { pageSize } from '../database/page-query.dto';
import { execute, queryRows } from '../database/query-rows';

/** One entry of the audit trail (`audit_events`), as the console lists it. */
interface AuditEventRow {
  id: string;
  occurredAt: Date;
  actorLabel: string;
  action: AuditAction;
  target: string | null;
  details: Record<string, unknown>;
  ip: string | null;
}

/** The tenant's audit trail: who did what, when and from where. Written in the transaction of the change. */
@Injectable()
export class AuditLog {
  async record(
    manager: TenantManager,
    actor: AuditActor,
    action: AuditAction,
    target: string | null = null,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    await execute(
      manager,
      `INSERT INTO audit_events (tenant_id, actor_user_id, actor_api_key_id, actor_label, action, target, details, ip, user_agent)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        tenantIdOf(manager),
        actor.userId,
        actor.apiKeyId,
        actor.label,
        action,
        target,
        JSON.stringify(details),
        actor.client.ip,
        actor.client.userAgent?.slice(0, 500) ?? null,
      ],
    );
  }

  /** Newest first, filtered; keyset-paginated on (occurred_at, id). */
  async list(manager: TenantManager, query: AuditQuery): Promise<Page<AuditEventResponse>> {
    const limit = pageSize(query.limit);
    const values: unknown[] = [tenantIdOf(manager)];
    const where = ['tenant_id = $1'];
    const add = (condition: (placeholder: string) => string, ...parameters: unknown[]) => {
      const placeholders = parameters.map((parameter) => `$${values.push(parameter)}`);
      where.push(condition(placeholders.join(', ')));
    };
    if (query.action) add((p) => `action = ${p}`, query.action);
    if (query.actor) add((p) => `actor_label ILIKE ${p}`, `%${escapeLike(query.actor)}%`);
    if (query.from) add((p) => `occurred_at >= ${p}`, query.from);
    if (query.to) add((p) => `occurred_at < ${p}`, query.to);
    if (query.cursor) {
      const [occurredAt, id] = decodeCursor(query.cursor);
      add((p) => `(occurred_at, id) < (${p})`, occurredAt, id);
    }
    const rows = await queryRows<AuditEventRow>(
      manager,
      `SELECT id, occurred_at AS "occurredAt", actor_label AS "actorLabel", action, target, details, ip
         FROM audit_events WHERE ${where.join(' AND ')}
        ORDER BY occurred_at DESC, id DESC LIMIT $${values.length + 1}`,
      [...values, limit + 1],
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map(toResponse),
      nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
    };
  }
}

function toResponse(row: AuditEventRow): AuditEventResponse {
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    actor: row.actorLabel,
    action: row.action,
    target: row.target,
    details: row.details,
    ip: row.ip,
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function encodeCursor(row: AuditEventRow): string {
  return Buffer.from(`${row.occurredAt.toISOString()}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  const [occurredAt, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!occurredAt || !id || Number.isNaN(Date.parse(occurredAt)) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new ValidationFailedError([{ field: 'cursor', reason: 'is not a cursor from a previous page' }]);
  }
  return [occurredAt, id];
}
