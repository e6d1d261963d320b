import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { baseUrl, DEMO_OWNER, screenshot, browserTab } from './support/browser';

const run = promisify(execFile);
const PDF_TEXT = join(__dirname, '../../api/test/support/pdf-text.mjs');

describe('the dashboard and the weekly report', () => {
  const tab = browserTab({ signedInAs: DEMO_OWNER });

  it('shows the last 7 and 30 days on the dashboard', async () => {
    await tab.page.getByRole('region', { name: 'Key figures' }).getByText('NPS', { exact: true }).waitFor();
    await tab.page.getByRole('img', { name: 'NPS by week, last twelve weeks' }).waitFor();
    await tab.page.getByRole('button', { name: 'Last 30 days' }).click();
    await tab.page.getByRole('heading', { name: 'Latest comments' }).waitFor();
    await screenshot(tab.page, 'dashboard');
  });

  it('opens a week of the archive, emails it on demand, and the email shows its charts', async () => {
    await tab.page.getByRole('link', { name: 'Reports', exact: true }).click();
    await tab.page
      .getByRole('link', { name: /^Week of / })
      .first()
      .click();
    await tab.page.getByRole('heading', { name: 'The week', exact: true }).waitFor();
    await tab.page.getByRole('img', { name: 'Answers per day, Monday to Sunday' }).waitFor();
    await screenshot(tab.page, 'report-page');
    await tab.page.getByRole('button', { name: 'Send me this report now' }).click();
    await tab.page.getByText(`Sent to ${DEMO_OWNER.email}.`).waitFor();

    await tab.page.goto(`${baseUrl()}/dev/mailbox`);
    await tab.page
      .getByText(/^Northwind Bakery: your week, /)
      .first()
      .click();
    const email = tab.page.frameLocator('iframe[title="Email content"]');
    await email.getByRole('heading', { name: 'The week' }).waitFor();
    const chart = email.getByRole('img', { name: /^NPS over twelve weeks/ });
    await chart.waitFor();
    expect(await chart.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(
      1120,
    );
    await screenshot(tab.page, 'report-email');
    // The whole email as a mail client shows it, charts included.
    const mails = await tab.page.request.get(
      `${baseUrl()}/api/dev/mailbox?to=${encodeURIComponent(DEMO_OWNER.email)}`,
    );
    const [report] = (await mails.json()) as { html: string }[];
    const reader = await tab.browser.newPage({ viewport: { width: 700, height: 900 } });
    await reader.setContent(report?.html ?? '');
    await screenshot(reader, 'report-email-full');
    await reader.close();
  });

  it('gives the report as a PDF that opens', async () => {
    const archive = await tab.page.request.get(`${baseUrl()}/api/reports`);
    const [latest] = (await archive.json()) as { weekStart: string }[];
    const pdf = await tab.page.request.get(`${baseUrl()}/api/reports/${latest?.weekStart}/report.pdf`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const file = join(tmpdir(), `rapport-report-${Date.now()}.pdf`);
    await writeFile(file, await pdf.body());
    const { stdout } = await run(process.execPath, [PDF_TEXT, file]);
    const opened = JSON.parse(stdout) as { pages: number; text: string };
    expect(opened.pages).toBeGreaterThanOrEqual(1);
    expect(opened.text).toContain('Northwind Bakery');
    expect(opened.text).toContain('The week');
  });
});
