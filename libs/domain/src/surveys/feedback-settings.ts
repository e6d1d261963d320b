import { type CaseSettings, DEFAULT_CASE_SETTINGS } from '../cases/case-due';
import type { FeedbackSettings } from '../contracts/surveys';
import type { FieldError } from '../contracts/errors';
import { DEFAULT_JOURNEY_CAP, DEFAULT_REMINDERS, journeyProblems } from '../automations/journey-cap';
import { sendWindowProblem } from '../automations/send-window';
import { reviewPlatformProblems } from './review-platforms';
import { type CaseThresholds, DEFAULT_CASE_THRESHOLDS } from './survey-answers';

export const DEFAULT_FEEDBACK_SETTINGS: FeedbackSettings = {
  reviewPlatforms: [],
  reviewInvitations: false,
  reminders: [...DEFAULT_REMINDERS],
  journeyCap: DEFAULT_JOURNEY_CAP,
  caseThresholds: DEFAULT_CASE_THRESHOLDS,
  caseSettings: DEFAULT_CASE_SETTINGS,
  referralRequests: true,
};

const whole = (value: unknown, min: number, max: number): boolean =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/** Every problem with a business's answer and case settings, by field; empty when they are fine. */
export function feedbackSettingsProblems(settings: FeedbackSettings): FieldError[] {
  const problems: FieldError[] = [];
  problems.push(...reviewPlatformProblems(settings.reviewPlatforms));
  if (
    settings.reviewInvitations &&
    Array.isArray(settings.reviewPlatforms) &&
    settings.reviewPlatforms.length === 0
  )
    problems.push({
      field: 'reviewPlatforms',
      reason: 'must name at least one place, to invite buyers to review',
    });
  problems.push(...journeyProblems(settings.journeyCap, settings.reminders));
  if (typeof settings.referralRequests !== 'boolean')
    problems.push({ field: 'referralRequests', reason: 'must be true or false' });
  const thresholds: CaseThresholds = settings.caseThresholds;
  if (!whole(thresholds?.nps, 0, 10))
    problems.push({ field: 'caseThresholds.nps', reason: 'must be a whole number from 0 to 10' });
  if (!whole(thresholds?.csat, 1, 5))
    problems.push({ field: 'caseThresholds.csat', reason: 'must be a whole number from 1 to 5' });
  if (!whole(thresholds?.productRating, 1, 5))
    problems.push({ field: 'caseThresholds.productRating', reason: 'must be a whole number from 1 to 5' });
  const cases: CaseSettings = settings.caseSettings;
  const hours = cases?.businessHours;
  const hoursProblem =
    hours && typeof hours.opens === 'string' && typeof hours.closes === 'string' && Array.isArray(hours.days)
      ? sendWindowProblem(hours)
      : 'must have opens, closes and days';
  if (hoursProblem) problems.push({ field: 'caseSettings.businessHours', reason: hoursProblem });
  if (!whole(cases?.slaBusinessDays, 1, 30))
    problems.push({
      field: 'caseSettings.slaBusinessDays',
      reason: 'must be a whole number of days from 1 to 30',
    });
  return problems;
}
