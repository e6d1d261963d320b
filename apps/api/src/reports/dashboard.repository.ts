import { Injectable } from '@nestjs/common';
import {
  type DashboardFigures,
  type DashboardPeriod,
  recentDays,
  type DashboardResponse,
  npsScore,
  previousWeek,
  type ReportWeek,
  wallTimeAt,
  weekContaining,
} from '@rapport/domain';
import { queryRows } from '../database/query-rows';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';
import { WeeklyReportBuilder } from './weekly-report-builder';
import { ANSWER_COMMENT } from '../answers/answer-comment';
import { contactSteps } from './contact-figures';

const DAY_MS = 86_400_000;

/** The console's home, read in the business's transaction: the last 7 and 30 days, trends, latest comments. */
@Injectable()
export class DashboardRepository {
  constructor(private readonly builder: WeeklyReportBuilder) {}

  async dashboard(manager: TenantManager, now: Date): Promise<DashboardResponse> {
    const [business] = await queryRows<{ time_zone: string }>(
      manager,
      `SELECT time_zone FROM tenants WHERE id = $1`,
      [tenantIdOf(manager)],
    );
    const timeZone = business?.time_zone ?? 'UTC';
    const weeks: ReportWeek[] = [weekContaining(now, timeZone)];
    while (weeks.length < 12) weeks.unshift(previousWeek(weeks[0] as ReportWeek, timeZone));
    // Days are the business's local days: the last 7 are today and the six before it.
    const today = wallDate(now, timeZone);
    const [cases] = await queryRows<{ open: number; overdue: number }>(
      manager,
      `SELECT count(*)::int AS open, count(*) FILTER (WHERE due_at < $2)::int AS overdue
         FROM cases WHERE tenant_id = $1 AND status <> 'resolved'`,
      [tenantIdOf(manager), now],
    );
    const month = recentDays(now, 30, timeZone);
    return {
      periods: await this.periods(manager, now, timeZone),
      contacts: await contactSteps(
        manager,
        { from: month.since, to: now },
        { from: month.previousSince, to: month.since },
      ),
      openCases: cases?.open ?? 0,
      overdueCases: cases?.overdue ?? 0,
      npsTrend: await this.builder.npsByWeek(manager, weeks),
      answersPerDay: await this.builder.answersByDay(manager, daysBefore(today, 29), 30),
      latestComments: await this.latestComments(manager),
    };
  }

  /**
   * The figures of the last 7 and 30 local days, today included, and of the spans of the same length just
   * before them, in two statements: the emails sent (every kind, as the delivery card counts them) and the
   * answers from the daily roll-up.
   */
  private async periods(manager: TenantManager, now: Date, timeZone: string): Promise<DashboardPeriod[]> {
    // Four spans: [since, now) and [previousSince, since) of each length.
    const spans = [7, 30].map((days) => recentDays(now, days, timeZone));
    const starts = spans.flatMap((span) => [span.since, span.previousSince]);
    const ends = spans.flatMap((span) => [now, span.since]);
    const day = (instant: Date) => wallDate(instant, timeZone);
    const sent = await queryRows<{ span: number; sent: number; requests: number }>(
      manager,
      `SELECT p.span, count(m.id)::int AS sent,
              count(m.id) FILTER (WHERE m.kind = 'opinion-request')::int AS requests
         FROM unnest($2::timestamptz[], $3::timestamptz[]) WITH ORDINALITY AS p(first, last, span)
         LEFT JOIN messages m ON m.tenant_id = $1 AND m.sent_at >= p.first AND m.sent_at < p.last
        GROUP BY p.span`,
      [tenantIdOf(manager), starts, ends],
    );
    const rollup = await queryRows<{
      span: number;
      answers: number;
      promoters: number;
      detractors: number;
      nps_total: number;
      csat_sum: number;
      csat_count: number;
    }>(
      manager,
      `SELECT p.span, coalesce(sum(d.answers), 0)::int AS answers, coalesce(sum(d.promoters), 0)::int AS promoters,
              coalesce(sum(d.detractors), 0)::int AS detractors,
              coalesce(sum(d.promoters + d.passives + d.detractors), 0)::int AS nps_total,
              coalesce(sum(d.csat_sum), 0)::int AS csat_sum, coalesce(sum(d.csat_count), 0)::int AS csat_count
         FROM unnest($2::date[], $3::date[]) WITH ORDINALITY AS p(first, last, span)
         LEFT JOIN answer_days d ON d.tenant_id = $1 AND d.day >= p.first AND d.day < p.last
        GROUP BY p.span`,
      // The current spans end after today; the earlier ones at the day their later span starts.
      [
        tenantIdOf(manager),
        starts.map(day),
        ends.map((end, index) => (index % 2 === 0 ? '9999-12-31' : day(end))),
      ],
    );
    const figures = (span: number): DashboardFigures => {
      const messages = sent.find((row) => Number(row.span) === span);
      const row = rollup.find((item) => Number(item.span) === span);
      const requests = messages?.requests ?? 0;
      const answers = row?.answers ?? 0;
      return {
        sent: messages?.sent ?? 0,
        requests,
        answers,
        responseRate: requests > 0 ? Math.min(1, answers / requests) : null,
        nps: npsScore(row?.promoters ?? 0, row?.detractors ?? 0, row?.nps_total ?? 0),
        csat: row && row.csat_count > 0 ? Math.round((row.csat_sum / row.csat_count) * 100) / 100 : null,
      };
    };
    return spans.map((span, index) => ({
      days: span.days,
      ...figures(2 * index + 1),
      previous: figures(2 * index + 2),
    }));
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
      `SELECT a.id, c.name, ${ANSWER_COMMENT} AS comment, a.score,
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

/** The local date (YYYY-MM-DD) of an instant in a time zone. */
function wallDate(instant: Date, timeZone: string): string {
  const local = wallTimeAt(instant, timeZone);
  return `${local.year}-${String(local.month).padStart(2, '0')}-${String(local.day).padStart(2, '0')}`;
}

/** The date `count` days before `date` (YYYY-MM-DD). */
function daysBefore(date: string, count: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) - count * DAY_MS).toISOString().slice(0, 10);
}
