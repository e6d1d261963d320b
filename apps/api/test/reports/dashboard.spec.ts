import type { DashboardResponse, DeliveryHealthResponse } from '@rapport/domain';
import { withClient } from '../support/test-database';
import { appWithSignedUpBusiness } from '../support/spec-app';

const DAY = 86_400_000;

describe('the dashboard', () => {
  const spec = appWithSignedUpBusiness({ name: 'Dash Bakery', timeZone: 'Europe/Berlin', country: 'DE' });

  beforeAll(async () => {
    const now = Date.now();
    // Opinion requests 2, 12 and 45 days ago, answered a day later: 10, 2 and 9; a CSAT 4 three days ago.
    await withClient(spec.testApp.ownerUrl, async (db) => {
      const customer = await db.query<{ id: string }>(
        `INSERT INTO customers (tenant_id, email, name) VALUES ($1, 'kai@buyers.example', 'Kai Buyer') RETURNING id`,
        [spec.tenantId],
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
          [spec.tenantId, customer.rows[0]?.id, new Date(now - (daysAgo + 1) * DAY)],
        );
        const band =
          type === 'csat' ? 'promoter' : score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
        await db.query(
          `INSERT INTO answers (tenant_id, message_id, customer_id, score, score_type, band, comment, channel, answered_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 'web', $8)`,
          [
            spec.tenantId,
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
      // A thank-you yesterday that no provider has reported on yet: every kind of email counts as sent.
      await db.query(
        `INSERT INTO messages (tenant_id, customer_id, kind, status, due_at, sent_at)
         VALUES ($1, $2, 'thank-you', 'sent', $3, $3)`,
        [spec.tenantId, customer.rows[0]?.id, new Date(now - DAY)],
      );
      const [lowAnswer] = (
        await db.query<{ id: string }>(`SELECT id FROM answers WHERE tenant_id = $1 AND score = 2`, [
          spec.tenantId,
        ])
      ).rows;
      await db.query(
        `INSERT INTO cases (tenant_id, answer_id, customer_id, reasons, due_at) VALUES ($1, $2, $3, '{NPS 2}', $4)`,
        [spec.tenantId, lowAnswer?.id, customer.rows[0]?.id, new Date(now - 9 * DAY)],
      );
    });
  });

  it('sums up the last 7 and 30 days, the trend, answers per day and the latest comments', async () => {
    const result = await spec.owner.get<DashboardResponse>('/api/dashboard');
    expect(result.status).toBe(200);
    const [week, month] = result.body.periods;
    // Requests sent 2, 4, 12 and 45 days ago and a thank-you yesterday: 3 emails in the week, 4 in the month;
    // the 7 days before the week hold the request of 12 days ago and its answer (2), the 30 days before the
    // month the one of 45 days ago and its answer (9).
    expect(week).toEqual({
      days: 7,
      sent: 3,
      requests: 2,
      answers: 2,
      responseRate: 1,
      nps: 100,
      csat: 4,
      previous: { sent: 1, requests: 1, answers: 1, responseRate: 1, nps: -100, csat: null },
    });
    expect(month).toEqual({
      days: 30,
      sent: 4,
      requests: 3,
      answers: 3,
      responseRate: 1,
      nps: 0,
      csat: 4,
      previous: { sent: 1, requests: 1, answers: 1, responseRate: 1, nps: 100, csat: null },
    });
    expect(result.body).toMatchObject({ openCases: 1, overdueCases: 1 });
    expect(result.body.npsTrend).toHaveLength(12);
    expect(result.body.answersPerDay).toHaveLength(30);
    expect(result.body.answersPerDay.reduce((sum, day) => sum + day.count, 0)).toBe(3);
    expect(result.body.latestComments.map((item) => item.comment)).toEqual([
      'Wonderful pretzels',
      'Stale rolls',
    ]);
  });

  it('counts the same emails as sent as the delivery card beside it, for each period', async () => {
    const dashboard = await spec.owner.get<DashboardResponse>('/api/dashboard');
    for (const period of dashboard.body.periods) {
      const health = await spec.owner.get<DeliveryHealthResponse>(`/api/messages/health?days=${period.days}`);
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({ days: period.days, sent: period.sent, awaitingReport: 1 });
    }
  });

  it('has no delivered share to show while no provider has reported: not 0%', async () => {
    const health = await spec.owner.get<DeliveryHealthResponse>('/api/messages/health?days=7');
    // Two requests reported delivered, the thank-you awaiting its report: shares are of the two.
    expect(health.body).toMatchObject({
      sent: 3,
      awaitingReport: 1,
      delivered: 2,
      deliveredRate: 1,
      carrier: 'development-mailbox',
    });
  });

  it.each(['9', 'week', '-7'])('refuses a delivery period of %p, naming the field', async (days) => {
    const result = await spec.owner.get<{ message: string }>(`/api/messages/health?days=${days}`);
    expect(result.status).toBe(400);
    expect(JSON.stringify(result.body)).toContain('days');
  });
});
