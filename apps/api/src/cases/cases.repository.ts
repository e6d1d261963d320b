import { Injectable } from '@nestjs/common';
import type { CaseEntryResponse, CaseListQuery, CaseResponse, CaseStatus, Page } from '@rapport/domain';
import { decodeCursor, encodeCursor } from '../database/keyset-cursor';
import { pageSize } from '../database/page-query.dto';
import { execute, queryRow, queryRows } from '../database/query-rows';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';
import { ANSWER_COMMENT } from '../answers/answer-comment';

interface CaseRow {
  id: string;
  status: CaseResponse['status'];
  reasons: string[];
  customer_id: string;
  customer_name: string;
  customer_email: string;
  assignee_id: string | null;
  assignee_name: string | null;
  score: number | null;
  score_type: CaseResponse['scoreType'];
  comment: string | null;
  due_at: Date;
  created_at: Date;
  first_reply_at: Date | null;
  resolved_at: Date | null;
  resolution: string | null;
  answer_id: string;
  order_id: string | null;
}

const CASE_SELECT = `
  SELECT k.id, k.status, k.reasons, k.customer_id, c.name AS customer_name, c.email AS customer_email,
         k.assignee_id, u.name AS assignee_name, a.score, a.score_type, ${ANSWER_COMMENT} AS comment, k.due_at, k.created_at,
         k.first_reply_at, k.resolved_at, k.resolution, k.answer_id, k.order_id
    FROM cases k
    JOIN customers c ON c.tenant_id = k.tenant_id AND c.id = k.customer_id
    JOIN answers a ON a.tenant_id = k.tenant_id AND a.id = k.answer_id
    LEFT JOIN users u ON u.id = k.assignee_id`;

const iso = (value: Date | null): string | null => (value ? new Date(value).toISOString() : null);

function toCase(row: CaseRow, now: Date): CaseResponse {
  return {
    id: row.id,
    status: row.status,
    reasons: row.reasons,
    customer: { id: row.customer_id, name: row.customer_name, email: row.customer_email },
    assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? '' } : null,
    score: row.score,
    scoreType: row.score_type,
    comment: row.comment,
    dueAt: new Date(row.due_at).toISOString(),
    isOverdue: row.status !== 'resolved' && new Date(row.due_at).getTime() < now.getTime(),
    createdAt: new Date(row.created_at).toISOString(),
    firstReplyAt: iso(row.first_reply_at),
    resolvedAt: iso(row.resolved_at),
    resolution: row.resolution,
  };
}

/** Cases as the console lists and shows them. */
@Injectable()
export class CasesRepository {
  /** Unresolved first, the soonest due first; resolved ones after, by due time as well. */
  async list(
    manager: TenantManager,
    query: CaseListQuery,
    userId: string | null,
    now: Date,
  ): Promise<Page<CaseResponse>> {
    const limit = pageSize(query.limit);
    const values: unknown[] = [tenantIdOf(manager)];
    const where = ['k.tenant_id = $1'];
    if (query.status) {
      values.push(query.status);
      where.push(`k.status = $${values.length}`);
    }
    if (query.unresolved) where.push(`k.status <> 'resolved'`);
    if (query.mine) {
      values.push(userId);
      where.push(`k.assignee_id = $${values.length}`);
    }
    if (query.overdue) {
      values.push(now);
      where.push(`k.status <> 'resolved' AND k.due_at < $${values.length}`);
    }
    if (query.cursor) {
      const [at, id] = decodeCursor(query.cursor);
      values.push(at, id);
      where.push(`(k.due_at, k.id) > ($${values.length - 1}::timestamptz, $${values.length}::uuid)`);
    }
    values.push(limit + 1);
    const rows = await queryRows<CaseRow>(
      manager,
      `${CASE_SELECT} WHERE ${where.join(' AND ')} ORDER BY k.due_at, k.id LIMIT $${values.length}`,
      values,
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((row) => toCase(row, now)),
      nextCursor: rows.length > limit && last ? encodeCursor(last.due_at, last.id) : null,
    };
  }

  /** Where a case's clock stands: whether the team still owes an answer, by when, and whose it is. */
  deadlineState(
    manager: TenantManager,
    id: string,
  ): Promise<{ status: CaseStatus; due_at: Date; assignee_id: string | null } | null> {
    return queryRow<{ status: CaseStatus; due_at: Date; assignee_id: string | null }>(
      manager,
      `SELECT status, due_at, assignee_id FROM cases WHERE tenant_id = $1 AND id = $2`,
      [tenantIdOf(manager), id],
    );
  }

  async find(
    manager: TenantManager,
    id: string,
    now: Date,
  ): Promise<(CaseResponse & { answerId: string; orderId: string | null }) | null> {
    const row = await queryRow<CaseRow>(manager, `${CASE_SELECT} WHERE k.tenant_id = $1 AND k.id = $2`, [
      tenantIdOf(manager),
      id,
    ]);
    return row ? { ...toCase(row, now), answerId: row.answer_id, orderId: row.order_id } : null;
  }

