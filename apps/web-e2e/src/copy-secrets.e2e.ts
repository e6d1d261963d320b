import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchBrowser, screenshot, signIn } from './support/browser';

describe('copying what is shown once', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
    page = await context.newPage();
    await signIn(page);
  });
  afterAll(() => browser.close());

  it('copies a new API key with one tap, and the copied key works', async () => {
    await page.goto(`${baseUrl()}/settings/api-keys`);
    await page.getByLabel('Name').fill('Till sync');
    await page.getByRole('checkbox', { name: 'orders:read' }).check();
    await page.getByRole('button', { name: 'Create key' }).click();
    const shown = await page.getByTestId('new-api-key').innerText();
    await page.getByRole('button', { name: 'Copy the API key' }).click();
    await page.getByRole('button', { name: 'Copied' }).waitFor();
    await screenshot(page, 'api-key-copied-phone');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(shown);
    const response = await fetch(`${baseUrl()}/api/orders`, {
      headers: { authorization: `Bearer ${copied}` },
    });
    expect(response.status).toBe(200);
  });

  it("copies a shop's webhook address", async () => {
    await page.goto(`${baseUrl()}/settings/integrations`);
    // Each shop says where it stands and where its setting is, step by step.
    const shopify = page.getByRole('region', { name: 'Shopify' });
    await shopify
      .getByRole('status')
      .filter({ hasText: /^\s*(Not connected yet|Connected, waiting|Receiving)/ })
      .waitFor();
    await shopify.getByText('open Settings → Notifications, then Webhooks').waitFor();
    await screenshot(page, 'shop-connections');
    await page.getByRole('button', { name: 'Copy the webhook address' }).first().click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^https?:\/\/[^/]+\/api\/webhooks\/shopify\/[0-9a-f-]{36}$/);
  });
});
