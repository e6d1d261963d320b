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
  normalReviewTarget,
  type ReviewPlatform,
} from '@rapport/domain';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsObject, IsOptional } from 'class-validator';
import { CurrentTenant, RequirePermission } from '../access/access.decorators';
import { ValidationFailedError } from '../errors/app-error';
import { TenantDatabase } from '../tenancy/tenant-database';
import { BusinessSettingsRepository } from '../accounts/business-settings.repository';

export class FeedbackSettingsDto implements Omit<FeedbackSettings, 'referralRequests'> {
  @ApiProperty({
    example: [
      { platform: 'google', target: 'ChIJN1t_tDeuEmsRUsoyG83frY4' },
      { platform: 'trustpilot', target: 'northwind.example' },
    ],
    description:
      'Where buyers are invited to review: google (the place id), trustpilot (the domain), facebook (the page name) or other (an https page), each at most once',
  })
  @ArrayMaxSize(4)
  @IsArray()
  reviewPlatforms: ReviewPlatform[];

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

  @ApiPropertyOptional({
    description:
      'Ask a buyer who answered as a promoter (NPS 9-10, or 5 of 5), once, to recommend the business; left out, it stays as it is',
  })
  @IsBoolean({ message: 'must be true or false' })
  @IsOptional()
  referralRequests?: boolean;
}

/**
 * How the business handles answers: how often a buyer is asked and reminded, review invitations, and the
 * cases low scores open.
 */
@ApiTags('answers')
@Controller('feedback-settings')
export class FeedbackSettingsController {
  constructor(
    private readonly database: TenantDatabase,
    private readonly settings: BusinessSettingsRepository,
  ) {}

  @RequirePermission('business:read')
  @Get()
  get(@CurrentTenant() tenantId: string): Promise<FeedbackSettings> {
    return this.database.transaction(tenantId, (manager) => this.settings.feedbackSettings(manager));
  }

  @RequirePermission('business:manage')
  @Put()
  save(@CurrentTenant() tenantId: string, @Body() body: FeedbackSettingsDto): Promise<FeedbackSettings> {
    const settings: Omit<FeedbackSettings, 'referralRequests'> & { referralRequests?: boolean } = {
      // A pasted Facebook or Trustpilot address is taken for the name or domain in it.
      reviewPlatforms: body.reviewPlatforms.map((review) =>
        typeof review === 'object' && review !== null && typeof review.target === 'string'
          ? { platform: review.platform, target: normalReviewTarget(review.platform, review.target) }
          : review,
      ),
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
      referralRequests: body.referralRequests,
    };
    return this.database.transaction(tenantId, async (manager) => {
      const whole: FeedbackSettings = {
        ...settings,
        referralRequests:
          settings.referralRequests ?? (await this.settings.feedbackSettings(manager)).referralRequests,
      };
      const problems = feedbackSettingsProblems(whole);
      if (problems.length > 0) throw new ValidationFailedError(problems);
      await this.settings.saveFeedbackSettings(manager, whole);
      return this.settings.feedbackSettings(manager);
    });
  }
}
