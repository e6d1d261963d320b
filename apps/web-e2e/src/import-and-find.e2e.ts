import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { baseUrl, screenshot, signIn, browserTab } from './support/browser';

const ORDERS_CSV = [
  'Name,Email,Financial Status,Created at,Currency,Total,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Name,Fulfillment Status',
  '#E100,wilhelmina.quartz@example.com,paid,2026-11-02 09:00:00 +0000,GBP,11.00,2,Seeded rye,3.50,RYE-2,Wilhelmina Quartz,fulfilled',
  '#E100,wilhelmina.quartz@example.com,paid,2026-11-02 09:00:00 +0000,GBP,11.00,1,Lemon tart,4.00,TART-1,Wilhelmina Quartz,fulfilled',
  '#E101,broken-email,paid,2026-11-03 10:00:00 +0000,GBP,4.00,1,Lemon tart,4.00,TART-1,Nobody,unfulfilled',
  '#E102,otto@example.com,paid,last tuesday,GBP,4.00,1,Lemon tart,4.00,TART-1,Otto Oak,unfulfilled',
  '#E103,otto@example.com,paid,2026-11-04 11:00:00 +0000,GBP,7.50,1,Seeded rye,7.50,RYE-2,Otto Oak,unfulfilled',
].join('\n');

describe('importing orders and finding a buyer', () => {
  const tab = browserTab();

  it('imports a CSV with bad rows, lists them on the page and in the report, then finds a buyer by part of the name and opens the timeline', async () => {
    await signIn(tab.page);

    await tab.page.getByRole('link', { name: 'Customers' }).click();
    await tab.page.getByRole('link', { name: 'Import CSV' }).click();
    await tab.page.getByRole('radio', { name: 'Orders' }).click();
    await tab.page.locator('input[type=file]').setInputFiles({
      name: 'shopify-orders.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(ORDERS_CSV),
    });
    await visible(tab.page.getByText('looks like a Shopify orders export'));
    await visible(tab.page.getByRole('columnheader', { name: /Lineitem name/ }));
    await screenshot(tab.page, 'import-preview');

    await tab.page.getByRole('button', { name: 'Import', exact: true }).click();
    await visible(tab.page.getByRole('heading', { name: 'Import finished' }));
    const result = tab.page.getByRole('status').filter({ hasText: 'rows' });
    await expect(result.innerText()).resolves.toMatch(/5 rows: 3 imported, 2 refused/);
    // The refused rows are on the page, each with its line, column, value and reason.
    const refused = tab.page.getByRole('table', { name: 'Refused rows' });
    await visible(refused.getByRole('cell', { name: 'broken-email', exact: true }));
    await expect(refused.getByRole('row').allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/Line\s+Column\s+Value\s+Why/),
      expect.stringMatching(/^4\s+Email\s+broken-email\s+Email: "broken-email" is not an email address$/),
      expect.stringMatching(/^5\s+Created at\s+last tuesday\s+Created at: "last tuesday" is not a date/),
    ]);
    const reportLink = tab.page.getByRole('link', { name: /Download the refused rows/ });
    const report = await tab.page.request.get(`${baseUrl()}${await reportLink.getAttribute('href')}`);
    const reportText = await report.text();
    expect(reportText).toContain(
      '4,"Email","broken-email","Email: ""broken-email"" is not an email address"',
    );
    expect(reportText).toContain('5,"Created at","last tuesday","Created at: ""last tuesday"" is not a date');
    await screenshot(tab.page, 'import-result');

    await tab.page.getByRole('link', { name: 'Customers' }).first().click();
    await tab.page.getByLabel('Search by name or email').fill('helmina');
    const rows = tab.page.getByRole('table', { name: 'Customers' }).getByRole('row');
    await waitUntil(
      async () => (await rows.count()) === 2 && (await rows.nth(1).innerText()).includes('Wilhelmina'),
    );
    const row = tab.page.getByRole('link', { name: 'Wilhelmina Quartz' });
    await screenshot(tab.page, 'customers-search');
    await row.click();
    await visible(tab.page.getByRole('heading', { name: 'Wilhelmina Quartz' }));
    const timeline = tab.page.getByRole('region', { name: 'Timeline' });
    await visible(timeline.getByText('Order #E100: 11.00 GBP (fulfilled)'));
    await visible(timeline.getByText('Order #E100 fulfilled'));
    await screenshot(tab.page, 'customer-timeline');

    const [download] = await Promise.all([
      tab.page.waitForEvent('download'),
      tab.page.getByRole('link', { name: 'Export their data' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^customer-.+\.json$/);
    const exported = JSON.parse(readFileSync((await download.path()) as string, 'utf8')) as unknown;
    expect(JSON.stringify(exported)).toContain('Wilhelmina');

    await tab.page.getByRole('button', { name: 'Send a note now' }).click();
    await tab.page.getByText('A note is on its way (within your send window).').waitFor();
    await tab.page
      .getByRole('region', { name: 'Timeline' })
      .getByText('Note sent by hand: scheduled')
      .waitFor();

    await tab.page.getByRole('link', { name: "This buyer's messages" }).click();
    await tab.page.waitForURL(/\/automations\/messages\?customerId=/);
    const messageRows = tab.page.getByRole('table', { name: 'Messages' }).getByRole('row');
    await messageRows.filter({ hasText: 'Note sent by hand' }).first().waitFor();
    await waitUntil(async () => (await messageRows.count()) === 2);
    // The same page without the buyer: every message of the business again.
    await tab.page.getByRole('link', { name: 'Only one buyer: show all' }).click();
    await tab.page.waitForURL(/\/automations\/messages$/);
    await waitUntil(async () => (await messageRows.count()) > 2);

    // A product's orders: the imported rye (its own SKU) is on #E100 and #E103 only.
    await tab.page.goto(`${baseUrl()}/orders/products`);
    await tab.page.getByLabel('Search by name or SKU').fill('RYE-2');
    // The demo's own rye (another SKU) has the same name: the row with the imported SKU.
    await tab.page
      .getByRole('table', { name: 'Products' })
      .getByRole('row')
      .filter({ hasText: 'RYE-2' })
      .getByRole('link', { name: 'Seeded rye' })
      .click();
    await tab.page.waitForURL(/\/orders\?productId=/);
    const orderRows = tab.page.getByRole('table', { name: 'Orders' }).getByRole('row');
    await waitUntil(async () => {
      const texts = await orderRows.allInnerTexts();
      return (
        texts.length === 3 && texts[1]?.includes('#E103') === true && texts[2]?.includes('#E100') === true
      );
    });
    await screenshot(tab.page, 'product-orders');
    await tab.page.getByRole('link', { name: 'Only one product: show all orders' }).click();
    await waitUntil(async () => (await orderRows.count()) > 3);
  });
});

async function visible(locator: ReturnType<Page['getByText']>): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout: 15_000 });
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('The page did not reach the expected state in time');
    await new Promise((wait) => setTimeout(wait, 100));
  }
}
