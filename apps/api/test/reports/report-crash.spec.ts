import { wallTimeAt } from '@rapport/domain';
import { SendGridMock } from '@rapport/sendgrid-mock';
import { WeeklyReporter } from '../../src/reports/weekly-reporter';
import { assertBuilt, type BuiltApp, databaseWithBusiness, startBuiltApp, until } from '../support/built-app';
import { startTestApp } from '../support/test-app';
import { withClient } from '../support/test-database';

const SLOW_SEND_MS = 3000;

interface ReportRow {
  week_start: string;
  emailed_at: Date | null;
  lease_until: Date | null;
}

/**
 * The built app, killed with SIGKILL while it emails a weekly report: after a restart the report goes once
 * its lease runs out, the business still has one report for the week, and the only duplicate possible is
 * the email that was in flight when the process died.
 */
describe('a weekly report run killed while emailing', () => {
  const mock = new SendGridMock();
  let databaseUrl: string;
  let tenantId: string;
  let child: BuiltApp | undefined;

  beforeAll(async () => {
    assertBuilt();
    await mock.start();
    ({
      databaseUrl,
      tenant: { id: tenantId },
    } = await databaseWithBusiness('report_crash', { timeZone: 'Europe/London' }));
    // A business a month old: its last whole week's report fell due three hours ago, so no other week falls
    // due while the spec runs, whatever the hour (a Monday 08:00 report made a run at 08:00 see two weeks).
    const dueAt = wallTimeAt(new Date(Date.now() - 3 * 3_600_000), 'Europe/London');
    await withClient(databaseUrl, (db) =>
      db.query(
        `UPDATE tenants SET created_at = now() - interval '30 days', report_weekday = $2, report_hour = $3
          WHERE id = $1`,
        [tenantId, dueAt.weekday, dueAt.hour],
      ),
    );
  });
  afterAll(async () => {
    await child?.kill();
    await mock.stop();
  });

  it('sends the report once more after the lease, and keeps one report per week', async () => {
    mock.failNext({ kind: 'slow', delayMs: SLOW_SEND_MS });
    child = await startBuiltApp(databaseUrl, {
      SENDGRID_API_KEY: 'SG.report-crash-test',
      SENDGRID_BASE_URL: mock.baseUrl,
      REPORT_CHECK_SECONDS: '1',
    });
    // The report is built, stored and leased, and its email is on its way (the mock is answering slowly).
    await until(async () => (await reports()).some((row) => row.lease_until !== null), 30_000);
    await until(async () => mock.requestCount > 0, 10_000);
    await child.kill();

    const [atKill, ...others] = await reports();
    expect(others).toEqual([]);
    expect(atKill?.emailed_at).toBeNull();
    // The provider may still accept the email whose sender died: the in-flight duplicate.
    await new Promise((wait) => setTimeout(wait, SLOW_SEND_MS + 500));
    const inFlight = reportEmails();
    expect(inFlight).toBeLessThanOrEqual(1);

    const restarted = await startTestApp({
      DATABASE_URL: databaseUrl,
      SENDGRID_API_KEY: 'SG.report-crash-test',
      SENDGRID_BASE_URL: mock.baseUrl,
    });
    try {
      const reporter = restarted.app.get(WeeklyReporter);
      // While the dead run's lease holds, nobody sends; once it has run out, the report goes, once.
      expect(await reporter.sendDue(new Date())).toBe(0);
      const afterLease = new Date(Date.now() + 6 * 60_000);
      expect(await reporter.sendDue(afterLease)).toBe(1);
      expect(await reporter.sendDue(afterLease)).toBe(0);
    } finally {
      await restarted.close();
    }
    const after = await reports();
    expect(after).toHaveLength(1);
    expect(after[0]?.week_start).toBe(atKill?.week_start);
    expect(after[0]?.emailed_at).not.toBeNull();
    expect(reportEmails()).toBe(inFlight + 1);
  }, 90_000);

  function reportEmails(): number {
    return mock.received.filter((mail) => mail.body.categories?.includes('weekly-report')).length;
  }

  async function reports(): Promise<ReportRow[]> {
    return withClient(databaseUrl, async (db) => {
      const { rows } = await db.query<ReportRow>(
        `SELECT to_char(week_start, 'YYYY-MM-DD') AS week_start, emailed_at, lease_until
           FROM weekly_reports WHERE tenant_id = $1`,
        [tenantId],
      );
      return rows;
    });
  }
});
