import { Injectable } from '@nestjs/common';
import {
  type CaseSettings,
  type CaseThresholds,
  DEFAULT_JOURNEY_CAP,
  type FeedbackSettings,
  type ReviewPlatform,
  type Role,
} from '@rapport/domain';
import { execute, queryRows } from '../database/query-rows';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';

/** When the weekly report goes out, and whether one member receives it. */
export interface ReportSchedule {
  weekday: number;
  hour: number;
  role: Role | null;
  receivesReport: boolean;
}

/**
 * The settings a business keeps on its own row (how it handles answers, when its weekly report goes) and a
 * member's own report choice: read and written here, never in the features' controllers.
 */
@Injectable()
export class BusinessSettingsRepository {
  async feedbackSettings(manager: TenantManager): Promise<FeedbackSettings> {
    const [row] = await queryRows<{
      review_platforms: ReviewPlatform[];
      review_invitations: boolean;
      reminder_schedule: number[];
      follow_up_gap_days: number;
      opinion_request_gap_days: number;
      case_thresholds: CaseThresholds;
      case_settings: CaseSettings;
      referral_requests: boolean;
    }>(
      manager,
      `SELECT review_platforms, review_invitations, reminder_schedule, follow_up_gap_days, opinion_request_gap_days,
              case_thresholds, case_settings, referral_requests
         FROM tenants WHERE id = $1`,
      [tenantIdOf(manager)],
    );
    return {
      reviewPlatforms: row?.review_platforms ?? [],
      reviewInvitations: row?.review_invitations ?? false,
      reminders: row?.reminder_schedule ?? [],
      journeyCap: {
        anyFollowUpDays: row?.follow_up_gap_days ?? DEFAULT_JOURNEY_CAP.anyFollowUpDays,
        opinionRequestDays: row?.opinion_request_gap_days ?? DEFAULT_JOURNEY_CAP.opinionRequestDays,
      },
      caseThresholds: row?.case_thresholds as CaseThresholds,
      caseSettings: row?.case_settings as CaseSettings,
      referralRequests: row?.referral_requests ?? false,
    };
  }

  /** The business's name, time zone and working hours: when an answer to a person is due. */
  async answerClock(
    manager: TenantManager,
  ): Promise<{ name: string; timeZone: string; caseSettings: CaseSettings }> {
    const [row] = await queryRows<{ name: string; time_zone: string; case_settings: CaseSettings }>(
      manager,
      `SELECT name, time_zone, case_settings FROM tenants WHERE id = $1`,
      [tenantIdOf(manager)],
    );
    if (!row) throw new Error('the business is gone');
    return { name: row.name, timeZone: row.time_zone, caseSettings: row.case_settings };
  }

  /** The business's owners, who hear of what only they can fix (an endpoint paused after failures). */
  owners(manager: TenantManager): Promise<{ email: string; name: string }[]> {
    return queryRows<{ email: string; name: string }>(
      manager,
      `SELECT u.email, u.name FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.tenant_id = $1 AND m.role = 'owner' ORDER BY m.created_at`,
      [tenantIdOf(manager)],
    );
  }

  /** Who hears of what needs an answer: the members who take cases, else the owner. */
  async answerers(manager: TenantManager): Promise<{ email: string; name: string }[]> {
    return queryRows<{ email: string; name: string }>(
      manager,
      `SELECT u.email, u.name FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.tenant_id = $1 AND (m.takes_cases OR (m.role = 'owner' AND NOT EXISTS (
                SELECT 1 FROM memberships o WHERE o.tenant_id = m.tenant_id AND o.takes_cases)))
        ORDER BY m.created_at`,
      [tenantIdOf(manager)],
    );
  }

  async saveFeedbackSettings(manager: TenantManager, settings: FeedbackSettings): Promise<void> {
    await execute(
      manager,
      `UPDATE tenants SET review_platforms = $2, review_invitations = $3, reminder_schedule = $4, case_thresholds = $5,
              case_settings = $6, follow_up_gap_days = $7, opinion_request_gap_days = $8, referral_requests = $9,
              updated_at = now()
        WHERE id = $1`,
      [
        tenantIdOf(manager),
        JSON.stringify(settings.reviewPlatforms),
        settings.reviewInvitations,
        settings.reminders,
        JSON.stringify(settings.caseThresholds),
        JSON.stringify(settings.caseSettings),
        settings.journeyCap.anyFollowUpDays,
        settings.journeyCap.opinionRequestDays,
        settings.referralRequests,
      ],
    );
  }

  /** The business's report day and hour, and what the member `userId` receives. */
  async reportSchedule(manager: TenantManager, userId: string): Promise<ReportSchedule> {
    const [row] = await queryRows<{
      report_weekday: number;
      report_hour: number;
      role: Role;
      receives: boolean;
    }>(
      manager,
      `SELECT t.report_weekday, t.report_hour, m.role, m.receives_weekly_report AS receives
         FROM tenants t JOIN memberships m ON m.tenant_id = t.id AND m.user_id = $2 WHERE t.id = $1`,
      [tenantIdOf(manager), userId],
    );
    return {
      weekday: row?.report_weekday ?? 1,
      hour: row?.report_hour ?? 8,
      role: row?.role ?? null,
      receivesReport: row?.role === 'owner' || (row?.role === 'admin' && row.receives),
    };
  }

  async saveReportTime(manager: TenantManager, weekday: number, hour: number): Promise<void> {
    await execute(
      manager,
      `UPDATE tenants SET report_weekday = $2, report_hour = $3, updated_at = now() WHERE id = $1`,
      [tenantIdOf(manager), weekday, hour],
    );
  }

  async setReceivesReport(manager: TenantManager, userId: string, receives: boolean): Promise<void> {
    await execute(
      manager,
      `UPDATE memberships SET receives_weekly_report = $3 WHERE tenant_id = $1 AND user_id = $2`,
      [tenantIdOf(manager), userId, receives],
    );
  }

  /** Every member and whether they take new cases in turn, by name. */
  caseTakers(
    manager: TenantManager,
  ): Promise<{ userId: string; name: string; role: Role; takesCases: boolean }[]> {
    return queryRows<{ userId: string; name: string; role: Role; takesCases: boolean }>(
      manager,
      `SELECT m.user_id AS "userId", u.name, m.role, m.takes_cases AS "takesCases"
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.tenant_id = $1 ORDER BY u.name`,
      [tenantIdOf(manager)],
    );
  }

  async setTakesCases(manager: TenantManager, userId: string, takesCases: boolean): Promise<void> {
    await execute(manager, `UPDATE memberships SET takes_cases = $3 WHERE tenant_id = $1 AND user_id = $2`, [
      tenantIdOf(manager),
      userId,
      takesCases,
    ]);
  }
}
