import { Injectable } from '@nestjs/common';
import {
  deliverabilityWarning,
  FUNNEL_STEPS,
  type FunnelKey,
  isQuietWeek,
  npsScore,
  previousWeek,
  type ReportComment,
  type ReportWeek,
  type WeeklyReportContent,
} from '@rapport/domain';
import { responseTimes } from '../cases/response-times';
import { contactSteps, medianEnquiryAnswerMinutes } from './contact-figures';
import { queryRows } from '../database/query-rows';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';
import { ANSWER_COMMENT } from '../answers/answer-comment';

const TREND_WEEKS = 12;
const CASE_ITEMS = 10;
const DELIVERED = `('delivered', 'opened', 'clicked')`;

const dateOf = (instant: Date, timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );

/**
 * Computes one business's weekly report from its rows, inside its own transaction: a handful of aggregate
 * queries over the week (and the week before, and twelve weeks for the trend), each on an index that starts
 * with the business.
 */
@Injectable()
export class WeeklyReportBuilder {
  async build(manager: TenantManager, week: ReportWeek, now: Date): Promise<WeeklyReportContent> {
    const tenantId = tenantIdOf(manager);
    const [business] = await queryRows<{ name: string; time_zone: string }>(
      manager,
      `SELECT name, time_zone FROM tenants WHERE id = $1`,
      [tenantId],
    );
    const timeZone = business?.time_zone ?? 'UTC';
    const before = previousWeek(week, timeZone);
    const funnel = await this.funnel(manager, week, before);
    const trendWeeks = [week];
    while (trendWeeks.length < TREND_WEEKS)
      trendWeeks.unshift(previousWeek(trendWeeks[0] as ReportWeek, timeZone));
    const trend = await this.npsByWeek(manager, trendWeeks);
    const cases = await this.openCases(manager, now);
    const figures = await responseTimes(manager, week.from, week.to);
    const deliverability = await this.deliverability(manager, week);
    const contacts = await contactSteps(manager, week, before);
    const [thisWeek, lastWeek] = [trend.at(-1), trend.at(-2)];
    return {
      business: { name: business?.name ?? '', timeZone },
      week: { start: week.weekStart, end: dateOf(new Date(week.to.getTime() - 3_600_000), timeZone) },
      generatedAt: now.toISOString(),
      isQuiet: isQuietWeek(funnel, cases.open, contacts),
      funnel,
      nps: {
        score: thisWeek?.score ?? null,
        responses: thisWeek?.responses ?? 0,
        previousScore: lastWeek?.score ?? null,
      },
      csat: await this.csat(manager, week),
      npsTrend: trend,
      answersPerDay: await this.answersPerDay(manager, week),
      products: await this.products(manager, week),
      bestComments: await this.comments(manager, week, 'best'),
      worstComments: await this.comments(manager, week, 'worst'),
      cases,
      responseTimes: figures.business,
      contacts,
      medianEnquiryAnswerMinutes: await medianEnquiryAnswerMinutes(manager, week.from, week.to),
      deliverability,
    };
  }

  private async funnel(
    manager: TenantManager,
    week: ReportWeek,
    before: ReportWeek,
  ): Promise<WeeklyReportContent['funnel']> {
    const periods = [week, before];
    // One after the other: both run on the transaction's single connection.
    const counts: Record<FunnelKey, number>[] = [];
    for (const period of periods) {
      const [row] = await queryRows<Record<FunnelKey, number>>(
        manager,
        `SELECT
             (SELECT count(*)::int FROM orders WHERE tenant_id = $1 AND placed_at >= $2 AND placed_at < $3) AS "orders",
             (SELECT count(*)::int FROM messages WHERE tenant_id = $1 AND kind = 'thank-you' AND sent_at >= $2 AND sent_at < $3) AS "thankYous",
             (SELECT count(*)::int FROM messages WHERE tenant_id = $1 AND kind = 'opinion-request' AND sent_at >= $2 AND sent_at < $3) AS "requests",
             (SELECT count(*)::int FROM messages WHERE tenant_id = $1 AND kind = 'opinion-request' AND sent_at >= $2 AND sent_at < $3
                 AND status IN ${DELIVERED}) AS "delivered",
             (SELECT count(*)::int FROM answers WHERE tenant_id = $1 AND answered_at >= $2 AND answered_at < $3) AS "answered",
             (SELECT count(*)::int FROM cases WHERE tenant_id = $1 AND created_at >= $2 AND created_at < $3) AS "casesOpened",
             (SELECT count(*)::int FROM cases WHERE tenant_id = $1 AND resolved_at >= $2 AND resolved_at < $3) AS "casesResolved",
             (SELECT count(*)::int FROM answers WHERE tenant_id = $1 AND review_clicked_at >= $2 AND review_clicked_at < $3) AS "reviews"`,
        [tenantIdOf(manager), period.from, period.to],
      );
      counts.push(row as Record<FunnelKey, number>);
    }
    const [current, previous] = counts as [Record<FunnelKey, number>, Record<FunnelKey, number>];
    return FUNNEL_STEPS.map((step) => ({
      key: step.key,
      label: step.label,
      count: current[step.key],
      previous: previous[step.key],
    }));
  }

