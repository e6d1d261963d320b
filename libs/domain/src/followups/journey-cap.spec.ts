import { capDecision, type SentFollowUp } from './journey-cap';

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
});
