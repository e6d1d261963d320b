import type { DashboardResponse } from '@rapport/domain';
import { signUpBusiness } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';
import { withClient } from '../support/test-database';

const DAY = 86_400_000;

describe('the dashboard', () => {
  let testApp: TestApp;
  let owner: HttpClient;
  let tenantId: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    ({ owner, id: tenantId } = await signUpBusiness(testApp, {
      name: 'Dash Bakery',
      ownerName: 'Dana Owner',
      timeZone: 'Europe/Berlin',
      country: 'DE',
    }));
    const now = Date.now();
    // Opinion requests 2, 12 and 45 days ago, answered a day later: 10, 2 and 9; a CSAT 4 three days ago.
    await withClient(testApp.ownerUrl, async (db) => {
      const customer = await db.query<{ id: string }>(
        `INSERT INTO customers (tenant_id, email, name) VALUES ($1, 'kai@buyers.example', 'Kai Buyer') RETURNING id`,
        [tenantId],
      );
      const answers: [number, number, 'nps' | 'csat', string | null][] = [
        [1, 10, 'nps', 'Wonderful pretzels'],
        [11, 2, 'nps', 'Stale rolls'],
        [44, 9, 'nps', null],
        [3, 4, 'csat', null],
      ];
      for (const [daysAgo, score, type, comment] of answers) {
        const message = await db.query<{ id: string }>(
          `INSERT INTO messages (tenant_id, customer_id, kind, status, due_at, sent_at)
           VALUES ($1, $2, 'opinion-request', 'delivered', $3, $3) RETURNING id`,
          [tenantId, customer.rows[0]?.id, new Date(now - (daysAgo + 1) * DAY)],
        );
        const band =
          type === 'csat' ? 'promoter' : score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
        await db.query(
          `INSERT INTO answers (tenant_id, message_id, customer_id, score, score_type, band, comment, channel, answered_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 'web', $8)`,
          [
            tenantId,
            message.rows[0]?.id,
            customer.rows[0]?.id,
            score,
            type,
            band,
            comment,
            new Date(now - daysAgo * DAY),
          ],
        );
      }
      const [lowAnswer] = (
        await db.query<{ id: string }>(`SELECT id FROM answers WHERE tenant_id = $1 AND score = 2`, [
          tenantId,
        ])
      ).rows;
      await db.query(
        `INSERT INTO cases (tenant_id, answer_id, customer_id, reasons, due_at) VALUES ($1, $2, $3, '{NPS 2}', $4)`,
        [tenantId, lowAnswer?.id, customer.rows[0]?.id, new Date(now - 9 * DAY)],
      );
    });
  });
  afterAll(() => testApp.close());

  it('sums up the last 7 and 30 days, the trend, answers per day and the latest comments', async () => {
    const result = await owner.get<DashboardResponse>('/api/dashboard');
    expect(result.status).toBe(200);
    const [week, month] = result.body.periods;
    // Requests sent 2, 4, 12 and 45 days ago: 2 in the week, 3 in the month.
    expect(week).toEqual({ days: 7, sent: 2, requests: 2, answers: 2, responseRate: 1, nps: 100, csat: 4 });
    expect(month).toMatchObject({ days: 30, requests: 3, answers: 3, nps: 0, csat: 4 });
    expect(result.body).toMatchObject({ openCases: 1, overdueCases: 1 });
    expect(result.body.npsTrend).toHaveLength(12);
    expect(result.body.answersPerDay).toHaveLength(30);
    expect(result.body.answersPerDay.reduce((sum, day) => sum + day.count, 0)).toBe(3);
    expect(result.body.latestComments.map((item) => item.comment)).toEqual([
      'Wonderful pretzels',
      'Stale rolls',
    ]);
  });
});
