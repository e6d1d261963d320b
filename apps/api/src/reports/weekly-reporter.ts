import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { latestDueReport, type ReportWeek, type WeeklyReportContent } from '@rapport/domain';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { execute, queryRows } from '../database/query-rows';
import { TenantDatabase, tenantIdOf } from '../tenancy/tenant-database';
import { WeeklyReportBuilder } from './weekly-report-builder';
import { WeeklyReportsService } from './weekly-reports.service';
import { PeriodicWork } from '../background/periodic-work';
import { EventLog } from '../events/event-log';

const LEASE_MS = 5 * 60_000;
const INTERVAL_NAME = 'weekly-reports';

/**
 * Sends each business its weekly report once, at its day and hour in its time zone. Every replica may tick:
 * the report row is unique per business and week, and one replica at a time holds its lease while emailing.
 * After downtime only the latest due week goes out (once), not every week missed. A crash while emailing
 * leaves the lease to run out; the report then goes again (to recipients who may already have it: the one
 * window where a duplicate can happen).
 */
@Injectable()
export class WeeklyReporter implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WeeklyReporter.name);
  private readonly ticks = new PeriodicWork(this.logger, 'Sending weekly reports failed');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly database: TenantDatabase,
    private readonly builder: WeeklyReportBuilder,
    private readonly reports: WeeklyReportsService,
    private readonly scheduler: SchedulerRegistry,
    private readonly events: EventLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Ticks every REPORT_CHECK_SECONDS (default a minute): a report is due on the hour, so that is prompt enough. */
  onApplicationBootstrap(): void {
    this.scheduler.addInterval(
      INTERVAL_NAME,
      setInterval(() => void this.tick(), this.config.reportCheckMs),
    );
  }

  onApplicationShutdown(): void {
    if (this.scheduler.doesExist('interval', INTERVAL_NAME)) this.scheduler.deleteInterval(INTERVAL_NAME);
  }

  tick(): Promise<void> {
    return this.ticks.run(() => this.sendDue(new Date()));
  }

  /** Sends every report due at `now` that has not gone yet; answers how many went. */
  async sendDue(now: Date): Promise<number> {
    const schedules = await queryRows<{
      tenant_id: string;
      time_zone: string;
      report_weekday: number;
      report_hour: number;
      created_at: Date;
      last_week_start: string | null;
    }>(
      this.dataSource.manager,
      `SELECT tenant_id, time_zone, report_weekday, report_hour, created_at,
              to_char(last_week_start, 'YYYY-MM-DD') AS last_week_start
         FROM report_schedules()`,
    );
    let sent = 0;
    for (const schedule of schedules) {
      const due = latestDueReport(
        now,
        { weekday: schedule.report_weekday, hour: schedule.report_hour },
        schedule.time_zone,
      );
      if (schedule.last_week_start !== null && schedule.last_week_start >= due.week.weekStart) continue;
      // A business reports from its first whole week on.
      if (due.week.from.getTime() < new Date(schedule.created_at).getTime()) continue;
      try {
        if (await this.send(schedule.tenant_id, due.week, now)) sent += 1;
      } catch (error) {
        // One business's failure must not hold back the others; its report is tried again next tick.
        this.logger.error({ err: error, tenantId: schedule.tenant_id }, 'A weekly report failed');
      }
    }
    return sent;
  }

  private async send(tenantId: string, week: ReportWeek, now: Date): Promise<boolean> {
    const claimed = await this.database.transaction(tenantId, async (manager) => {
      const [existing] = await queryRows<{ id: string }>(
        manager,
        `SELECT id FROM weekly_reports WHERE tenant_id = $1 AND week_start = $2`,
        [tenantIdOf(manager), week.weekStart],
      );
      if (!existing) {
        const content = await this.builder.build(manager, week, now);
        const inserted = await queryRows<{ id: string }>(
          manager,
          `INSERT INTO weekly_reports (tenant_id, week_start, content, generated_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (tenant_id, week_start) DO NOTHING RETURNING id`,
          [tenantIdOf(manager), week.weekStart, JSON.stringify(content), now],
        );
        if (inserted.length > 0)
          await this.events.record(manager, 'report.ready', reportHeadline(week.weekStart, content), now);
      }
      const [row] = await queryRows<{ content: WeeklyReportContent }>(
        manager,
        `UPDATE weekly_reports SET lease_until = $3
          WHERE tenant_id = $1 AND week_start = $2 AND emailed_at IS NULL AND (lease_until IS NULL OR lease_until < $4)
          RETURNING content`,
        [tenantIdOf(manager), week.weekStart, new Date(now.getTime() + LEASE_MS), now],
      );
      return row ? { content: row.content, to: await this.reports.recipients(manager) } : null;
    });
    if (!claimed) return false;
    await this.reports.email(claimed.content, claimed.to);
    await this.database.transaction(tenantId, (manager) =>
      execute(
        manager,
        `UPDATE weekly_reports SET emailed_at = $3, recipients = $4, lease_until = NULL WHERE tenant_id = $1 AND week_start = $2`,
        [tenantIdOf(manager), week.weekStart, now, claimed.to.length],
      ),
    );
    return true;
  }
}

/** The report's headline figures, as its event tells the team and integrations (no names, no comments). */
export function reportHeadline(weekStart: string, content: WeeklyReportContent): Record<string, unknown> {
  return {
    weekStart,
    sent: content.deliverability.sent,
    answers: content.funnel.find((step) => step.key === 'answered')?.count ?? content.nps.responses,
    nps: content.nps.score,
    npsResponses: content.nps.responses,
    csatAverage: content.csat.average,
    openCases: content.cases.open,
    overdueCases: content.cases.overdue,
  };
}
