import { Injectable } from '@nestjs/common';
import type {
  InteractionEvent,
  InteractionListQuery,
  InteractionSource,
  InteractionStatus,
  InteractionType,
} from '@rapport/domain';
import { escapeLike } from '../database/escape-like';
import { decodeCursor, encodeCursor } from '../database/keyset-cursor';
import { pageSize } from '../database/page-query.dto';
import { execute, queryRow, queryRows } from '../database/query-rows';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';
import { type EnquiryAnswerRow, INTERACTION_SELECT, type InteractionRow } from './interaction-row';

export interface NewInteraction {
  customerId: string;
  type: InteractionType;
  source: InteractionSource;
  externalId: string;
  status: InteractionStatus;
  details: InteractionDetails;
  occurredAt: Date;
  dueAt: Date | null;
}

/** What an update from the sender may change; the status moves only through events. */
export interface InteractionDetails {
  subject: string;
  message: string;
  amount: string | null;
  currency: string | null;
  validUntil: Date | null;
  startsAt: Date | null;
}

/** An event still to plan, with what the planner needs about its interaction. */
export interface InteractionEventToPlan {
  id: string;
  interaction_id: string;
  customer_id: string;
  type: InteractionEvent;
  occurred_at: Date;
  interaction_type: InteractionType;
  /** The interaction's status now (it may have moved on since the step). */
  status: InteractionStatus;
  amount: string | null;
  tags: string[];
  locale: string | null;
}

/** The owner of `interactions` and `interaction_events`: every statement on them, in the caller's transaction. */
@Injectable()
export class InteractionsRepository {
  async findByExternalId(
    manager: TenantManager,
    source: InteractionSource,
    type: InteractionType,
    externalId: string,
  ): Promise<InteractionRow | null> {
    return queryRow<InteractionRow>(
      manager,
      `${INTERACTION_SELECT}
        WHERE i.tenant_id = $1 AND i.source = $2 AND i.type = $3 AND i.external_id = $4 FOR UPDATE OF i`,
      [tenantIdOf(manager), source, type, externalId],
    );
  }

  async findById(manager: TenantManager, id: string, forUpdate = false): Promise<InteractionRow | null> {
    return queryRow<InteractionRow>(
      manager,
      `${INTERACTION_SELECT} WHERE i.tenant_id = $1 AND i.id = $2 ${forUpdate ? 'FOR UPDATE OF i' : ''}`,
      [tenantIdOf(manager), id],
    );
  }

