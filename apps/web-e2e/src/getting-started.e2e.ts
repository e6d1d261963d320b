import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, screenshot } from './support/browser';

/** A new business's first dashboard: a checklist computed from what it did, gone once hidden or done. */
describe('getting started', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(() => browser.close());

  async function signUp(): Promise<void> {
    const email = `lena-${Date.now()}@harbour.example`;
    await page.goto(`${baseUrl()}/signup`);
    await page.getByLabel('Business name').fill('Harbour Tea Room');
    await page.getByLabel('Your name').fill('Lena Holm');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('steam over the harbour');
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    await page.goto(`${baseUrl()}/dev/mailbox`);
    await page.getByRole('option', { name: new RegExp(`Confirm your email.*${email}`) }).click();
    const href = await page
      .frameLocator('iframe[title="Email content"]')
      .getByRole('link', { name: 'Create Harbour Tea Room' })
      .getAttribute('href');
    await page.goto(href ?? '');
    await page.getByRole('button', { name: 'Create my business' }).click();
    await page.waitForURL(/\/dashboard$/);
  }

  const checklist = () => page.getByRole('region', { name: 'Getting started' });

  it('greets the new business as new and ticks the steps it takes', async () => {
    await signUp();
    await page.getByRole('heading', { name: 'Welcome to Rapport, Lena' }).waitFor();
    await checklist().getByText('0 of 6 done').waitFor();
    await screenshot(page, 'getting-started-new');

    await checklist().getByRole('link', { name: 'Business settings' }).click();
    await page.waitForURL(/\/settings\/business$/);
    await page.getByLabel('Sender address').fill('hello@harbour.example');
    await page.getByLabel('Phone').fill('+46 8 123 45 67');
    await page.getByLabel('Postal address').fill('Skeppsbron 2, Stockholm');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved.').waitFor();

    await page.getByRole('link', { name: 'Templates' }).click();
    await page.getByRole('link', { name: /^Thank you in English: / }).click();
    await page.getByRole('button', { name: 'Send a test to me' }).click();
    await page.getByText(/^Test sent to /).waitFor();

    await page.getByRole('link', { name: 'Dashboard' }).click();
    await checklist().getByText('3 of 6 done').waitFor();
    expect(await checklist().getByRole('link', { name: 'Business settings' }).count()).toBe(0);
    await checklist().getByRole('link', { name: 'Import buyers' }).waitFor();
    await screenshot(page, 'getting-started-progress');
  });

  it('fits a phone and stays hidden once dismissed', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await checklist().waitFor();
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(390);
    await screenshot(page, 'getting-started-phone');

    await checklist().getByRole('button', { name: 'Hide this list' }).click();
    // The page renders the change at its next frame, not within the click.
    await checklist().waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('heading', { name: 'Welcome to Rapport, Lena' }).waitFor();
    expect(await checklist().count()).toBe(0);
  });
});
