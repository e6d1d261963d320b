import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, screenshot, signIn } from './support/browser';

/** The demo owner that a fresh install seeds (README, "Demo business"). */
const DEMO = { email: 'owner@northwind.example', password: 'bakery-demo-2026' };

describe('signing in to the console', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  });
  afterEach(() => page.close());

  it('sends a signed-out visitor to the sign-in page, signs the demo owner in and shows the shell', async () => {
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.goto(`${baseUrl()}/surveys`);
    await page.waitForURL(/\/login\?returnTo=%2Fsurveys/);
    await screenshot(page, 'sign-in');
    // A signed-out visit asks nothing it knows will fail: no 401 from /api/me in the console.
    expect(consoleErrors).toEqual([]);

    await page.getByLabel('Email').fill(DEMO.email);
    await page.getByLabel('Password').fill(DEMO.password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.waitForURL(/\/surveys$/);
    await expectVisible(page.getByTestId('business-name').filter({ hasText: 'Northwind Bakery' }));
    await expectVisible(page.getByRole('heading', { name: 'Surveys' }));
    await expectVisible(page.getByRole('link', { name: 'How did we do?' }));
    const navigation = page.getByRole('navigation', { name: 'Sections' });
    for (const section of [
      'Dashboard',
      'Customers',
      'Orders',
      'Automations',
      'Cases',
      'Enquiries',
      'Reports',
      'Settings',
    ]) {
      await expectVisible(navigation.getByRole('link', { name: section }));
    }
    await screenshot(page, 'shell-surveys');

    await navigation.getByRole('link', { name: 'Dashboard' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Welcome back, Olivia' }));
    await screenshot(page, 'dashboard');
  });

  it('tells the visitor when the password is wrong and stays on the sign-in page', async () => {
    await page.goto(`${baseUrl()}/login`);
    await page.getByLabel('Email').fill(DEMO.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectVisible(page.getByRole('alert').filter({ hasText: 'Email or password is incorrect' }));
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('says so when a page cannot read what it shows, instead of showing it empty', async () => {
    await signIn(page);

    await page.route('**/api/surveys', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ message: 'Rapport is briefly unavailable. Try again in a moment.' }),
      }),
    );
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Surveys' }).click();
    await expectVisible(page.getByText('Rapport is briefly unavailable. Try again in a moment.'));
    await screenshot(page, 'load-error');
  });

  it('signs out from the account menu and then needs to sign in again', async () => {
    await page.goto(`${baseUrl()}/login`);
    await page.getByLabel('Email').fill(DEMO.email);
    await page.getByLabel('Password').fill(DEMO.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/dashboard$/);

    await page.getByRole('button', { name: 'Account' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login$/);
    await page.goto(`${baseUrl()}/dashboard`);
    await page.waitForURL(/\/login\?returnTo=%2Fdashboard/);
  });

  it('fits a phone screen: the navigation opens from the menu button', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await phone.goto(`${baseUrl()}/login`);
      await phone.getByLabel('Email').fill(DEMO.email);
      await phone.getByLabel('Password').fill(DEMO.password);
      await phone.getByRole('button', { name: 'Sign in' }).click();
      await phone.waitForURL(/\/dashboard$/);
      await phone.getByRole('button', { name: 'Open navigation' }).click();
      await expectVisible(phone.getByRole('link', { name: 'Surveys' }));
      await screenshot(phone, 'phone-navigation');
    } finally {
      await phone.close();
    }
  });
});

async function expectVisible(locator: ReturnType<Page['getByText']>): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout: 10_000 });
}
