import type { MeResponse, SurveyPreviewResponse, SurveyResponse } from '@rapport/domain';
import type { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';
import { withClient } from '../support/test-database';

describe('surveys', () => {
  let testApp: TestApp;
  let owner: HttpClient;
  let tenantId: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    owner = testApp.http();
    const signedUp = await owner.post<MeResponse>('/api/auth/signup', {
      businessName: 'Survey Bakery',
      name: 'Sue Owner',
      email: `sue-${Date.now()}@surveys.example`,
      password: 'ovens warm before dawn',
      timeZone: 'Europe/Paris',
      country: 'FR',
    });
    tenantId = signedUp.body.business?.id ?? '';
  });
  afterAll(() => testApp.close());

  it('gives a new business the two default surveys, the first attached to its opinion request', async () => {
    const surveys = await owner.get<SurveyResponse[]>('/api/surveys');
    expect(surveys.body.map((survey) => [survey.name, survey.version, survey.usedBy])).toEqual([
      ['How did we do?', 1, ['How did we do?']],
      ['Rate your products', 1, []],
    ]);
  });

  it('names each problem of a survey by its field and saves nothing', async () => {
    const refused = await owner.post<{ details: { field: string; reason: string }[] }>('/api/surveys', {
      name: 'Broken',
      definition: {
        questions: [{ id: 'x', type: 'single-choice', prompt: 'Which?', options: ['only one'] }],
      },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([
      { field: 'definition.questions[0].options', reason: 'must list 2 to 10 choices' },
    ]);
    const taken = await owner.post<{ details: { field: string }[] }>('/api/surveys', {
      name: 'How did we do?',
      definition: { questions: [{ id: 'score', type: 'csat', required: true }] },
    });
    expect(taken.body.details.map((detail) => detail.field)).toEqual(['name']);
    expect((await owner.get<SurveyResponse[]>('/api/surveys')).body).toHaveLength(2);
  });

  it('saves an edit as the next version and keeps the earlier one as it was', async () => {
    const created = await owner.post<SurveyResponse>('/api/surveys', {
      name: 'Quick check',
      definition: {
        questions: [{ id: 'score', type: 'csat', prompt: null, required: true }],
        thankYou: null,
      },
    });
    expect(created.status).toBe(201);
    const edited = await owner.put<SurveyResponse>(`/api/surveys/${created.body.id}`, {
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
    const versions = await withClient(testApp.ownerUrl, async (db) => {
      const { rows } = await db.query<{ version: number; prompt: string | null }>(
        `SELECT version, definition->'questions'->0->>'prompt' AS prompt FROM survey_versions
          WHERE tenant_id = $1 AND survey_id = $2 ORDER BY version`,
        [tenantId, created.body.id],
      );
      return rows;
    });
    expect(versions).toEqual([
      { version: 1, prompt: null },
      { version: 2, prompt: 'Happy with your bread?' },
    ]);
  });

  it('previews the email with the first question inline and the answer page, in the chosen language', async () => {
    const preview = await owner.post<SurveyPreviewResponse>('/api/surveys/preview', {
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
});
