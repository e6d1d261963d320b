import type { ResponseTimeFigures, ResponseTimesResponse } from '@rapport/domain';
import { queryRows } from '../database/query-rows';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';

/**
 * Time to first reply and to resolution of the cases opened in [from, to), for the business and per
 * assignee (medians, in minutes of the clock), with the counts behind them: what the weekly report shows.
 */
export async function responseTimes(
  manager: TenantManager,
  from: Date,
  to: Date,
): Promise<ResponseTimesResponse> {
  const rows = await queryRows<{
    assignee_id: string | null;
    name: string | null;
    is_total: boolean;
    opened: number;
    replied: number;
    resolved: number;
    overdue: number;
    first_reply: number | null;
    resolve: number | null;
  }>(
    manager,
    `SELECT k.assignee_id, u.name, GROUPING(k.assignee_id) = 1 AS is_total, count(*)::int AS opened,
              count(k.first_reply_at)::int AS replied, count(k.resolved_at)::int AS resolved,
              count(*) FILTER (WHERE coalesce(k.first_reply_at, k.resolved_at, now()) > k.due_at)::int AS overdue,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM k.first_reply_at - k.created_at) / 60) AS first_reply,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM k.resolved_at - k.created_at) / 60) AS resolve
         FROM cases k LEFT JOIN users u ON u.id = k.assignee_id
        WHERE k.tenant_id = $1 AND k.created_at >= $2 AND k.created_at < $3
        GROUP BY GROUPING SETS ((k.assignee_id, u.name), ())
        ORDER BY u.name NULLS LAST`,
    [tenantIdOf(manager), from, to],
  );
  const figures = (row: (typeof rows)[number] | undefined): ResponseTimeFigures => ({
    opened: row?.opened ?? 0,
    replied: row?.replied ?? 0,
    resolved: row?.resolved ?? 0,
    overdue: row?.overdue ?? 0,
    medianFirstReplyMinutes:
      row?.first_reply === null || row?.first_reply === undefined ? null : Math.round(row.first_reply),
    medianResolveMinutes:
      row?.resolve === null || row?.resolve === undefined ? null : Math.round(row.resolve),
  });
  const total = rows.find((row) => row.is_total);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    business: figures(total),
    members: rows
      .filter((row) => !row.is_total && row.assignee_id !== null)
      .map((row) => ({ id: row.assignee_id as string, name: row.name ?? '', ...figures(row) })),
  };
}
