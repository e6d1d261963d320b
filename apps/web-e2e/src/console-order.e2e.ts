import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchBrowser, screenshot, signIn } from './support/browser';
import { reopenUntilVisible } from './support/until';

const ALWAYS_OPEN = { opens: '00:00', closes: '23:59', days: [1, 2, 3, 4, 5, 6, 7] };

/** The API as the signed-in owner, with the CSRF header the console sends. */
async function asOwner(context: BrowserContext) {
  const xsrf = (await context.cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? '';
  const request: APIRequestContext = context.request;
  return async (method: 'GET' | 'PATCH', path: string, data?: unknown) => {
    const response = await request.fetch(`${baseUrl()}${path}`, {
      method,
      data,
      headers: { 'x-xsrf-token': xsrf },
    });
    if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()}`);
    return response.json();
  };
}

describe('an order taken in the console', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const buyer = `petra-${Date.now()}@buyers.example`;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    const call = await asOwner(context);
    await call('PATCH', '/api/business', {
      sendWindow: { opens: '09:00', closes: '19:00', days: [1, 2, 3, 4, 5, 6] },
    });
    await browser.close();
  });

  it('gets its thank-you in the mailbox, and an unsubscribe from it stops the opinion request', async () => {
    await signIn(page);
    // On the real clock the window must be open whenever the journey runs.
    await (
      await asOwner(context)
    )('PATCH', '/api/business', { sendWindow: ALWAYS_OPEN });

    await page.getByRole('link', { name: 'Orders', exact: true }).click();
    await page.getByRole('link', { name: 'New order' }).click();
    const form = page.getByRole('form', { name: 'New order' });
    await form.getByLabel("Buyer's email").fill(buyer);
    await form.getByLabel("Buyer's name").fill('Petra Phone');
    // Taken yesterday: the thank-you (a day after the order) is due now.
    const yesterday = new Date(Date.now() - 25 * 3_600_000);
    const local = new Date(yesterday.getTime() - yesterday.getTimezoneOffset() * 60_000)
      .toISOString()
      .slice(0, 16);
    await form.getByLabel('Placed at').fill(local);
    await form.getByLabel('Product 1', { exact: true }).fill('Birthday cake');
    await form.getByLabel('Unit price 1').fill('24,50');
    await form.getByRole('button', { name: 'Add a product' }).click();
    await form.getByLabel('Product 2', { exact: true }).fill('Candles');
    await form.getByLabel('Quantity 2').fill('2');
    await form.getByLabel('Unit price 2').fill('1.25');
    await form.getByText('Total: 27.00 EUR').waitFor();
    await screenshot(page, 'new-order');
    await form.getByRole('button', { name: 'Save order' }).click();
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
    await page.getByText('Birthday cake').first().waitFor();

    // The planner and the dispatcher tick every few seconds.
    // This buyer's email: the demo's own buyers get thank-yous too, so any thank-you is not enough.
    await page.goto(`${baseUrl()}/dev/mailbox`);
    const thankYou = page.getByRole('option', { name: new RegExp(buyer) });
    await reopenUntilVisible(page, thankYou);
    await expect(thankYou.innerText()).resolves.toContain('Thank you for your order from Northwind Bakery');
    await thankYou.click();
    const email = page.frameLocator('iframe[title="Email content"]');
    await email.getByText('Hi Petra,').waitFor();
    const unsubscribe = await email.getByRole('link', { name: 'Unsubscribe' }).getAttribute('href');

    const buyerPage = await browser.newPage();
    await buyerPage.goto(unsubscribe ?? '');
    await buyerPage.getByRole('button', { name: 'Unsubscribe' }).click();
    await buyerPage.getByText('You are unsubscribed').waitFor();
    await buyerPage.close();

    // The business's own Mailbox shows the email as the buyer got it.
    await page.goto(`${baseUrl()}/automations/mailbox`);
    await page.getByRole('button', { name: new RegExp(`To ${buyer}`) }).click();
    await page.frameLocator('iframe[title="Email as the buyer sees it"]').getByText('Hi Petra,').waitFor();
    await screenshot(page, 'business-mailbox');

    await page.goto(`${baseUrl()}/customers`);
    await page.getByLabel('Search by name or email').fill(buyer);
    await page.getByRole('link', { name: 'Petra Phone' }).click();
    await page.getByRole('link', { name: "This buyer's messages" }).click();
    await page.getByText('cancelled: the buyer unsubscribed').waitFor();
    await screenshot(page, 'console-order-messages');
  }, 150_000);
});