  async insert(manager: TenantManager, interaction: NewInteraction): Promise<string> {
    const { details } = interaction;
    const row = await queryRow<{ id: string }>(
      manager,
      `INSERT INTO interactions (tenant_id, customer_id, type, source, external_id, status, subject, message,
                                 amount, currency, valid_until, starts_at, occurred_at, due_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [
        tenantIdOf(manager),
        interaction.customerId,
        interaction.type,
        interaction.source,
        interaction.externalId,
        interaction.status,
        details.subject,
        details.message,
        details.amount,
        details.currency,
        details.validUntil,
        details.startsAt,
        interaction.occurredAt,
        interaction.dueAt,
      ],
    );
    if (!row) throw new Error('the interaction was not inserted');
    return row.id;
  }

  async updateDetails(manager: TenantManager, id: string, details: InteractionDetails): Promise<void> {
    await execute(
      manager,
      `UPDATE interactions
          SET subject = $3, message = $4, amount = $5, currency = $6, valid_until = $7, starts_at = $8,
              updated_at = now()
        WHERE tenant_id = $1 AND id = $2
          AND (subject, message, amount, currency, valid_until, starts_at)
              IS DISTINCT FROM ($3, $4, $5::numeric, $6, $7::timestamptz, $8::timestamptz)`,
      [
        tenantIdOf(manager),
        id,
        details.subject,
        details.message,
        details.amount,
        details.currency,
        details.validUntil,
        details.startsAt,
      ],
    );
  }

  /** Records the events (each once) and the new status; an answer stamps when the enquiry was first answered. */
  async applyEvents(
    manager: TenantManager,
    id: string,
    status: InteractionStatus,
    events: InteractionEvent[],
    at: Date,
    source: string,
  ): Promise<void> {
    for (const event of events) {
      await execute(
        manager,
        `INSERT INTO interaction_events (tenant_id, interaction_id, type, occurred_at, source)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tenant_id, interaction_id, type) DO NOTHING`,
        [tenantIdOf(manager), id, event, at, source],
      );
    }
    await execute(
      manager,
      `UPDATE interactions
          SET status = $3, updated_at = now(),
              answered_at = CASE WHEN $3 = 'answered' THEN coalesce(answered_at, $4) ELSE answered_at END
        WHERE tenant_id = $1 AND id = $2 AND status <> $3`,
      [tenantIdOf(manager), id, status, at],
    );
  }

  async list(
    manager: TenantManager,
    query: InteractionListQuery,
  ): Promise<{ rows: InteractionRow[]; nextCursor: string | null }> {
    const limit = pageSize(query.limit);
    // The inbox of open enquiries reads soonest due first; everything else newest first.
    const isInbox = query.type === 'enquiry' && query.status === 'open';
    const [key, direction] = isInbox ? ['i.due_at', 'ASC'] : ['i.occurred_at', 'DESC'];
    const values: unknown[] = [tenantIdOf(manager)];
    const where = ['i.tenant_id = $1'];
    const add = (value: unknown, condition: (parameter: string) => string) => {
      values.push(value);
      where.push(condition(`$${values.length}`));
    };
    if (query.type) add(query.type, (p) => `i.type = ${p}`);
    if (query.status) add(query.status, (p) => `i.status = ${p}`);
    if (query.customerId) add(query.customerId, (p) => `i.customer_id = ${p}`);
    if (query.search?.trim())
      add(
        `%${escapeLike(query.search.trim().toLowerCase())}%`,
        (p) => `(lower(i.subject) LIKE ${p} OR lower(c.name || ' ' || c.email) LIKE ${p})`,
      );
    if (query.cursor) {
      const [at, id] = decodeCursor(query.cursor);
      values.push(at, id);
      where.push(
        `(${key}, i.id) ${direction === 'ASC' ? '>' : '<'} ($${values.length - 1}::timestamptz, $${values.length}::uuid)`,
      );
    }
    values.push(limit + 1);
    const rows = await queryRows<InteractionRow>(
      manager,
      `${INTERACTION_SELECT} WHERE ${where.join(' AND ')}
        ORDER BY ${key} ${direction}, i.id ${direction} LIMIT $${values.length}`,
      values,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const lastKey = last ? (isInbox ? last.due_at : last.occurred_at) : null;
    return {
      rows: page,
      nextCursor: rows.length > limit && last && lastKey ? encodeCursor(lastKey, last.id) : null,
    };
  }

  /** Staff's answers to these enquiries, oldest first (read from the outbox, which owns them). */
  answers(manager: TenantManager, interactionIds: string[]): Promise<EnquiryAnswerRow[]> {
    if (interactionIds.length === 0) return Promise.resolve([]);
    return queryRows<EnquiryAnswerRow>(
      manager,
      `SELECT interaction_id, created_at, body_text, status FROM messages
        WHERE tenant_id = $1 AND interaction_id = ANY($2::uuid[]) AND kind = 'enquiry-reply'
        ORDER BY created_at, id`,
      [tenantIdOf(manager), interactionIds],
    );
  }

  /** One event not planned yet, locked until the planner is done with it; null when planned meanwhile. */
  eventToPlan(manager: TenantManager, eventId: string): Promise<InteractionEventToPlan | null> {
    return queryRow<InteractionEventToPlan>(
      manager,
      `SELECT e.id, e.interaction_id, i.customer_id, e.type, e.occurred_at, i.type AS interaction_type,
              i.status, i.amount::text AS amount, c.tags, c.locale
         FROM interaction_events e
         JOIN interactions i ON i.tenant_id = e.tenant_id AND i.id = e.interaction_id
         JOIN customers c ON c.tenant_id = i.tenant_id AND c.id = i.customer_id
        WHERE e.tenant_id = $1 AND e.id = $2 AND e.planned_at IS NULL
          FOR UPDATE OF e`,
      [tenantIdOf(manager), eventId],
    );
  }

  /** One business's events not planned yet that occurred by `now`, oldest first. */
  async unplannedBy(manager: TenantManager, now: Date): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `SELECT id FROM interaction_events WHERE tenant_id = $1 AND planned_at IS NULL AND occurred_at <= $2
        ORDER BY occurred_at, id`,
      [tenantIdOf(manager), now],
    );
    return rows.map((row) => row.id);
  }

  /** Whether the person sent these very words as an enquiry within the last hour (a double post). */
  async hasRecentSame(
    manager: TenantManager,
    customerId: string,
    message: string,
    now: Date,
  ): Promise<boolean> {
    const row = await queryRow<{ found: boolean }>(
      manager,
      `SELECT EXISTS (SELECT 1 FROM interactions
                       WHERE tenant_id = $1 AND customer_id = $2 AND type = 'enquiry' AND message = $3
                         AND occurred_at > $4::timestamptz - interval '1 hour') AS found`,
      [tenantIdOf(manager), customerId, message.trim(), now],
    );
    return row?.found ?? false;
  }

  /** What erased people wrote or were quoted for goes; the steps and amounts stay, anonymous. */
  async eraseTexts(manager: TenantManager, customerIds: string[]): Promise<void> {
    await execute(
      manager,
      `UPDATE interactions SET subject = '', message = '', updated_at = now()
        WHERE tenant_id = $1 AND customer_id = ANY($2::uuid[])`,
      [tenantIdOf(manager), customerIds],
    );
  }

  async markPlanned(manager: TenantManager, eventId: string): Promise<void> {
    await execute(
      manager,
      `UPDATE interaction_events SET planned_at = now() WHERE tenant_id = $1 AND id = $2`,
      [tenantIdOf(manager), eventId],
    );
  }
}