  /** NPS per week (from the daily roll-up), in the weeks' order; a week without answers has none. */
  async npsByWeek(manager: TenantManager, weeks: ReportWeek[]): Promise<WeeklyReportContent['npsTrend']> {
    const rows = await queryRows<{ i: string; promoters: number; detractors: number; total: number }>(
      manager,
      `SELECT w.i, coalesce(sum(d.promoters), 0)::int AS promoters, coalesce(sum(d.detractors), 0)::int AS detractors,
              coalesce(sum(d.promoters + d.passives + d.detractors), 0)::int AS total
         FROM unnest($2::date[]) WITH ORDINALITY AS w(starts, i)
         LEFT JOIN answer_days d ON d.tenant_id = $1 AND d.day >= w.starts AND d.day < w.starts + 7
        GROUP BY w.i ORDER BY w.i`,
      [tenantIdOf(manager), weeks.map((week) => week.weekStart)],
    );
    return weeks.map((week, index) => {
      const row = rows[index];
      return {
        weekStart: week.weekStart,
        score: npsScore(row?.promoters ?? 0, row?.detractors ?? 0, row?.total ?? 0),
        responses: row?.total ?? 0,
      };
    });
  }

  private async csat(manager: TenantManager, week: ReportWeek): Promise<WeeklyReportContent['csat']> {
    const [row] = await queryRows<{ average: string | null; satisfied: number; total: number }>(
      manager,
      `SELECT round(avg(score), 2) AS average, count(*) FILTER (WHERE score >= 4)::int AS satisfied, count(*)::int AS total
         FROM answers WHERE tenant_id = $1 AND score_type = 'csat' AND answered_at >= $2 AND answered_at < $3`,
      [tenantIdOf(manager), week.from, week.to],
    );
    const total = row?.total ?? 0;
    return {
      average: row?.average === null || row?.average === undefined ? null : Number(row.average),
      satisfiedShare: total > 0 ? (row?.satisfied ?? 0) / total : null,
      responses: total,
    };
  }

  private answersPerDay(
    manager: TenantManager,
    week: ReportWeek,
  ): Promise<WeeklyReportContent['answersPerDay']> {
    return this.answersByDay(manager, week.weekStart, 7);
  }

