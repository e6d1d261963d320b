import type {
  AnswerDetailResponse,
  AnswerResponse,
  FeedbackSettings,
  Page,
  SurveyPreviewResponse,
  SurveyResponse,
} from '@rapport/domain';
import { FollowUpDispatcher } from '../../src/automations/follow-up-dispatcher';
import { FollowUpPlanner } from '../../src/automations/follow-up-planner';
import { mailTo } from '../support/factories';
import { withClient } from '../support/test-database';
import { appWithSignedUpBusiness } from '../support/spec-app';

describe('surveys', () => {
  const spec = appWithSignedUpBusiness({ name: 'Survey Bakery', timeZone: 'Europe/Paris', country: 'FR' });

  it('gives a new business the two default surveys, the first attached to its opinion requests', async () => {
    const surveys = await spec.owner.get<SurveyResponse[]>('/api/surveys');
    expect(surveys.body.map((survey) => [survey.name, survey.version, survey.usedBy])).toEqual([
      ['How did we do?', 1, ['How did we do?', 'How was your visit?']],
      ['Rate your products', 1, []],
    ]);
  });

  it('names each problem of a survey by its field and saves nothing', async () => {
    const refused = await spec.owner.post<{ details: { field: string; reason: string }[] }>('/api/surveys', {
      name: 'Broken',
      definition: {
        questions: [{ id: 'x', type: 'single-choice', prompt: 'Which?', options: ['only one'] }],
      },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([
      { field: 'definition.questions[0].options', reason: 'must list 2 to 10 choices' },
    ]);
    const taken = await spec.owner.post<{ details: { field: string }[] }>('/api/surveys', {
      name: 'How did we do?',
      definition: { questions: [{ id: 'score', type: 'csat', required: true }] },
    });
    expect(taken.body.details.map((detail) => detail.field)).toEqual(['name']);
    expect((await spec.owner.get<SurveyResponse[]>('/api/surveys')).body).toHaveLength(2);
  });

  it('saves an edit as the next version and keeps the earlier one as it was', async () => {
    const created = await spec.owner.post<SurveyResponse>('/api/surveys', {
      name: 'Quick check',
      definition: {
        questions: [{ id: 'score', type: 'csat', prompt: null, required: true }],
        thankYou: null,
      },
    });
    expect(created.status).toBe(201);
    const edited = await spec.owner.put<SurveyResponse>(`/api/surveys/${created.body.id}`, {
      name: 'Quick check',
      definition: {
        questions: [
          { id: 'score', type: 'csat', prompt: 'Happy with your bread?', required: true },
          {
            id: 'why',
            type: 'text',
            prompt: null,
            required: false,
            showWhen: { question: 'score', atMost: 2 },
          },
        ],
        thankYou: 'Merci !',
      },
    });
    expect(edited.body.version).toBe(2);
    const versions = await withClient(spec.testApp.ownerUrl, async (db) => {
      const { rows } = await db.query<{ version: number; prompt: string | null }>(
        `SELECT version, definition->'questions'->0->>'prompt' AS prompt FROM survey_versions
          WHERE tenant_id = $1 AND survey_id = $2 ORDER BY version`,
        [spec.tenantId, created.body.id],
      );
      return rows;
    });
    expect(versions).toEqual([
      { version: 1, prompt: null },
      { version: 2, prompt: 'Happy with your bread?' },
    ]);
  });

  it('keeps wording per language, shows it to buyers of that language and names a language it does not have', async () => {
    const definition = {
      questions: [
        {
          id: 'score',
          type: 'nps',
          prompt: null,
          prompts: { es: '¿Nos recomendarías a un vecino?' },
          required: true,
        },
      ],
      thankYou: null,
    };
    const created = await spec.owner.post<SurveyResponse>('/api/surveys', {
      name: 'Per language',
      definition,
    });
    expect(created.status).toBe(201);
    expect(created.body.definition).toEqual(definition);
    const spanish = await spec.owner.post<SurveyPreviewResponse>('/api/surveys/preview', {
      definition,
      locale: 'es',
    });
    expect(spanish.body.pageHtml).toContain('¿Nos recomendarías a un vecino?');
    const english = await spec.owner.post<SurveyPreviewResponse>('/api/surveys/preview', {
      definition,
      locale: 'en',
    });
    expect(english.body.pageHtml).toContain('How likely are you to recommend Survey Bakery to a friend?');

    const refused = await spec.owner.put<{ details: { field: string; reason: string }[] }>(
      `/api/surveys/${created.body.id}`,
      {
        name: 'Per language',
        definition: {
          ...definition,
          questions: [{ ...definition.questions[0], prompts: { it: 'Ci consiglieresti?' } }],
        },
      },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([
      { field: 'definition.questions[0].prompts.it', reason: 'is not one of en, es, fr, de' },
    ]);
    const kept = await spec.owner.get<SurveyResponse>(`/api/surveys/${created.body.id}`);
    expect(kept.body.version).toBe(1);
  });

  it('previews the email with the first question inline and the answer page, in the chosen language', async () => {
    const preview = await spec.owner.post<SurveyPreviewResponse>('/api/surveys/preview', {
      definition: { questions: [{ id: 'score', type: 'csat', prompt: null, required: true }] },
      locale: 'de',
    });
    expect(preview.status).toBe(200);
    expect(preview.body.emailHtml).toContain('Wie zufrieden sind Sie mit Ihrer Bestellung?');
    expect(preview.body.emailHtml.match(/\?score=\d/g)).toEqual([
      '?score=1',
      '?score=2',
      '?score=3',
      '?score=4',
      '?score=5',
    ]);
    expect(preview.body.pageHtml).toContain('<html lang="de">');
    expect(preview.body.pageHtml).toContain('Sehr zufrieden');
  });

  it('sends one reminder four days after an unanswered opinion request, with the same survey', async () => {
    const buyer = 'rita@surveys.example';
    const T0 = new Date('2027-02-01T09:00:00Z');
    const at = (days: number) => new Date(T0.getTime() + days * 86_400_000);
    await spec.owner.post('/api/orders', {
      externalId: '#S1',
      customer: { email: buyer, name: 'Rita Reminder', locale: 'fr' },
      placedAt: T0.toISOString(),
      total: '5.00',
      currency: 'EUR',
      lines: [{ productName: 'Baguette', quantity: 2, unitPrice: '2.50' }],
    });
    await spec.testApp.app.get(FollowUpPlanner).planPending(at(0.01));
    for (const day of [1, 10, 14, 20, 40])
      await spec.testApp.app.get(FollowUpDispatcher).dispatchDue(at(day));
    const sent = await withClient(spec.testApp.ownerUrl, async (db) => {
      const { rows } = await db.query<{ kind: string; sent_at: Date; same_survey: boolean }>(
        `SELECT m.kind, m.sent_at, m.survey_version_id = r.survey_version_id AS same_survey
           FROM messages m JOIN customers c ON c.tenant_id = m.tenant_id AND c.id = m.customer_id
           LEFT JOIN messages r ON r.tenant_id = m.tenant_id AND r.id = m.reminder_of
          WHERE m.tenant_id = $1 AND c.email = $2 AND m.status = 'sent' ORDER BY m.sent_at`,
        [spec.tenantId, buyer],
      );
      return rows.map((row) => [row.kind, row.sent_at.toISOString(), row.same_survey]);
    });
    // The thank-you on day 1, the request on day 10, its reminder when the dispatcher next runs after day 14.
    expect(sent).toEqual([
      ['thank-you', at(1).toISOString(), null],
      ['opinion-request', at(10).toISOString(), null],
      ['reminder', at(14).toISOString(), true],
    ]);
    const [reminder] = await mailTo(spec.testApp, buyer);
    expect(reminder?.subject).toBe('Une minute pour Survey Bakery ?');
    expect(reminder?.html).toMatch(/\/api\/a\/[^"?]+\?score=10/);
  });

  it("follows the business's reminders and journey cap: up to three reminders, none after the answer", async () => {
    const buyer = 'rosa@surveys.example';
    const T0 = new Date('2027-04-05T08:00:00Z'); // a Monday, 10:00 in Paris
    const at = (days: number) => new Date(T0.getTime() + days * 86_400_000);
    const settings = (await spec.owner.get<FeedbackSettings>('/api/feedback-settings')).body;
    const saved = await spec.owner.put<FeedbackSettings>('/api/feedback-settings', {
      ...settings,
      reminders: [4, 8, 12],
      journeyCap: { anyFollowUpDays: 2, opinionRequestDays: 60 },
    });
    expect(saved.body).toMatchObject({
      reminders: [4, 8, 12],
      journeyCap: { anyFollowUpDays: 2, opinionRequestDays: 60 },
    });
    const order = (externalId: string, placedAt: Date) =>
      spec.owner.post('/api/orders', {
        externalId,
        customer: { email: buyer, name: 'Rosa Reminder', locale: 'en' },
        placedAt: placedAt.toISOString(),
        total: '5.00',
        currency: 'EUR',
        lines: [{ productName: 'Baguette', quantity: 2, unitPrice: '2.50' }],
      });
    await order('#R1', T0);
    const planner = spec.testApp.app.get(FollowUpPlanner);
    const dispatcher = spec.testApp.app.get(FollowUpDispatcher);
    await planner.planPending(at(0.01));
    for (const day of [1, 10, 14, 18]) await dispatcher.dispatchDue(at(day));
    const [secondReminder] = await mailTo(spec.testApp, buyer);
    const answerUrl = /href="([^"]*\/api\/a\/[^"?]+)\?score=/.exec(secondReminder?.html ?? '')?.[1] ?? '';
    const answered = await fetch(answerUrl.replace(/^https?:\/\/[^/]+/, spec.testApp.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'q.score=9',
    });
    expect(answered.status).toBe(200);
    // The business writes French; Rosa was asked in English, and staff read her questions as she saw them.
    const [answer] = (
      await spec.owner.get<Page<AnswerResponse>>('/api/answers?channel=web')
    ).body.items.filter((item) => item.customer.email === buyer);
    const detail = await spec.owner.get<AnswerDetailResponse>(`/api/answers/${answer?.id}`);
    expect(detail.body.locale).toBe('en');
    expect(detail.body.questions.map((question) => question.prompt)).toEqual([
      'How likely are you to recommend Survey Bakery to a friend?',
    ]);
    // A second order 32 days after the first request: the business's 60-day cap skips its request.
    await order('#R2', at(32));
    await planner.planPending(at(32.01));
    for (const day of [22, 33, 42]) await dispatcher.dispatchDue(at(day));
    const journey = await withClient(spec.testApp.ownerUrl, async (db) => {
      const { rows } = await db.query<{
        kind: string;
        n: number | null;
        status: string;
        sent_at: Date | null;
      }>(
        `SELECT m.kind, m.reminder_number AS n, m.status, m.sent_at
           FROM messages m JOIN customers c ON c.tenant_id = m.tenant_id AND c.id = m.customer_id
          WHERE m.tenant_id = $1 AND c.email = $2 ORDER BY m.due_at, m.reminder_number`,
        [spec.tenantId, buyer],
      );
      return rows.map((row) => [row.kind, row.n, row.status, row.sent_at?.toISOString() ?? null]);
    });
    // Her 9 makes her a promoter: she is asked, once, to recommend the bakery (due a day after she
    // answered, on the real clock; sent at the next dispatch, at least 3 days after the last reminder).
    expect(journey).toEqual([
      ['referral-request', null, 'sent', at(22).toISOString()],
      ['thank-you', null, 'sent', at(1).toISOString()],
      ['opinion-request', null, 'sent', at(10).toISOString()],
      ['reminder', 1, 'sent', at(14).toISOString()],
      ['reminder', 2, 'sent', at(18).toISOString()],
      ['reminder', 3, 'cancelled', null],
      ['thank-you', null, 'sent', at(33).toISOString()],
      ['opinion-request', null, 'skipped', null],
    ]);
  });
});
