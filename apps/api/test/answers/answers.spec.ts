import type {
  AnswerResponse,
  ApiErrorBody,
  MailboxEmailDetailResponse,
  MailboxPageResponse,
  ResponseTimesResponse,
  DeliveryHealthResponse,
  AutomationResponse,
  SurveyResponse,
  CaseDetailResponse,
  CaseResponse,
  Page,
  ProductRatingResponse,
  FeedbackSettings,
  ReviewClicksResponse,
} from '@rapport/domain';
import { FollowUpDispatcher } from '../../src/automations/follow-up-dispatcher';
import { mailTo, sendOpinionRequest, waitForMailTo } from '../support/factories';
import { withClient } from '../support/test-database';
import { appWithSignedUpBusiness } from '../support/spec-app';

/** Monday 4 January 2027, 10:00 in Madrid. The opinion request goes 10 days after the order. */
const T0 = new Date('2027-01-04T09:00:00Z');

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe('answers from the email, and the case a low score opens', () => {
  const spec = appWithSignedUpBusiness({
    name: 'Answer Bakery',
    ownerName: 'Olga Owner',
    timeZone: 'Europe/Madrid',
    country: 'GB',
  });
  let answerUrl: string;
  const buyer = 'carla@answers.example';

  async function count(sql: string): Promise<number> {
    return withClient(spec.testApp.ownerUrl, async (db) => {
      const { rows } = await db.query<{ n: string }>(sql, [spec.tenantId]);
      return Number(rows[0]?.n);
    });
  }

  /** The email's links name the public address; the app under test listens on a free port. */
  const local = (url: string) => url.replace(/^https?:\/\/[^/]+/, spec.testApp.baseUrl);

  async function raw(method: string, url: string, body?: string) {
    const response = await fetch(local(url), {
      method,
      redirect: 'manual',
      headers: body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    return { status: response.status, text: await response.text(), headers: response.headers };
  }

  beforeAll(async () => {
    await sendOpinionRequest(spec.testApp, spec.owner, {
      externalId: '#A1',
      buyer: { email: buyer, name: 'Carla Buyer' },
      placedAt: T0,
      lines: [
        { productName: 'Sourdough loaf', quantity: 1, unitPrice: '12.00' },
        { productName: 'Rye bread', quantity: 1, unitPrice: '8.00' },
      ],
    });
  });

  it("keeps the business's own copy of each email it sent, as the buyer got it", async () => {
    const mailbox = await spec.owner.get<MailboxPageResponse>('/api/mailbox');
    expect(mailbox.body.isCatching).toBe(true);
    expect(mailbox.body.items.map((item) => [item.to, item.subject])).toEqual([
      [buyer, 'How did we do, Carla?'],
      [buyer, 'Thank you for your order from Answer Bakery'],
    ]);
    const email = await spec.owner.get<MailboxEmailDetailResponse>(
      `/api/mailbox/${mailbox.body.items[0]?.id}`,
    );
    expect(email.body.html).toContain('How likely are you to recommend Answer Bakery to a friend?');
  });

  it('shows the first question inline in the opinion request: one link per score, 0 to 10', async () => {
    const [request] = await mailTo(spec.testApp, buyer);
    expect(request?.subject).toBe('How did we do, Carla?');
    expect(request?.html).toContain('How likely are you to recommend Answer Bakery to a friend?');
    const links = [...(request?.html ?? '').matchAll(/href="([^"]*\/api\/a\/[^"?]+)\?score=(\d+)"/g)];
    expect(links.map((link) => Number(link[2]))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(new Set(links.map((link) => link[1])).size).toBe(1);
    answerUrl = links[0]?.[1] ?? '';
    expect(request?.replyTo).toMatch(/^r-[0-9a-z]{25}-[0-9a-z]{25}@reply\.rapport\.localhost$/);
  });

  it('records nothing when a link scanner opens every link of the email, and marks the message as scanned', async () => {
    const [request] = await mailTo(spec.testApp, buyer);
    const links = [...(request?.html ?? '').matchAll(/href="([^"]+)"/g)].map((link) =>
      (link[1] ?? '').replace(/&amp;/g, '&'),
    );
    expect(links.some((link) => link.includes('/api/u/'))).toBe(true);
    expect(links.some((link) => link.includes('/api/h/'))).toBe(true);
    const started = Date.now();
    await Promise.all(
      links.flatMap((link) =>
        ['HEAD', 'GET'].map((method) =>
          fetch(local(link), {
            method,
            redirect: 'manual',
            headers: { 'user-agent': 'Mozilla/5.0 HeadlessChrome/120.0' },
          }),
        ),
      ),
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await count(`SELECT count(*) AS n FROM answers WHERE tenant_id = $1`)).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM customers WHERE tenant_id = $1 AND subscription_state <> 'subscribed'`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM messages WHERE tenant_id = $1 AND kind = 'opinion-request' AND machine_activity_at IS NOT NULL`,
      ),
    ).toBe(1);
    // The scanner's click, as SendGrid's click tracking would report it, is not counted as the buyer's.
    await withClient(spec.testApp.ownerUrl, (db) =>
      db.query(`UPDATE messages SET status = 'clicked' WHERE tenant_id = $1 AND kind = 'opinion-request'`, [
        spec.tenantId,
      ]),
    );
    const health = await spec.owner.get<DeliveryHealthResponse>('/api/messages/health');
    expect(health.body).toMatchObject({ clicked: 0, scanned: 1 });
  });

  it('opens the answer page with the clicked score chosen and the follow-up question for it', async () => {
    const page = await raw('GET', `${answerUrl}?score=3`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html lang="en">');
    expect(page.text).toMatch(/name="q\.score" value="3" checked/);
    expect(page.text).toContain('What could we do better?');
    expect(page.text).not.toContain('<script');
  });

  it('refuses a score out of range and saves nothing', async () => {
    const page = await raw('POST', answerUrl, form({ 'q.score': '12' }));
    expect(page.status).toBe(400);
    expect(page.text).toContain('must be a whole number from 0 to 10');
    expect(await count(`SELECT count(*) AS n FROM answers WHERE tenant_id = $1`)).toBe(0);
  });

  it('records the posted answer, opens a case for the owner due in one business day, and emails them', async () => {
    const page = await raw('POST', answerUrl, form({ 'q.score': '3', 'q.better': 'The rye was stale.' }));
    expect(page.status).toBe(200);
    expect(page.text).toContain('Thank you! Your answer helps Answer Bakery do better.');

    const answers = await spec.owner.get<Page<AnswerResponse>>('/api/answers?band=detractor');
    expect(answers.body.items).toHaveLength(1);
    expect(answers.body.items[0]).toMatchObject({
      score: 3,
      scoreType: 'nps',
      band: 'detractor',
      comment: 'The rye was stale.',
      channel: 'web',
      isComplete: true,
      order: { number: '#A1' },
      survey: { name: 'How did we do?', version: 1 },
    });
    const cases = await spec.owner.get<Page<CaseResponse>>('/api/cases?mine=true');
    expect(cases.body.items).toHaveLength(1);
    const [opened] = cases.body.items;
    expect(opened).toMatchObject({ status: 'open', reasons: ['NPS 3'], assignee: { name: 'Olga Owner' } });
    // Answered now (real clock): due after 8 business hours, 09:00-17:00 Monday to Friday in Madrid.
    expect(new Date(opened?.dueAt ?? 0).getTime()).toBeGreaterThan(Date.now());
    // The assignee hears of it from the queue, a moment after the answer.
    const notice = await waitForMailTo(spec.testApp, spec.ownerEmail, (mail) =>
      mail.subject.includes('needs an answer'),
    );
    expect(notice.subject).toBe('Carla Buyer needs an answer: NPS 3');
    expect(notice.text).toContain(`/cases/${opened?.id}`);
  });

  it('lets the buyer change the answer: the later score wins, still one answer and one case', async () => {
    const page = await raw('POST', answerUrl, form({ 'q.score': '5' }));
    expect(page.status).toBe(200);
    expect(await count(`SELECT count(*) AS n FROM answers WHERE tenant_id = $1`)).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM cases WHERE tenant_id = $1`)).toBe(1);
    const answers = await spec.owner.get<Page<AnswerResponse>>('/api/answers');
    expect(answers.body.items[0]).toMatchObject({ score: 5, comment: 'The rye was stale.' });
  });

  it("finds buyers by whether they answered and by their latest score, and shows answers and cases on the buyer's timeline", async () => {
    const emailsOf = async (query: string) =>
      (await spec.owner.get<Page<{ email: string }>>(`/api/customers?${query}`)).body.items.map(
        (item) => item.email,
      );
    expect(await emailsOf('hasAnswered=true')).toEqual([buyer]);
    expect(await emailsOf('hasAnswered=false')).not.toContain(buyer);
    expect(await emailsOf('band=detractor&search=carla')).toEqual([buyer]);
    expect(await emailsOf('band=promoter')).toEqual([]);
    expect((await spec.owner.get('/api/customers?band=happy')).status).toBe(400);

    const [customer] = (await spec.owner.get<Page<{ id: string }>>('/api/customers?hasAnswered=true')).body
      .items;
    const detail = await spec.owner.get<{ timeline: { kind: string }[] }>(`/api/customers/${customer?.id}`);
    expect(detail.body.timeline.filter((entry) => ['answer', 'case'].includes(entry.kind))).toEqual([
      expect.objectContaining({ kind: 'answer', score: 5, band: 'detractor', comment: 'The rye was stale.' }),
      expect.objectContaining({ kind: 'case', status: 'open', reasons: 'NPS 3' }),
    ]);
  });

  it('drops the reminder once the buyer answered', async () => {
    expect(
      await count(
        `SELECT count(*) AS n FROM messages WHERE tenant_id = $1 AND kind = 'reminder' AND status = 'cancelled'
            AND skip_reason = 'cancelled: the buyer answered'`,
      ),
    ).toBe(1);
  });

  it('answers friendly pages for unknown and incomplete links', async () => {
    const unknown = await raw('GET', `${spec.testApp.baseUrl}/api/a/${'0'.repeat(32)}.${'A'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('This link does not work');
    const cut = await raw('POST', `${answerUrl.slice(0, -5)}`, form({ 'q.score': '9' }));
    expect(cut.status).toBe(404);
    expect(cut.text).toContain('Nothing was recorded');
  });

  it('filters, searches and exports the answers', async () => {
    const search = await spec.owner.get<Page<AnswerResponse>>(
      '/api/answers?q=STALE&hasComment=true&channel=web',
    );
    expect(search.body.items.map((item) => item.comment)).toEqual(['The rye was stale.']);
    const none = await spec.owner.get<Page<AnswerResponse>>('/api/answers?band=promoter');
    expect(none.body.items).toEqual([]);
    const bad = await spec.owner.get('/api/answers?band=happy&from=yesterday');
    expect(bad.status).toBe(400);
    const csv = await spec.owner.get<string>('/api/answers/export.csv');
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain(
      '"Carla Buyer","carla@answers.example","#A1","How did we do?",5,"nps"',
    );
  });

  it('keeps per-product ratings from a product survey', async () => {
    const products = await spec.owner.get<ProductRatingResponse[]>('/api/answers/products');
    expect(products.body).toEqual([]);
    // The product survey rates each product of the order, in name order (Rye bread, Sourdough loaf): attach it and answer through a fresh request.
    await withClient(spec.testApp.ownerUrl, async (db) => {
      await db.query(
        `UPDATE messages SET survey_version_id = (SELECT v.id FROM survey_versions v JOIN surveys s
                   ON s.tenant_id = v.tenant_id AND s.id = v.survey_id WHERE s.tenant_id = $1 AND s.name = 'Rate your products')
          WHERE tenant_id = $1 AND kind = 'opinion-request'`,
        [spec.tenantId],
      );
      await db.query(`DELETE FROM answers WHERE tenant_id = $1`, [spec.tenantId]);
    });
    const page = await raw(
      'POST',
      answerUrl,
      form({ 'q.products.0': '2', 'q.products.1': '5', 'q.comment': 'Rye too dry' }),
    );
    expect(page.status).toBe(200);
    const rated = await spec.owner.get<ProductRatingResponse[]>('/api/answers/products');
    expect(rated.body.map((row) => [row.product, row.average, row.ratings])).toEqual([
      ['Sourdough loaf', 5, 1],
      ['Rye bread', 2, 1],
    ]);
    const cases = await spec.owner.get<Page<CaseResponse>>('/api/cases');
    expect(cases.body.items.map((item) => item.reasons)).toEqual([['Rye bread rated 2 stars']]);
  });

  it('checks the answer settings and, when the business invites every buyer, offers each review platform after answering, counting clicks per platform', async () => {
    const settings = {
      reviewPlatforms: [] as { platform: string; target: string }[],
      reviewInvitations: true,
      reminders: [4],
      journeyCap: { anyFollowUpDays: 3, opinionRequestDays: 30 },
      caseThresholds: { nps: 6, csat: 2, productRating: 2 },
      caseSettings: {
        businessHours: { opens: '09:00', closes: '17:00', days: [1, 2, 3, 4, 5] },
        slaBusinessDays: 1,
      },
    };
    const bad = await spec.owner.put<{ details: { field: string }[] }>('/api/feedback-settings', settings);
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((detail) => detail.field)).toEqual(['reviewPlatforms']);
    const wrong = await spec.owner.put<{ details: { field: string }[] }>('/api/feedback-settings', {
      ...settings,
      reviewPlatforms: [{ platform: 'google', target: 'a b' }],
    });
    expect(wrong.body.details.map((detail) => detail.field)).toEqual(['reviewPlatforms.0.target']);
    const saved = await spec.owner.put<FeedbackSettings>('/api/feedback-settings', {
      ...settings,
      reviewPlatforms: [
        { platform: 'google', target: 'ChIJN1t_tDeuEmsRUsoyG83frY4' },
        { platform: 'facebook', target: 'https://www.facebook.com/AnswerBakery/' },
        { platform: 'other', target: 'https://reviews.example/answer-bakery' },
      ],
    });
    expect(saved.status).toBe(200);
    // A pasted Facebook address is kept as the page name in it.
    expect(saved.body.reviewPlatforms[1]).toEqual({ platform: 'facebook', target: 'AnswerBakery' });

    const page = await raw('POST', answerUrl, form({ 'q.comment': 'More seeds please' }));
    expect(page.text).toContain('Review us on Google');
    expect(page.text).toContain('Review us on Facebook');
    expect(page.text).toContain('Write a public review');
    const google = await raw('POST', `${answerUrl}/review?platform=google`);
    expect(google.status).toBe(303);
    expect(google.headers.get('location')).toBe(
      'https://search.google.com/local/writereview?placeid=ChIJN1t_tDeuEmsRUsoyG83frY4',
    );
    const other = await raw('POST', `${answerUrl}/review?platform=other`);
    expect(other.headers.get('location')).toBe('https://reviews.example/answer-bakery');
    await raw('POST', `${answerUrl}/review?platform=google`);
    // A platform the business does not use leads nowhere.
    expect((await raw('POST', `${answerUrl}/review?platform=trustpilot`)).status).toBe(404);
    expect(
      await count(`SELECT count(*) AS n FROM answers WHERE tenant_id = $1 AND review_clicked_at IS NOT NULL`),
    ).toBe(1);
    const clicks = await spec.owner.get<ReviewClicksResponse>('/api/review-clicks?days=7');
    expect(clicks.body.platforms).toEqual([
      { platform: 'google', clicks: 2 },
      { platform: 'other', clicks: 1 },
    ]);
  });

  it('lets staff note, reply to the buyer by email, and resolve with a reason', async () => {
    const [opened] = (await spec.owner.get<Page<CaseResponse>>('/api/cases')).body.items;
    const id = opened?.id ?? '';
    const noted = await spec.owner.post<CaseDetailResponse>(`/api/cases/${id}/notes`, {
      body: 'Checking with the baker.',
    });
    expect(noted.status).toBe(201);
    const replied = await spec.owner.post<CaseDetailResponse>(`/api/cases/${id}/replies`, {
      body: 'Sorry about the rye, Carla.\n\nYour next loaf is on us.',
    });
    expect(replied.status).toBe(201);
    expect(replied.body.status).toBe('waiting');
    expect(replied.body.firstReplyAt).not.toBeNull();
    await spec.testApp.app.get(FollowUpDispatcher).dispatchDue(new Date());
    const [reply] = await mailTo(spec.testApp, buyer);
    expect(reply?.subject).toBe('Re: How did we do, Carla?');
    expect(reply?.text).toContain('Your next loaf is on us.');
    expect(reply?.replyTo).toMatch(/^r-[0-9a-z]{25}-[0-9a-z]{25}@/);

    const refused = await spec.owner.patch(`/api/cases/${id}`, { status: 'resolved' });
    expect(refused.status).toBe(400);
    const tooLate = await spec.owner.patch<ApiErrorBody>(`/api/cases/${id}`, {
      status: 'resolved',
      resolution: 'Refunded the rye',
      askAgainInDays: 90,
    });
    expect(tooLate.body.details?.map((detail) => detail.field)).toEqual(['askAgainInDays']);
    const resolved = await spec.owner.patch<CaseDetailResponse>(`/api/cases/${id}`, {
      status: 'resolved',
      resolution: 'Refunded the rye',
      askAgainInDays: 7,
    });
    expect(resolved.body).toMatchObject({ status: 'resolved', resolution: 'Refunded the rye' });
    expect(resolved.body.entries.map((entry) => [entry.kind, entry.body])).toEqual([
      ['note', 'Checking with the baker.'],
      ['reply', 'Sorry about the rye, Carla.\n\nYour next loaf is on us.'],
      [
        'status',
        'Marked resolved: Refunded the rye. The buyer will be asked again in 7 days whether they would now recommend you.',
      ],
    ]);
    // A week later Carla is asked again, though her first request went days ago: a person chose it. (The
    // window stays open for the spec, whatever the hour it runs at.)
    await spec.owner.patch('/api/business', {
      sendWindow: { opens: '00:00', closes: '23:59', days: [1, 2, 3, 4, 5, 6, 7] },
    });
    const before = (await mailTo(spec.testApp, buyer)).length;
    await spec.testApp.app
      .get(FollowUpDispatcher)
      .dispatchDue(new Date(Date.now() + 7 * 86_400_000 + 60_000));
    const mails = await mailTo(spec.testApp, buyer);
    expect(mails).toHaveLength(before + 1);
    const [asked] = mails;
    expect(asked?.subject).toBe('How did we do, Carla?');
    // It carries the survey her answer was to, with a fresh answer link.
    expect(asked?.text).toMatch(/Give your opinion \(http:\/\/[^)]+\/api\/a\/[0-9a-f]{32}\./);
    expect(resolved.body.entries[1]?.delivery).toBe('sent');
    expect((await spec.owner.get<Page<CaseResponse>>('/api/cases?unresolved=true')).body.items).toEqual([]);
    expect((await spec.owner.get<Page<CaseResponse>>('/api/cases?status=resolved')).body.items).toHaveLength(
      1,
    );

    const times = await spec.owner.get<ResponseTimesResponse>('/api/cases/response-times');
    expect(times.body.business).toMatchObject({ opened: 1, replied: 1, resolved: 1, overdue: 0 });
    expect(times.body.business.medianFirstReplyMinutes).toBeGreaterThanOrEqual(0);
    expect(times.body.members).toEqual([
      expect.objectContaining({ name: 'Olga Owner', opened: 1, replied: 1, resolved: 1 }),
    ]);
    const backwards = await spec.owner.get('/api/cases/response-times?from=2027-02-01&to=2027-01-01');
    expect(backwards.status).toBe(400);
    expect(resolved.body.order?.products).toEqual(['Rye bread', 'Sourdough loaf']);
  });

  it('lets a business choose the survey an opinion request carries, or none', async () => {
    const surveys = (await spec.owner.get<SurveyResponse[]>('/api/surveys')).body;
    const products = surveys.find((survey) => survey.name === 'Rate your products');
    const rules = (await spec.owner.get<AutomationResponse[]>('/api/automations')).body;
    const opinion = rules.find((rule) => rule.kind === 'opinion-request');
    expect(opinion?.survey?.name).toBe('How did we do?');
    const changed = await spec.owner.patch<AutomationResponse>(`/api/automations/${opinion?.id}`, {
      surveyId: products?.id,
    });
    expect(changed.body.survey).toEqual({ id: products?.id, name: 'Rate your products' });
    const unknown = await spec.owner.patch<{ details: { field: string }[] }>(
      `/api/automations/${opinion?.id}`,
      {
        surveyId: '00000000-0000-4000-8000-000000000000',
      },
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.details.map((detail) => detail.field)).toEqual(['surveyId']);
    const none = await spec.owner.patch<AutomationResponse>(`/api/automations/${opinion?.id}`, {
      surveyId: null,
    });
    expect(none.body.survey).toBeNull();
  });
});