  /** Answers per local day (from the daily roll-up) for `days` days from `firstDate` (YYYY-MM-DD). */
  async answersByDay(
    manager: TenantManager,
    firstDate: string,
    days: number,
  ): Promise<WeeklyReportContent['answersPerDay']> {
    const rows = await queryRows<{ day: string; answers: number }>(
      manager,
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, answers FROM answer_days
        WHERE tenant_id = $1 AND day >= $2::date AND day < $2::date + $3::int`,
      [tenantIdOf(manager), firstDate, days],
    );
    const counts = new Map(rows.map((row) => [row.day, row.answers]));
    const first = new Date(`${firstDate}T12:00:00Z`);
    return Array.from({ length: days }, (_, day) => {
      const date = new Date(first.getTime() + day * 86_400_000).toISOString().slice(0, 10);
      return { date, count: counts.get(date) ?? 0 };
    });
  }

  private async products(manager: TenantManager, week: ReportWeek): Promise<WeeklyReportContent['products']> {
    const rows = await queryRows<{ name: string; average: string; ratings: number }>(
      manager,
      `SELECT r.product_name AS name, round(avg(r.rating), 2) AS average, count(*)::int AS ratings
         FROM answer_ratings r JOIN answers a ON a.tenant_id = r.tenant_id AND a.id = r.answer_id
        WHERE r.tenant_id = $1 AND a.answered_at >= $2 AND a.answered_at < $3
        GROUP BY r.product_name ORDER BY avg(r.rating) DESC, count(*) DESC, r.product_name`,
      [tenantIdOf(manager), week.from, week.to],
    );
    return rows.map((row) => ({ name: row.name, average: Number(row.average), ratings: row.ratings }));
  }

  /** The three best (promoters' highest scores) or worst (detractors' lowest) comments of the week. */
  private async comments(
    manager: TenantManager,
    week: ReportWeek,
    which: 'best' | 'worst',
  ): Promise<ReportComment[]> {
    const rows = await queryRows<{
      name: string;
      product: string | null;
      comment: string;
      score: number | null;
      score_type: 'nps' | 'csat' | null;
    }>(
      manager,
      `SELECT c.name, ${ANSWER_COMMENT} AS comment, a.score, a.score_type,
              coalesce((SELECT r.product_name FROM answer_ratings r WHERE r.tenant_id = a.tenant_id AND r.answer_id = a.id
                         ORDER BY r.rating ${which === 'best' ? 'DESC' : 'ASC'} LIMIT 1),
                       (SELECT l.product_name FROM order_lines l WHERE l.tenant_id = a.tenant_id AND l.order_id = a.order_id
                         ORDER BY l.unit_price * l.quantity DESC LIMIT 1)) AS product
         FROM answers a JOIN customers c ON c.tenant_id = a.tenant_id AND c.id = a.customer_id
        WHERE a.tenant_id = $1 AND a.answered_at >= $2 AND a.answered_at < $3
          AND (a.comment IS NOT NULL OR a.reply_comment IS NOT NULL)
          AND a.band = $4
        ORDER BY a.score ${which === 'best' ? 'DESC' : 'ASC'}, a.answered_at DESC
        LIMIT 3`,
      [tenantIdOf(manager), week.from, week.to, which === 'best' ? 'promoter' : 'detractor'],
    );
    return rows.map((row) => ({
      firstName: row.name.trim().split(/\s+/)[0] ?? '',
      product: row.product,
      comment: row.comment,
      score: row.score,
      scoreType: row.score_type,
    }));
  }

  private async openCases(manager: TenantManager, now: Date): Promise<WeeklyReportContent['cases']> {
    const rows = await queryRows<{
      id: string;
      name: string;
      reasons: string[];
      due_at: Date;
      total: number;
      overdue: number;
    }>(
      manager,
      `SELECT k.id, c.name, k.reasons, k.due_at, count(*) OVER ()::int AS total,
              count(*) FILTER (WHERE k.due_at < $2) OVER ()::int AS overdue
         FROM cases k JOIN customers c ON c.tenant_id = k.tenant_id AND c.id = k.customer_id
        WHERE k.tenant_id = $1 AND k.status <> 'resolved'
        ORDER BY k.due_at LIMIT ${CASE_ITEMS}`,
      [tenantIdOf(manager), now],
    );
    return {
      open: rows[0]?.total ?? 0,
      overdue: rows[0]?.overdue ?? 0,
      items: rows.map((row) => ({
        id: row.id,
        buyer: row.name,
        reasons: row.reasons.join(', '),
        dueAt: new Date(row.due_at).toISOString(),
        isOverdue: new Date(row.due_at).getTime() < now.getTime(),
      })),
    };
  }

  private async deliverability(
    manager: TenantManager,
    week: ReportWeek,
  ): Promise<WeeklyReportContent['deliverability']> {
    const [row] = await queryRows<{
      sent: number;
      delivered: number;
      bounced: number;
      complained: number;
      unsubscribed: number;
    }>(
      manager,
      `SELECT count(*)::int AS sent, count(*) FILTER (WHERE status IN ${DELIVERED})::int AS delivered,
              count(*) FILTER (WHERE status = 'bounced')::int AS bounced,
              count(*) FILTER (WHERE status = 'complained')::int AS complained,
              (SELECT count(*)::int FROM customers WHERE tenant_id = $1 AND subscription_state = 'unsubscribed'
                  AND subscription_changed_at >= $2 AND subscription_changed_at < $3 AND erased_at IS NULL) AS unsubscribed
         FROM messages WHERE tenant_id = $1 AND sent_at >= $2 AND sent_at < $3`,
      [tenantIdOf(manager), week.from, week.to],
    );
    const counts = row ?? { sent: 0, delivered: 0, bounced: 0, complained: 0, unsubscribed: 0 };
    const share = (count: number) => (counts.sent > 0 ? count / counts.sent : null);
    const rates = { bounceRate: share(counts.bounced), complaintRate: share(counts.complained) };
    return { ...counts, ...rates, warning: deliverabilityWarning(rates) };
  }
}
