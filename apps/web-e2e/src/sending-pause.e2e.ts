import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { screenshot, signedInBrowser } from './support/browser';

const REASON = 'Paused: 4 spam complaints for 900 delivered emails in a day (limit 0.3%)';

/** Runs `sql` on the app's database as its owner (the journeys' only way to cause a pause). */
async function onDatabase(sql: string, values: unknown[] = []): Promise<void> {
  const client = new Client({ connectionString: process.env['E2E_DATABASE_URL'] });
  await client.connect();
  try {
    await client.query(sql, values);
  } finally {
    await client.end();
  }
}

describe('a business paused for spam complaints', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await onDatabase(
      `UPDATE tenants SET paused_at = now(), paused_reason = $1 WHERE name = 'Northwind Bakery'`,
      [REASON],
    );
    ({ browser, page } = await signedInBrowser());
  });
  afterAll(async () => {
    // Whatever happened above, the other journeys need the demo business sending.
    await onDatabase(
      `UPDATE tenants SET paused_at = NULL, paused_reason = NULL WHERE name = 'Northwind Bakery'`,
    );
    await browser.close();
  });

  it('says why on every page, and the owner resumes sending from the banner', async () => {
    const banner = page.getByRole('alert').filter({ hasText: 'Sending is paused.' });
    await banner.getByText(REASON).waitFor();
    await screenshot(page, 'sending-paused');
    await banner.getByRole('button', { name: 'Resume sending' }).click();
    await banner.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await page.getByText('Sending is paused.').count()).toBe(0);
  });
});
