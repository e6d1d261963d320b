import { Client } from 'pg';
import { browserTab, DEMO_OWNER, screenshot } from './support/browser';

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
  beforeAll(() =>
    onDatabase(`UPDATE tenants SET paused_at = now(), paused_reason = $1 WHERE name = 'Northwind Bakery'`, [
      REASON,
    ]),
  );
  // Whatever happens below, the other journeys need the demo business sending.
  afterAll(() =>
    onDatabase(`UPDATE tenants SET paused_at = NULL, paused_reason = NULL WHERE name = 'Northwind Bakery'`),
  );
  // Signed in after the pause, so the first page already shows it.
  const tab = browserTab({ signedInAs: DEMO_OWNER });

  it('says why on every page, and the owner resumes sending from the banner', async () => {
    const banner = tab.page.getByRole('alert').filter({ hasText: 'Sending is paused.' });
    await banner.getByText(REASON).waitFor();
    await screenshot(tab.page, 'sending-paused');
    await banner.getByRole('button', { name: 'Resume sending' }).click();
    await banner.waitFor({ state: 'detached' });
    await tab.page.reload();
    await tab.page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await tab.page.getByText('Sending is paused.').count()).toBe(0);
  });
});
