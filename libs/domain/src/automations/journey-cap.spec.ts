import { capDecision, journeyProblems, journeyWords, type SentFollowUp } from './journey-cap';

const NOW = new Date('2026-11-26T10:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

describe('capDecision', () => {
  it('sends when nothing was sent', () => {
    expect(capDecision('thank-you', [], NOW)).toEqual({ action: 'send' });
  });

  it('skips a thank-you that would follow another message within 3 days', () => {
    const history: SentFollowUp[] = [{ kind: 'thank-you', sentAt: daysAgo(1) }];
    expect(capDecision('thank-you', history, NOW)).toEqual({
      action: 'skip',
      reason: 'skipped: thank you sent 1 day ago',
    });
  });

  it('postpones an opinion request until 3 days after the last message', () => {
    const sentAt = daysAgo(2);
    expect(capDecision('opinion-request', [{ kind: 'thank-you', sentAt }], NOW)).toEqual({
      action: 'postpone',
      until: new Date(sentAt.getTime() + 3 * 86_400_000),
      reason: 'postponed: thank you sent 2 days ago',
    });
  });

  it('skips an opinion request when one was sent within 30 days', () => {
    expect(capDecision('opinion-request', [{ kind: 'opinion-request', sentAt: daysAgo(6) }], NOW)).toEqual({
      action: 'skip',
      reason: 'skipped: opinion request sent 6 days ago',
    });
    expect(capDecision('opinion-request', [{ kind: 'opinion-request', sentAt: daysAgo(31) }], NOW)).toEqual({
      action: 'send',
    });
  });

  it('lets a reminder follow its opinion request once the short cap has passed', () => {
    expect(capDecision('reminder', [{ kind: 'opinion-request', sentAt: daysAgo(4) }], NOW)).toEqual({
      action: 'send',
    });
  });

  it('never holds back a message a person sends by hand, nor counts one against others', () => {
    expect(capDecision('manual', [{ kind: 'thank-you', sentAt: daysAgo(0) }], NOW)).toEqual({
      action: 'send',
    });
    expect(capDecision('thank-you', [{ kind: 'manual', sentAt: daysAgo(0) }], NOW)).toEqual({
      action: 'send',
    });
  });

  it('never skips the thank-you for an order because a request to recommend went just before', () => {
    expect(capDecision('thank-you', [{ kind: 'referral-request', sentAt: daysAgo(1) }], NOW)).toEqual({
      action: 'send',
    });
    expect(capDecision('referral-request', [{ kind: 'thank-you', sentAt: daysAgo(1) }], NOW)).toEqual({
      action: 'postpone',
      until: new Date(daysAgo(1).getTime() + 3 * 86_400_000),
      reason: 'postponed: thank you sent 1 day ago',
    });
  });

  it('thanks for an enquiry at once, skips a late thanks for a visit and postpones a quote follow-up', () => {
    const history: SentFollowUp[] = [{ kind: 'visit-thanks', sentAt: daysAgo(1) }];
    expect(capDecision('enquiry-thanks', history, NOW)).toEqual({ action: 'send' });
    expect(capDecision('enquiry-thanks', [{ kind: 'enquiry-thanks', sentAt: daysAgo(0) }], NOW)).toEqual({
      action: 'skip',
      reason: 'skipped: thanks for an enquiry sent today',
    });
    expect(capDecision('referral-thanks', [{ kind: 'referral-request', sentAt: daysAgo(0) }], NOW)).toEqual({
      action: 'send',
    });
    expect(capDecision('missed-you', history, NOW)).toEqual({
      action: 'skip',
      reason: 'skipped: thanks for a visit sent 1 day ago',
    });
    expect(capDecision('quote-follow-up', [{ kind: 'enquiry-thanks', sentAt: daysAgo(1) }], NOW)).toEqual({
      action: 'postpone',
      until: new Date(daysAgo(1).getTime() + 3 * 86_400_000),
      reason: 'postponed: thanks for an enquiry sent 1 day ago',
    });
  });
});

describe('journeyProblems', () => {
  const cap = { anyFollowUpDays: 3, opinionRequestDays: 30 };

  it('accepts up to three reminders spaced by at least the gap between emails', () => {
    expect(journeyProblems(cap, [])).toEqual([]);
    expect(journeyProblems(cap, [3, 6, 30])).toEqual([]);
  });

  it('refuses a fourth reminder', () => {
    expect(journeyProblems(cap, [4, 8, 12, 16])).toEqual([
      { field: 'reminders', reason: 'must be a list of at most 3 reminders' },
    ]);
  });

  it('names each reminder that comes too soon, or out of order, by its place', () => {
    expect(journeyProblems(cap, [2, 9, 7])).toEqual([
      {
        field: 'reminders.0',
        reason: 'must come at least 3 days after the opinion request, the least gap between two emails',
      },
      {
        field: 'reminders.2',
        reason: 'must come at least 3 days after the reminder before it, the least gap between two emails',
      },
    ]);
  });

  it('refuses days that are not whole or past a month', () => {
    expect(journeyProblems(cap, [4.5, 31])).toEqual([
      { field: 'reminders.0', reason: 'must be a whole number of days from 1 to 30' },
      { field: 'reminders.1', reason: 'must be a whole number of days from 1 to 30' },
    ]);
  });

  it('keeps the cap within safe bounds', () => {
    expect(journeyProblems({ anyFollowUpDays: 15, opinionRequestDays: 6 }, [])).toEqual([
      { field: 'journeyCap.anyFollowUpDays', reason: 'must be a whole number of days from 1 to 14' },
      { field: 'journeyCap.opinionRequestDays', reason: 'must be a whole number of days from 7 to 365' },
    ]);
  });
});

describe('journeyWords', () => {
  it('says the reminders and the cap in plain words', () => {
    expect(journeyWords({ anyFollowUpDays: 2, opinionRequestDays: 60 }, [4, 9, 14])).toEqual([
      'An unanswered opinion request gets up to 3 reminders, 4, 9 and 14 days later, each skipped once the buyer answered.',
      'A buyer hears from you at most once every 2 days, and gets at most one opinion request every 60 days, whatever the rules.',
    ]);
  });

  it('says when there is one reminder or none', () => {
    expect(journeyWords({ anyFollowUpDays: 1, opinionRequestDays: 30 }, [1])).toEqual([
      'An unanswered opinion request gets one reminder, 1 day later, unless the buyer answered by then.',
      'A buyer hears from you at most once a day, and gets at most one opinion request every 30 days, whatever the rules.',
    ]);
    expect(journeyWords({ anyFollowUpDays: 3, opinionRequestDays: 30 }, [])[0]).toBe(
      'An unanswered opinion request gets no reminder.',
    );
  });
});
