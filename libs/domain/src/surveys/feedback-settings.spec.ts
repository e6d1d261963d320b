import { DEFAULT_FEEDBACK_SETTINGS, feedbackSettingsProblems } from './feedback-settings';

describe('feedbackSettingsProblems', () => {
  it('accepts the defaults', () => {
    expect(feedbackSettingsProblems(DEFAULT_FEEDBACK_SETTINGS)).toEqual([]);
  });

  it('names every problem with its field', () => {
    expect(
      feedbackSettingsProblems({
        reviewPlatforms: [{ platform: 'other', target: 'http://reviews.example' }],
        reviewInvitations: true,
        referralRequests: true,
        reminders: [31],
        journeyCap: { anyFollowUpDays: 0, opinionRequestDays: 3 },
        caseThresholds: { nps: 11, csat: 0, productRating: 2.5 },
        caseSettings: { businessHours: { opens: '17:00', closes: '09:00', days: [1] }, slaBusinessDays: 0 },
      }),
    ).toEqual([
      { field: 'reviewPlatforms.0.target', reason: 'must be an https:// address' },
      { field: 'journeyCap.anyFollowUpDays', reason: 'must be a whole number of days from 1 to 14' },
      { field: 'journeyCap.opinionRequestDays', reason: 'must be a whole number of days from 7 to 365' },
      { field: 'reminders.0', reason: 'must be a whole number of days from 1 to 30' },
      { field: 'caseThresholds.nps', reason: 'must be a whole number from 0 to 10' },
      { field: 'caseThresholds.csat', reason: 'must be a whole number from 1 to 5' },
      { field: 'caseThresholds.productRating', reason: 'must be a whole number from 1 to 5' },
      { field: 'caseSettings.businessHours', reason: 'must close after it opens' },
      { field: 'caseSettings.slaBusinessDays', reason: 'must be a whole number of days from 1 to 30' },
    ]);
  });

  it('needs a place to review before inviting anyone to one', () => {
    expect(feedbackSettingsProblems({ ...DEFAULT_FEEDBACK_SETTINGS, reviewInvitations: true })).toEqual([
      { field: 'reviewPlatforms', reason: 'must name at least one place, to invite buyers to review' },
    ]);
  });
});
