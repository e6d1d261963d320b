import { durationWords, FUNNEL_STEPS, type WeeklyReportContent } from '@rapport/domain';
import { renderReportEmail } from './report-email';

function report(overrides: Partial<WeeklyReportContent> = {}): WeeklyReportContent {
  return {
    business: { name: 'Northwind <Bakery>', timeZone: 'Europe/London' },
    week: { start: '2026-11-16', end: '2026-11-22' },
    generatedAt: '2026-11-23T08:00:00.000Z',
    isQuiet: false,
    funnel: FUNNEL_STEPS.map((step, index) => ({
      key: step.key,
      label: step.label,
      count: 10 - index,
      previous: 5,
    })),
    nps: { score: 40, responses: 5, previousScore: 20 },
    csat: { average: null, satisfiedShare: null, responses: 0 },
    npsTrend: Array.from({ length: 12 }, (_, index) => ({
      weekStart: `2026-09-${String(index + 1).padStart(2, '0')}`,
      score: index % 3 === 0 ? null : index * 10 - 50,
      responses: 3,
    })),
    answersPerDay: Array.from({ length: 7 }, (_, index) => ({ date: `2026-11-${16 + index}`, count: index })),
    products: [],
    bestComments: [
      { firstName: 'Ana', product: 'Rye', comment: 'Lovely <b>bread</b>', score: 10, scoreType: 'nps' },
    ],
    worstComments: [],
    cases: {
      open: 1,
      overdue: 1,
      items: [{ id: 'c1', buyer: 'Ben', reasons: 'NPS 2', dueAt: '', isOverdue: true }],
    },
    responseTimes: {
      opened: 1,
      replied: 1,
      resolved: 0,
      overdue: 1,
      medianFirstReplyMinutes: 125,
      medianResolveMinutes: null,
    },
    deliverability: {
      sent: 100,
      delivered: 97,
      bounced: 1,
      complained: 2,
      unsubscribed: 1,
      bounceRate: 0.01,
      complaintRate: 0.02,
      warning: 'Delivery is at risk.',
    },
    ...overrides,
  };
}

const links = { report: 'https://app.example/reports/2026-11-16', cases: 'https://app.example/cases' };

describe('renderReportEmail', () => {
  it('puts what needs the owner first, shows both charts by Content-ID, and stays far under 1 MB', () => {
    const email = renderReportEmail(report(), links);
    expect(email.subject).toBe('Northwind <Bakery>: your week, 16 November to 22 November 2026');
    expect(email.html.indexOf('What needs you')).toBeLessThan(email.html.indexOf('Scores'));
    expect(email.html).toContain('href="https://app.example/cases/c1"');
    expect(email.html).toContain('Lovely &lt;b&gt;bread&lt;/b&gt;');
    expect(email.images.map((image) => image.contentId)).toEqual(['nps-trend', 'answers-per-day']);
    for (const image of email.images) expect(email.html).toContain(`src="cid:${image.contentId}"`);
    const size =
      Buffer.byteLength(email.html) +
      email.images.reduce((sum, image) => sum + image.content.length * 1.37, 0);
    expect(size).toBeLessThan(200 * 1024);
    expect(email.text).toContain('Open cases: 1 (1 overdue)');
    expect(email.text).toContain('Delivery is at risk.');
  });

  it('says a quiet week in one friendly line, without charts', () => {
    const email = renderReportEmail(report({ isQuiet: true }), links);
    expect(email.images).toEqual([]);
    expect(email.text).toContain('A quiet week');
    expect(email.html).not.toContain('cid:');
  });

  it.each([
    [null, '—'],
    [45, '45 min'],
    [125, '2 h 5 min'],
    [3000, '2 days 2 h'],
  ])('writes %p minutes as %p', (minutes, words) => {
    expect(durationWords(minutes)).toBe(words);
  });
});