  /** The survey version the case's answer was to: what asking again repeats. */
  async surveyVersionOf(manager: TenantManager, caseId: string): Promise<string | null> {
    const row = await queryRow<{ survey_version_id: string | null }>(
      manager,
      `SELECT a.survey_version_id FROM cases k JOIN answers a ON a.tenant_id = k.tenant_id AND a.id = k.answer_id
        WHERE k.tenant_id = $1 AND k.id = $2`,
      [tenantIdOf(manager), caseId],
    );
    return row?.survey_version_id ?? null;
  }

  async entries(manager: TenantManager, caseId: string): Promise<CaseEntryResponse[]> {
    const rows = await queryRows<{
      id: string;
      kind: CaseEntryResponse['kind'];
      author: string | null;
      body: string;
      status: string | null;
      skip_reason: string | null;
      created_at: Date;
    }>(
      manager,
      `SELECT e.id, e.kind, u.name AS author, e.body, m.status, m.skip_reason, e.created_at
         FROM case_entries e
         LEFT JOIN users u ON u.id = e.author_id
         LEFT JOIN messages m ON m.tenant_id = e.tenant_id AND m.id = e.message_id
        WHERE e.tenant_id = $1 AND e.case_id = $2
        ORDER BY e.created_at, e.id`,
      [tenantIdOf(manager), caseId],
    );
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      author: row.author,
      body: row.body,
      delivery: row.kind === 'reply' ? (row.skip_reason ?? row.status) : null,
      createdAt: new Date(row.created_at).toISOString(),
    }));
  }

  async addEntry(
    manager: TenantManager,
    caseId: string,
    entry: { kind: CaseEntryResponse['kind']; authorId: string | null; body: string; messageId?: string },
    at: Date = new Date(),
  ): Promise<void> {
    await execute(
      manager,
      `INSERT INTO case_entries (tenant_id, case_id, kind, author_id, body, message_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [tenantIdOf(manager), caseId, entry.kind, entry.authorId, entry.body, entry.messageId ?? null, at],
    );
  }

  /** Opens the case of a low answer, one per answer; null when the answer has one already. */
  async open(
    manager: TenantManager,
    opening: {
      answerId: string;
      customerId: string;
      orderId: string | null;
      reasons: string[];
      assigneeId: string | null;
      dueAt: Date;
    },
    at: Date,
  ): Promise<{ id: string; buyerName: string } | null> {
    const [opened] = await queryRows<{ id: string; buyerName: string }>(
      manager,
      `INSERT INTO cases (tenant_id, answer_id, customer_id, order_id, reasons, assignee_id, due_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
       ON CONFLICT (tenant_id, answer_id) DO NOTHING
       RETURNING id, (SELECT name FROM customers WHERE tenant_id = $1 AND id = $3) AS "buyerName"`,
      [
        tenantIdOf(manager),
        opening.answerId,
        opening.customerId,
        opening.orderId,
        opening.reasons,
        opening.assigneeId,
        opening.dueAt,
        at,
      ],
    );
    return opened ?? null;
  }

  async assign(manager: TenantManager, id: string, assigneeId: string | null, at: Date): Promise<void> {
    await execute(
      manager,
      `UPDATE cases SET assignee_id = $3, updated_at = $4 WHERE tenant_id = $1 AND id = $2`,
      [tenantIdOf(manager), id, assigneeId, at],
    );
  }

  /** A resolved case keeps how it was resolved and when; any other status clears both. */
  async setStatus(
    manager: TenantManager,
    id: string,
    status: CaseStatus,
    resolution: string | null,
    at: Date,
  ): Promise<void> {
    await execute(
      manager,
      `UPDATE cases SET status = $3, resolution = $4,
              resolved_at = CASE WHEN $3 = 'resolved' THEN $5::timestamptz END, updated_at = $5
        WHERE tenant_id = $1 AND id = $2`,
      [tenantIdOf(manager), id, status, status === 'resolved' ? resolution : null, at],
    );
  }

  /** Staff replied to the buyer: the first reply is timed, and an open case now waits for the buyer. */
  async markReplied(manager: TenantManager, id: string, at: Date): Promise<void> {
    await execute(
      manager,
      `UPDATE cases SET first_reply_at = coalesce(first_reply_at, $3),
              status = CASE WHEN status = 'open' THEN 'waiting' ELSE status END, updated_at = $3
        WHERE tenant_id = $1 AND id = $2`,
      [tenantIdOf(manager), id, at],
    );
  }

  /** The buyer wrote back: a case waiting on them, or closed, needs a person again. */
  async reopenForBuyer(manager: TenantManager, id: string): Promise<void> {
    await execute(
      manager,
      `UPDATE cases SET status = 'open', resolved_at = NULL, resolution = NULL, updated_at = now()
        WHERE tenant_id = $1 AND id = $2 AND status <> 'open'`,
      [tenantIdOf(manager), id],
    );
  }

  /** Erasure: what the buyers wrote and what staff wrote to or about them goes; the status trail stays. */
  async eraseBuyerTexts(manager: TenantManager, customerIds: string[]): Promise<void> {
    await execute(
      manager,
      `UPDATE case_entries SET body = '[erased]'
        WHERE tenant_id = $1 AND kind <> 'status'
          AND case_id IN (SELECT id FROM cases WHERE tenant_id = $1 AND customer_id = ANY($2::uuid[]))`,
      [tenantIdOf(manager), customerIds],
    );
  }
}
