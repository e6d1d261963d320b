import { Inject, Injectable } from '@nestjs/common';
import {
  previousWeek,
  type ReportWeek,
  type WeeklyReportContent,
  type WeeklyReportResponse,
  type WeeklyReportSummary,
  weekContaining,
  weekStarting,
} from '@rapport/domain';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { queryRows } from '../database/query-rows';
import { ValidationFailedError } from '../errors/app-error';
import { MailTransport } from '../mail/mail-transport';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';
import { renderReportEmail } from './report-email';
import { WeeklyReportBuilder } from './weekly-report-builder';

const ARCHIVE_WEEKS = 26;

interface Business {
  timeZone: string;
  weekday: number;
  hour: number;
}

/** Reading, storing and emailing weekly reports of one business (inside its transaction). */
@Injectable()
export class WeeklyReportsService {
  constructor(
    private readonly builder: WeeklyReportBuilder,
    private readonly transport: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async business(manager: TenantManager): Promise<Business> {
    const [row] = await queryRows<{ time_zone: string; report_weekday: number; report_hour: number }>(
      manager,
      `SELECT time_zone, report_weekday, report_hour FROM tenants WHERE id = $1`,
      [tenantIdOf(manager)],
    );
    return {
      timeZone: row?.time_zone ?? 'UTC',
      weekday: row?.report_weekday ?? 1,
      hour: row?.report_hour ?? 8,
    };
  }

  /** The week starting on `weekStart`, if it is a Monday whose week has ended. */
  async endedWeek(manager: TenantManager, weekStart: string, now: Date): Promise<ReportWeek> {
    const { timeZone } = await this.business(manager);
    let week: ReportWeek;
    try {
      week = weekStarting(weekStart, timeZone);
    } catch {
      throw new ValidationFailedError([{ field: 'weekStart', reason: 'must be a Monday, as YYYY-MM-DD' }]);
    }
    if (week.to.getTime() > now.getTime())
      throw new ValidationFailedError([{ field: 'weekStart', reason: 'must be a week that has ended' }]);
    return week;
  }

  /**
   * The ended weeks since the business began (its creation or its first order, whichever came first), at most
   * the last 26, newest first, with what was stored and emailed: a week before the business had anything to
   * report is not offered as an empty report.
   */
  async archive(manager: TenantManager, now: Date): Promise<WeeklyReportSummary[]> {
    const business = await this.business(manager);
    const stored = await queryRows<{ week_start: string; emailed_at: Date | null }>(
      manager,
      `SELECT to_char(week_start, 'YYYY-MM-DD') AS week_start, emailed_at FROM weekly_reports WHERE tenant_id = $1`,
      [tenantIdOf(manager)],
    );
    const [began] = await queryRows<{ at: Date }>(
      manager,
      `SELECT least(t.created_at, (SELECT min(placed_at) FROM orders WHERE tenant_id = t.id)) AS at
         FROM tenants t WHERE t.id = $1`,
      [tenantIdOf(manager)],
    );
    const since = began ? new Date(began.at).getTime() : now.getTime();
    const byWeek = new Map(stored.map((row) => [row.week_start, row.emailed_at]));
    // From the week just ended, whether or not its report is due yet.
    let week = previousWeek(weekContaining(now, business.timeZone), business.timeZone);
    const weeks: WeeklyReportSummary[] = [];
    while (weeks.length < ARCHIVE_WEEKS && (week.to.getTime() > since || byWeek.has(week.weekStart))) {
      const emailedAt = byWeek.get(week.weekStart);
      weeks.push({
        weekStart: week.weekStart,
        isStored: byWeek.has(week.weekStart),
        emailedAt: emailedAt ? new Date(emailedAt).toISOString() : null,
      });
      week = previousWeek(week, business.timeZone);
    }
    return weeks;
  }

  /** A week's report: as stored (what was emailed), else computed now. */
  async report(manager: TenantManager, week: ReportWeek, now: Date): Promise<WeeklyReportResponse> {
    const [stored] = await queryRows<{ content: WeeklyReportContent; emailed_at: Date | null }>(
      manager,
      `SELECT content, emailed_at FROM weekly_reports WHERE tenant_id = $1 AND week_start = $2`,
      [tenantIdOf(manager), week.weekStart],
    );
    return {
      weekStart: week.weekStart,
      from: week.from.toISOString(),
      to: week.to.toISOString(),
      emailedAt: stored?.emailed_at ? new Date(stored.emailed_at).toISOString() : null,
      content: stored?.content ?? (await this.builder.build(manager, week, now)),
    };
  }

  /** Emails a report to each address; the email is built once. */
  async email(content: WeeklyReportContent, to: string[]): Promise<void> {
    const email = renderReportEmail(content, {
      report: `${this.config.publicUrl}/reports/${content.week.start}`,
      cases: `${this.config.publicUrl}/cases`,
    });
    for (const address of to) {
      await this.transport.send({
        to: address,
        from: this.config.mail.from,
        subject: email.subject,
        html: email.html,
        text: email.text,
        inlineImages: email.images,
        category: 'weekly-report',
      });
    }
  }

  /** The owners, and the admins who asked for it. */
  async recipients(manager: TenantManager): Promise<string[]> {
    const rows = await queryRows<{ email: string }>(
      manager,
      `SELECT u.email FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.tenant_id = $1 AND (m.role = 'owner' OR (m.role = 'admin' AND m.receives_weekly_report))
        ORDER BY m.created_at`,
      [tenantIdOf(manager)],
    );
    return rows.map((row) => row.email);
  }
}
