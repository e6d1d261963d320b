import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import {
  type CaseSettings,
  type CaseThresholds,
  DEFAULT_JOURNEY_CAP,
  type FeedbackSettings,
  feedbackSettingsProblems,
  JOURNEY_CAP_BOUNDS,
  type JourneyCap,
  MAX_REMINDERS,
} from '@rapport/domain';
import { IsArray, IsBoolean, IsInt, IsObject, IsString, MaxLength, ValidateIf } from 'class-validator';
import { CurrentTenant, RequirePermission } from '../auth/access.decorators';
import { ValidationFailedError } from '../errors/app-error';
import { queryRows } from '../database/query-rows';
import { TenantDatabase, type TenantManager, tenantIdOf } from '../tenancy/tenant-database';

export class FeedbackSettingsDto implements FeedbackSettings {
  @ApiPropertyOptional({ nullable: true, example: 'https://g.page/r/northwind-bakery/review' })
  @MaxLength(500)
  @IsString()
  @ValidateIf((_object, value) => value !== null)
  reviewUrl: string | null;

  @ApiProperty({
    description: 'Offer the review page to every buyer after answering (never only to happy ones)',
  })
  @IsBoolean({ message: 'must be true or false' })
  reviewInvitations: boolean;

  @ApiProperty({
    type: [Number],
    maxItems: MAX_REMINDERS,
    example: [4, 9],
    description:
      'Reminders of an unanswered opinion request, as days after it, in order; each comes at least ' +
      '`journeyCap.anyFollowUpDays` after the email before it. Empty sends none.',
  })
  @IsInt({ each: true, message: 'must be whole numbers of days' })
  @IsArray()
  reminders: number[];

  @ApiProperty({
    example: DEFAULT_JOURNEY_CAP,
    description: `The least gap between two emails to one buyer (${JOURNEY_CAP_BOUNDS.anyFollowUpDays.min}-${JOURNEY_CAP_BOUNDS.anyFollowUpDays.max} days) and between two opinion requests (${JOURNEY_CAP_BOUNDS.opinionRequestDays.min}-${JOURNEY_CAP_BOUNDS.opinionRequestDays.max} days)`,
  })
  @IsObject()
  journeyCap: JourneyCap;

  @ApiProperty({ example: { nps: 6, csat: 2, productRating: 2 } })
  @IsObject()
  caseThresholds: CaseThresholds;

  @ApiProperty({
    example: {
      businessHours: { opens: '09:00', closes: '17:00', days: [1, 2, 3, 4, 5] },
      slaBusinessDays: 1,
    },
  })
  @IsObject()
  caseSettings: CaseSettings;
}

/**
 * How the business handles answers: how often a buyer is asked and reminded, review invitations, and the
 * cases low scores open.
 */
@ApiTags('answers')
@Controller('feedback-settings')
export class FeedbackSettingsController {
  constructor(private readonly database: TenantDatabase) {}

  @RequirePermission('business:read')
  @Get()
  get(@CurrentTenant() tenantId: string): Promise<FeedbackSettings> {
    return this.database.transaction(tenantId, (manager) => this.read(manager));
  }

  @RequirePermission('business:manage')
  @Put()
  save(@CurrentTenant() tenantId: string, @Body() body: FeedbackSettingsDto): Promise<FeedbackSettings> {
    const settings: FeedbackSettings = {
      reviewUrl: body.reviewUrl?.trim() || null,
      reviewInvitations: body.reviewInvitations,
      reminders: body.reminders,
      journeyCap: {
        anyFollowUpDays: body.journeyCap.anyFollowUpDays,
        opinionRequestDays: body.journeyCap.opinionRequestDays,
      },
      caseThresholds: {
        nps: body.caseThresholds.nps,
        csat: body.caseThresholds.csat,
        productRating: body.caseThresholds.productRating,
      },
      caseSettings: {
        businessHours: {
          opens: body.caseSettings.businessHours?.opens,
          closes: body.caseSettings.businessHours?.closes,
          days: body.caseSettings.businessHours?.days,
        },
        slaBusinessDays: body.caseSettings.slaBusinessDays,
      },
    };
    const problems = feedbackSettingsProblems(settings);
    if (problems.length > 0) throw new ValidationFailedError(problems);
    return this.database.transaction(tenantId, async (manager) => {
      await manager.query(
        `UPDATE tenants SET review_url = $2, review_invitations = $3, reminder_schedule = $4, case_thresholds = $5,
                case_settings = $6, follow_up_gap_days = $7, opinion_request_gap_days = $8, updated_at = now()
          WHERE id = $1`,
        [
          tenantIdOf(manager),
          settings.reviewUrl,
          settings.reviewInvitations,
          settings.reminders,
          JSON.stringify(settings.caseThresholds),
          JSON.stringify(settings.caseSettings),
          settings.journeyCap.anyFollowUpDays,
          settings.journeyCap.opinionRequestDays,
        ],
      );
      return this.read(manager);
    });
  }

  private async read(manager: TenantManager): Promise<FeedbackSettings> {
    const [row] = await queryRows<{
      review_url: string | null;
      review_invitations: boolean;
      reminder_schedule: number[];
      follow_up_gap_days: number;
      opinion_request_gap_days: number;
      case_thresholds: CaseThresholds;
      case_settings: CaseSettings;
    }>(
      manager,
      `SELECT review_url, review_invitations, reminder_schedule, follow_up_gap_days, opinion_request_gap_days,
              case_thresholds, case_settings
         FROM tenants WHERE id = $1`,
      [tenantIdOf(manager)],
    );
    return {
      reviewUrl: row?.review_url ?? null,
      reviewInvitations: row?.review_invitations ?? false,
      reminders: row?.reminder_schedule ?? [],
      journeyCap: {
        anyFollowUpDays: row?.follow_up_gap_days ?? DEFAULT_JOURNEY_CAP.anyFollowUpDays,
        opinionRequestDays: row?.opinion_request_gap_days ?? DEFAULT_JOURNEY_CAP.opinionRequestDays,
      },
      caseThresholds: row?.case_thresholds as CaseThresholds,
      caseSettings: row?.case_settings as CaseSettings,
    };
  }
}
