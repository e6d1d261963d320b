import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  addDays,
  type DashboardPeriod,
  instantAt,
  type DashboardResponse,
  npsScore,
  previousWeek,
  type ReportWeek,
  wallTimeAt,
  weekContaining,
} from '@rapport/domain';
import { CurrentTenant, RequirePermission } from '../auth/access.decorators';
import { queryRows } from '../database/query-rows';
import { TenantDatabase, type TenantManager, tenantIdOf } from '../tenancy/tenant-database';
import { WeeklyReportBuilder } from './weekly-report-builder';

const DAY_MS = 86_400_000;

/** The console's home: the last 7 and 30 days at a glance, the NPS trend, answers per day, latest comments. */
@ApiTags('reports')
@Controller('dashboard')
export class DashboardController {
  constructor(
    private readonly database: TenantDatabase,
    private readonly builder: WeeklyReportBuilder,
  ) {}

  @RequirePermission('business:read')
  @Get()
  dashboard(@CurrentTenant() tenantId: string): Promise<DashboardResponse> {
    return this.database.transaction(tenantId, async (manager) => {
      const now = new Date();
      const [business] = await queryRows<{ time_zone: string }>(
        manager,
        `SELECT time_zone FROM tenants WHERE id = $1`,
        [tenantIdOf(manager)],
      );
      const timeZone = business?.time_zone ?? 'UTC';
      const weeks: ReportWeek[] = [weekContaining(now, timeZone)];
      while (weeks.length < 12) weeks.unshift(previousWeek(weeks[0] as ReportWeek, timeZone));
      // The 30 local days up to today: from the local midnight 29 days before today.
      const local = wallTimeAt(now, timeZone);
      const firstDay = instantAt(addDays(local, -29), { hour: 0, minute: 0 }, timeZone);
      const [cases] = await queryRows<{ open: number; overdue: number }>(
        manager,
        `SELECT count(*)::int AS open, count(*) FILTER (WHERE due_at < $2)::int AS overdue
           FROM cases WHERE tenant_id = $1 AND status <> 'resolved'`,
        [tenantIdOf(manager), now],
      );
      return {
        periods: [await this.period(manager, now, 7), await this.period(manager, now, 30)],
        openCases: cases?.open ?? 0,
        overdueCases: cases?.overdue ?? 0,
        npsTrend: await this.builder.npsByWeek(manager, weeks),
        answersPerDay: await this.builder.answersByDay(manager, firstDay, 30, timeZone),
        latestComments: await this.latestComments(manager),
      };
    });
  }

  private async period(manager: TenantManager, now: Date, days: number): Promise<DashboardPeriod> {
    const since = new Date(now.getTime() - days * DAY_MS);
    const [row] = await queryRows<{
      sent: number;
      requests: number;
      answers: number;
      promoters: number;
      detractors: number;
      nps_total: number;
      csat: string | null;
    }>(
      manager,
      `SELECT (SELECT count(*)::int FROM messages WHERE tenant_id = $1 AND sent_at >= $2 AND kind <> 'case-reply') AS sent,
              (SELECT count(*)::int FROM messages WHERE tenant_id = $1 AND sent_at >= $2 AND kind = 'opinion-request') AS requests,
              count(*)::int AS answers,
              count(*) FILTER (WHERE score_type = 'nps' AND band = 'promoter')::int AS promoters,
              count(*) FILTER (WHERE score_type = 'nps' AND band = 'detractor')::int AS detractors,
              count(*) FILTER (WHERE score_type = 'nps')::int AS nps_total,
              round(avg(score) FILTER (WHERE score_type = 'csat'), 2) AS csat
         FROM answers WHERE tenant_id = $1 AND answered_at >= $2`,
      [tenantIdOf(manager), since],
    );
    const requests = row?.requests ?? 0;
    return {
      days,
      sent: row?.sent ?? 0,
      requests,
      answers: row?.answers ?? 0,
      responseRate: requests > 0 ? Math.min(1, (row?.answers ?? 0) / requests) : null,
      nps: npsScore(row?.promoters ?? 0, row?.detractors ?? 0, row?.nps_total ?? 0),
      csat: row?.csat === null || row?.csat === undefined ? null : Number(row.csat),
    };
  }

  private async latestComments(manager: TenantManager): Promise<DashboardResponse['latestComments']> {
    const rows = await queryRows<{
      id: string;
      name: string;
      comment: string;
      score: number | null;
      score_type: 'nps' | 'csat' | null;
      band: 'promoter' | 'passive' | 'detractor' | null;
      answered_at: Date;
    }>(
      manager,
      `SELECT a.id, c.name, nullif(concat_ws(E'\\n\\n', a.comment, a.reply_comment), '') AS comment, a.score,
              a.score_type, a.band, a.answered_at
         FROM answers a JOIN customers c ON c.tenant_id = a.tenant_id AND c.id = a.customer_id
        WHERE a.tenant_id = $1 AND (a.comment IS NOT NULL OR a.reply_comment IS NOT NULL)
        ORDER BY a.answered_at DESC LIMIT 5`,
      [tenantIdOf(manager)],
    );
    return rows.map((row) => ({
      answerId: row.id,
      customerName: row.name,
      comment: row.comment,
      score: row.score,
      scoreType: row.score_type,
      band: row.band,
      answeredAt: new Date(row.answered_at).toISOString(),
    }));
  }
}
