import { Injectable } from '@nestjs/common';
import type { CaseEntryResponse, CaseListQuery, CaseResponse, Page } from '@rapport/domain';
import { decodeCursor, encodeCursor } from '../database/keyset-cursor';
import { pageSize } from '../database/page-query.dto';
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
    const rows: CaseRow[] = await manager.query(
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

  async find(
    manager: TenantManager,
    id: string,
    now: Date,
  ): Promise<(CaseResponse & { answerId: string; orderId: string | null }) | null> {
    const [row]: CaseRow[] = await manager.query(`${CASE_SELECT} WHERE k.tenant_id = $1 AND k.id = $2`, [
      tenantIdOf(manager),
      id,
    ]);
    return row ? { ...toCase(row, now), answerId: row.answer_id, orderId: row.order_id } : null;
  }

  async entries(manager: TenantManager, caseId: string): Promise<CaseEntryResponse[]> {
    const rows: {
      id: string;
      kind: CaseEntryResponse['kind'];
      author: string | null;
      body: string;
      status: string | null;
      skip_reason: string | null;
      created_at: Date;
    }[] = await manager.query(
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
    await manager.query(
      `INSERT INTO case_entries (tenant_id, case_id, kind, author_id, body, message_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [tenantIdOf(manager), caseId, entry.kind, entry.authorId, entry.body, entry.messageId ?? null, at],
    );
  }
}
