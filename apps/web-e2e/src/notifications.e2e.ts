import type { Browser, Page } from 'playwright-core';
import { accessibilityProblems } from './support/accessibility';
import { baseUrl, launchBrowser, screenshot, signIn } from './support/browser';

describe('choosing how you hear of things', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    page = await context.newPage();
    await signIn(page);
  });
  afterAll(() => browser.close());

  it('moves new cases to the daily summary at 18:00 on a phone, and keeps the choice', async () => {
    await page.goto(`${baseUrl()}/settings/notifications`);
    await page.getByRole('heading', { name: 'Notifications' }).waitFor();
    const newCases = page.getByRole('combobox', { name: 'A low score opens a case' });
    await newCases.click();
    await page.getByRole('option', { name: 'In the daily summary' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await page.getByRole('combobox', { name: 'Hour' }).click();
    await page.getByRole('option', { name: '18:00' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await page.getByRole('button', { name: 'Back to the default for A low score opens a case' }).waitFor();
    await page.waitForTimeout(500);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'notifications-phone');

    await page.reload();
    await expect(
      page.getByRole('combobox', { name: 'A low score opens a case' }).innerText(),
    ).resolves.toContain('In the daily summary');
    await expect(page.getByRole('combobox', { name: 'Hour' }).innerText()).resolves.toContain('18:00');
    // Back to the owner's default: new cases come at once again.
    await page.getByRole('button', { name: 'Back to the default for A low score opens a case' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await expect(
      page.getByRole('combobox', { name: 'A low score opens a case' }).innerText(),
    ).resolves.toContain('Email at once');
  });
});
