import type { Browser, Page } from 'playwright-core';
import { DEMO_OWNER, launchBrowser, screenshot, signIn } from './support/browser';

describe('templates', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  });
  afterAll(() => browser.close());

  it('edits a template with a live preview, shows problems with their line, saves and goes back to the built-in text', async () => {
    await signIn(page);

    await page.getByRole('link', { name: 'Templates' }).click();
    await page.getByRole('heading', { name: 'Templates', exact: true }).waitFor();
    await screenshot(page, 'templates');
    await page.getByRole('link', { name: /^Thank you in English: / }).click();
    await page.waitForURL(/\/templates\/thank-you\/en$/);

    const frame = page.frameLocator('iframe[title="Email preview"]');
    await frame.getByText('Hi Alex,').waitFor();
    await page.getByText('Subject: Thank you for your order from Northwind Bakery').waitFor();

    const subject = page.getByLabel('Subject', { exact: true });
    await subject.fill('Thanks {{ customer.frist_name }}');
    await page.getByText('Subject, line 1, column 11: unknown variable customer.frist_name').waitFor();

    await subject.fill('Fresh from the oven, {{ customer.first_name }}!');
    await page.getByText('Subject: Fresh from the oven, Alex!').waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved as version 1.').waitFor();

    await page.getByRole('radio', { name: 'Phone' }).click();
    await screenshot(page, 'template-editor-phone');

    await page.getByRole('button', { name: 'Send a test to me' }).click();
    await page.getByText(`Test sent to ${DEMO_OWNER.email}.`).waitFor();

    await page.getByRole('link', { name: 'All templates' }).click();
    await page
      .getByRole('link', { name: /^Thank you in English: / })
      .getByText('Your text · v1')
      .waitFor();

    await page.getByRole('link', { name: /^Thank you in English: / }).click();
    await page.getByRole('button', { name: 'Go back to the built-in text' }).click();
    await page.getByText('Back to the built-in text.').waitFor();
    await page.getByText('Subject: Thank you for your order from Northwind Bakery').waitFor();
  });
});
