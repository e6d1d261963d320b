import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, screenshot } from './support/browser';

/** A new owner's first run: the form, the email in the development mailbox, its link, the dashboard. */
describe('signing up a new business', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(() => browser.close());

  it('confirms the address through the emailed link and lands the owner in the new business', async () => {
    const email = `rosa-${Date.now()}@tide.example`;
    await page.goto(`${baseUrl()}/signup`);
    await page.getByLabel('Business name').fill('Tide Pool Books');
    await page.getByLabel('Your name').fill('Rosa Marin');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('quiet shelves by the sea');
    await page.getByRole('button', { name: 'Create my account' }).click();

    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    expect(await page.getByRole('status').textContent()).toContain(email);
    await screenshot(page, 'sign-up-check-email');
    const mailbox = page.getByRole('link', { name: 'Open the development mailbox' });
    expect(await mailbox.getAttribute('href')).toBe('/dev/mailbox');

    await page.goto(`${baseUrl()}/dev/mailbox`);
    await page.getByRole('option', { name: new RegExp(`Confirm your email.*${email}`) }).click();
    const link = page
      .frameLocator('iframe[title="Email content"]')
      .getByRole('link', { name: 'Create Tide Pool Books' });
    const href = await link.getAttribute('href');
    expect(href).toMatch(/\/confirm-signup#token=/);

    await page.goto(href ?? '');
    await page.getByRole('button', { name: 'Create my business' }).click();
    await page.waitForURL(/\/dashboard$/);
    await page.getByTestId('business-name').filter({ hasText: 'Tide Pool Books' }).waitFor();
    await screenshot(page, 'sign-up-dashboard');
  });

  it('on a phone, keeps every hint under its own field, clear of the next one', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await phone.goto(`${baseUrl()}/signup`);
      await phone.getByLabel('Time zone').waitFor();
      // Each field's box (hint included) ends before the next field's begins: a two-line hint used to run over
      // the Country label and the button.
      const overlaps = await phone.evaluate(() => {
        const fields = Array.from(document.querySelectorAll('mat-form-field'));
        const button = document.querySelector('button[type="submit"]');
        const boxes = [...fields, ...(button ? [button] : [])].map((element) =>
          element.getBoundingClientRect(),
        );
        return boxes.slice(1).filter((box, index) => box.top < (boxes[index]?.bottom ?? 0)).length;
      });
      expect(overlaps).toBe(0);
      await screenshot(phone, 'sign-up-phone');
    } finally {
      await phone.close();
    }
  });
});
