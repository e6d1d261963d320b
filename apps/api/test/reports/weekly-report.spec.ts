import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { WeeklyReportResponse, WeeklyReportSummary } from '@rapport/domain';
import { WeeklyReporter } from '../../src/reports/weekly-reporter';
import {
  addMember,
  createUser,
  mailTo,
  signedIn,
  signUpBusiness,
  type SignedUpBusiness,
} from '../support/factories';
import { withClient } from '../support/test-database';
import { startedApp } from '../support/spec-app';

const run = promisify(execFile);
const HOUR = 3_600_000;

type Business = SignedUpBusiness;

/** The NPS of a list of scores, computed here on its own: % of 9-10 minus % of 0-6, rounded. */
function expectedNps(scores: number[]): number {
  const promoters = scores.filter((score) => score >= 9).length;
  const detractors = scores.filter((score) => score <= 6).length;
  return Math.round(((promoters - detractors) * 100) / scores.length);
}

describe('the weekly report', () => {
  const spec = startedApp();
  let madrid: Business;
  let newYork: Business;

  const signUp = (name: string, timeZone: string, country: string) =>
    signUpBusiness(spec.testApp, { name, timeZone, country });

  /** Writes what a week of trade leaves behind, at exact instants: answers (with their messages) and orders. */
  async function seed(
    business: Business,
    answers: { at: string; score: number; comment?: string; replyComment?: string }[],
    orders: string[],
  ) {
    await withClient(spec.testApp.ownerUrl, async (db) => {
      const customer = await db.query<{ id: string }>(
        `INSERT INTO customers (tenant_id, email, name) VALUES ($1, $2, 'Nora Buyer') RETURNING id`,
        [business.id, `nora-${Math.random().toString(36).slice(2)}@buyers.example`],
      );
      const customerId = customer.rows[0]?.id;
      for (const [index, placedAt] of orders.entries()) {
        await db.query(
          `INSERT INTO orders (tenant_id, customer_id, source, external_id, placed_at, status, total, currency)
           VALUES ($1, $2, 'api', $3, $4, 'placed', 10, 'EUR')`,
          [business.id, customerId, `#W${index}-${placedAt}`, placedAt],
        );
      }
      for (const answer of answers) {
        const message = await db.query<{ id: string }>(
          `INSERT INTO messages (tenant_id, customer_id, kind, status, due_at, sent_at)
           VALUES ($1, $2, 'opinion-request', 'delivered', $3::timestamptz - interval '1 day', $3::timestamptz - interval '1 day')
           RETURNING id`,
          [business.id, customerId, answer.at],
        );
        const band = answer.score >= 9 ? 'promoter' : answer.score >= 7 ? 'passive' : 'detractor';
        await db.query(
          `INSERT INTO answers (tenant_id, message_id, customer_id, answers, score, score_type, band, comment,
                                reply_comment, channel, answered_at)
           VALUES ($1, $2, $3, '{}', $4, 'nps', $5, $6, $7, 'web', $8)`,
          [
            business.id,
            message.rows[0]?.id,
            customerId,
            answer.score,
            band,
            answer.comment ?? null,
            answer.replyComment ?? null,
            answer.at,
          ],
        );
      }
    });
  }

  async function reportRows(business: Business) {
    return withClient(spec.testApp.ownerUrl, async (db) => {
      const { rows } = await db.query<{ week_start: string; emailed_at: Date }>(
        `SELECT to_char(week_start, 'YYYY-MM-DD') AS week_start, emailed_at FROM weekly_reports
          WHERE tenant_id = $1 ORDER BY week_start`,
        [business.id],
      );
      return rows.map((row) => [row.week_start, row.emailed_at.toISOString()]);
    });
  }

  beforeAll(async () => {
    madrid = await signUp('Madrid Bakery', 'Europe/Madrid', 'ES');
    newYork = await signUp('Brooklyn Bakery', 'America/New_York', 'US');
    // Both have been with Rapport since January: the weeks below are theirs to report.
    await withClient(spec.testApp.ownerUrl, (db) =>
      db.query(`UPDATE tenants SET created_at = '2026-01-01' WHERE id = ANY($1)`, [[madrid.id, newYork.id]]),
    );
    // Last week's reports went out already, as they would have on a running app.
    for (const business of [madrid, newYork]) {
      await withClient(spec.testApp.ownerUrl, (db) =>
        db.query(
          `INSERT INTO weekly_reports (tenant_id, week_start, content, emailed_at) VALUES ($1, '2026-02-16', '{}', '2026-02-23T07:00:00Z')`,
          [business.id],
        ),
      );
    }
    // The week of Monday 23 February 2026. Madrid is UTC+1 then, New York UTC-5.
    await seed(
      madrid,
      [
        { at: '2026-02-24T10:00:00Z', score: 10, comment: 'The best bread in the barrio' },
        // Written in a reply to the email, not in the survey: a comment all the same.
        { at: '2026-02-25T09:00:00Z', score: 9, replyComment: 'Lovely rye, thank you' },
        { at: '2026-02-25T17:00:00Z', score: 7 },
        { at: '2026-02-27T12:00:00Z', score: 3, comment: 'It came two days late' },
        // Sunday 23:30 in Madrid: still this week there.
        { at: '2026-03-01T22:30:00Z', score: 8 },
        // Monday 00:30 in Madrid: next week, not this one.
        { at: '2026-03-01T23:30:00Z', score: 0 },
        // The week before.
        { at: '2026-02-18T10:00:00Z', score: 10 },
        { at: '2026-02-19T10:00:00Z', score: 2 },
      ],
      ['2026-02-23T08:00:00Z', '2026-02-26T08:00:00Z', '2026-02-28T08:00:00Z', '2026-02-20T08:00:00Z'],
    );
    await seed(
      newYork,
      [
        // Monday 00:15 in New York is 05:15 UTC: the first minutes of the week there.
        { at: '2026-02-23T05:15:00Z', score: 10, comment: 'Great bagels' },
        // Sunday 23:30 in New York is Monday 04:30 UTC: still this week there.
        { at: '2026-03-02T04:30:00Z', score: 9 },
      ],
      ['2026-02-24T15:00:00Z'],
    );
  });

  it('goes to each owner exactly once, at 08:00 on their own Monday, with the right week', async () => {
    const reporter = spec.testApp.app.get(WeeklyReporter);
    // A tick every hour from Monday 2 March 00:00 UTC to Sunday 8 March 23:00 UTC, and a second replica
    // ticking at the same moments.
    for (let hour = 0; hour < 7 * 24; hour += 1) {
      const now = new Date(Date.parse('2026-03-02T00:00:00Z') + hour * HOUR);
      await Promise.all([reporter.sendDue(now), reporter.sendDue(now)]);
    }
    expect(await reportRows(madrid)).toEqual([
      ['2026-02-16', '2026-02-23T07:00:00.000Z'],
      ['2026-02-23', '2026-03-02T07:00:00.000Z'],
    ]);
    expect(await reportRows(newYork)).toEqual([
      ['2026-02-16', '2026-02-23T07:00:00.000Z'],
      ['2026-02-23', '2026-03-02T13:00:00.000Z'],
    ]);
    for (const [business, name] of [
      [madrid, 'Madrid Bakery'],
      [newYork, 'Brooklyn Bakery'],
    ] as const) {
      const mails = await mailTo(spec.testApp, business.ownerEmail);
      const reports = mails.filter((mail) => mail.category === 'weekly-report');
      expect(reports.map((mail) => mail.subject)).toEqual([
        `${name}: your week, 23 February to 1 March 2026`,
      ]);
    }
  });

  it('holds numbers computed independently from the week the business lived in its time zone', async () => {
    const madridScores = [10, 9, 7, 3, 8];
    const report = await madrid.owner.get<WeeklyReportResponse>('/api/reports/2026-02-23');
    expect(report.status).toBe(200);
    const content = report.body.content;
    expect(content.week).toEqual({ start: '2026-02-23', end: '2026-03-01' });
    expect(content.nps).toEqual({
      score: expectedNps(madridScores),
      responses: 5,
      previousScore: expectedNps([10, 2]),
    });
    expect(content.answersPerDay.map((day) => day.count)).toEqual([0, 1, 2, 0, 1, 0, 1]);
    expect(content.funnel.find((step) => step.key === 'orders')).toMatchObject({ count: 3, previous: 1 });
    expect(content.funnel.find((step) => step.key === 'answered')).toMatchObject({ count: 5, previous: 2 });
    expect(content.bestComments.map((comment) => comment.comment)).toEqual([
      'The best bread in the barrio',
      'Lovely rye, thank you',
    ]);
    expect(content.worstComments.map((comment) => comment.comment)).toEqual(['It came two days late']);
    expect(content.npsTrend).toHaveLength(12);
    expect(content.npsTrend.at(-1)).toEqual({
      weekStart: '2026-02-23',
      score: expectedNps(madridScores),
      responses: 5,
    });

    // The team's channels and integrations heard it was ready, with its headline figures and nothing more.
    const ready = await withClient(spec.testApp.ownerUrl, async (db) =>
      (
        await db.query<{ data: Record<string, unknown> }>(
          `SELECT data FROM business_events WHERE tenant_id = $1 AND type = 'report.ready'`,
          [madrid.id],
        )
      ).rows.map((row) => row.data),
    );
    expect(ready).toEqual([
      {
        weekStart: '2026-02-23',
        sent: content.deliverability.sent,
        answers: 5,
        nps: expectedNps(madridScores),
        npsResponses: 5,
        csatAverage: content.csat.average,
        openCases: content.cases.open,
        overdueCases: content.cases.overdue,
      },
    ]);

    const brooklyn = (await newYork.owner.get<WeeklyReportResponse>('/api/reports/2026-02-23')).body.content;
    expect(brooklyn.nps).toMatchObject({ score: 100, responses: 2 });
    expect(brooklyn.answersPerDay.map((day) => day.count)).toEqual([1, 0, 0, 0, 0, 0, 1]);
  });

  it('sends a missed week once when the app comes back, not once per week or tick missed', async () => {
    const reporter = spec.testApp.app.get(WeeklyReporter);
    // Down from Monday 9 March to Wednesday 25 March: the reports of 2, 9 and 16 March were never sent.
    await reporter.sendDue(new Date('2026-03-25T12:00:00Z'));
    await reporter.sendDue(new Date('2026-03-25T13:00:00Z'));
    expect((await reportRows(madrid)).map(([week]) => week)).toEqual([
      '2026-02-16',
      '2026-02-23',
      '2026-03-16',
    ]);
  });

  it('goes to the admins who ask for it, never to staff', async () => {
    const admin = await createUser(spec.testApp);
    const staff = await createUser(spec.testApp);
    await addMember(spec.testApp, madrid.id, admin, 'admin');
    await addMember(spec.testApp, madrid.id, staff, 'staff');
    const asAdmin = await signedIn(spec.testApp, admin);
    const opted = await asAdmin.put<{ receivesReport: boolean }>('/api/reports/settings/me', {
      receivesReport: true,
    });
    expect(opted.body.receivesReport).toBe(true);
    const asStaff = await signedIn(spec.testApp, staff);
    const refused = await asStaff.put('/api/reports/settings/me', { receivesReport: true });
    expect(refused.status).toBe(400);
    const asOwner = await madrid.owner.put('/api/reports/settings/me', { receivesReport: false });
    expect(asOwner.status).toBe(400);

    // Monday 30 March, 08:00 in Madrid (UTC+2 since the 29th): the report of the week of the 23rd.
    await spec.testApp.app.get(WeeklyReporter).sendDue(new Date('2026-03-30T06:00:00Z'));
    const reportsTo = async (email: string) =>
      (await mailTo(spec.testApp, email))
        .filter((mail) => mail.category === 'weekly-report')
        .map((mail) => mail.subject);
    expect(await reportsTo(admin.email)).toEqual(['Madrid Bakery: your week, 23 March to 29 March 2026']);
    expect(await reportsTo(staff.email)).toEqual([]);
  });

  it('sends a report whose sending died half-way once its lease runs out, and only once', async () => {
    // As a process killed while emailing leaves it: stored, leased, not marked emailed.
    await withClient(spec.testApp.ownerUrl, (db) =>
      db.query(
        `INSERT INTO weekly_reports (tenant_id, week_start, content, lease_until)
         SELECT tenant_id, '2026-03-30', content, '2026-04-06T12:05:00Z' FROM weekly_reports
          WHERE tenant_id = $1 AND week_start = '2026-03-16'`,
        [newYork.id],
      ),
    );
    const reporter = spec.testApp.app.get(WeeklyReporter);
    const reports = async () =>
      (await mailTo(spec.testApp, newYork.ownerEmail)).filter((mail) => mail.category === 'weekly-report')
        .length;
    const before = await reports();
    // Monday 6 April, 08:00 in New York is 12:00 UTC: due, but the lease still holds.
    await reporter.sendDue(new Date('2026-04-06T12:00:00Z'));
    expect(await reports()).toBe(before);
    await reporter.sendDue(new Date('2026-04-06T12:10:00Z'));
    await reporter.sendDue(new Date('2026-04-06T12:20:00Z'));
    expect(await reports()).toBe(before + 1);
  });

  it('emails the report to a member on demand, with both charts inline and a plain-text part', async () => {
    const sent = await madrid.owner.post<{ sentTo: string }>('/api/reports/2026-02-23/send');
    expect(sent.body).toEqual({ sentTo: madrid.ownerEmail });
    const [mail] = await mailTo(spec.testApp, madrid.ownerEmail);
    expect(mail?.html).toContain('alt="NPS over twelve weeks, by week:');
    expect(mail?.html.match(/src="data:image\/png;base64,/g)).toHaveLength(2);
    expect(mail?.text).toContain('The week:');
    expect(mail?.text).toContain('"It came two days late" (Nora)');
    expect(Buffer.byteLength(mail?.html ?? '')).toBeLessThan(1024 * 1024);
  });

  it('offers no week in its archive from before the business began', async () => {
    const fresh = await signUp('Fresh Bakery', 'Europe/Madrid', 'ES');
    const empty = await fresh.owner.get<WeeklyReportSummary[]>('/api/reports');
    expect(empty.body).toEqual([]);
    // An order history brought in reaches back: its weeks are the business's to report.
    await withClient(spec.testApp.ownerUrl, async (db) => {
      const customer = await db.query<{ id: string }>(
        `INSERT INTO customers (tenant_id, email, name) VALUES ($1, 'ines@buyers.example', 'Ines') RETURNING id`,
        [fresh.id],
      );
      await db.query(
        `INSERT INTO orders (tenant_id, customer_id, external_id, placed_at, source, status, total, currency)
         VALUES ($1, $2, '#F1', now() - interval '20 days', 'api', 'placed', 10, 'EUR')`,
        [fresh.id, customer.rows[0]?.id],
      );
    });
    const since = await fresh.owner.get<WeeklyReportSummary[]>('/api/reports');
    expect(since.body.length).toBeGreaterThanOrEqual(2);
    expect(since.body.length).toBeLessThanOrEqual(3);
    const firstWeekEnds =
      new Date(`${since.body.at(-1)?.weekStart ?? ''}T00:00:00Z`).getTime() + 8 * 86_400_000;
    expect(firstWeekEnds).toBeGreaterThan(Date.now() - 20 * 86_400_000);
  });

  it('lists the archive and gives the report as a PDF that opens', async () => {
    const archive = await madrid.owner.get<WeeklyReportSummary[]>('/api/reports');
    expect(archive.body[0]?.weekStart).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const pdf = await fetch(`${spec.testApp.baseUrl}/api/reports/2026-02-23/report.pdf`, {
      headers: { cookie: madrid.owner.sessionCookie ?? '' },
    });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const file = join(tmpdir(), `report-${Date.now()}.pdf`);
    await writeFile(file, Buffer.from(await pdf.arrayBuffer()));
    const { stdout } = await run(process.execPath, [join(__dirname, '../support/pdf-text.mjs'), file]);
    const opened = JSON.parse(stdout) as { pages: number; text: string };
    expect(opened.pages).toBeGreaterThanOrEqual(1);
    expect(opened.text).toContain('Madrid Bakery');
    expect(opened.text).toContain(`NPS ${expectedNps([10, 9, 7, 3, 8])} from 5 answers`);
    const future = await madrid.owner.get('/api/reports/2099-01-05');
    expect(future.status).toBe(400);
    const tuesday = await madrid.owner.get('/api/reports/2026-02-24');
    expect(tuesday.status).toBe(400);
  });
});
