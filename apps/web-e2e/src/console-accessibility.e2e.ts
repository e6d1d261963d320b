import type { Browser, Page } from 'playwright-core';
import { accessibilityProblems } from './support/accessibility';
import { baseUrl, launchBrowser, signIn } from './support/browser';

/** The console's pages as staff open them from the navigation, with the demo business's data. */
const PAGES = [
  '/dashboard',
  '/customers',
  '/orders',
  '/orders/products',
  '/automations',
  '/automations/messages',
  '/automations/mailbox',
  '/templates',
  '/surveys',
  '/responses',
  '/cases',
  '/reports',
  '/settings',
];

describe('the console, for people using a screen reader or a keyboard', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page);
  });
  afterAll(() => browser.close());

  it.each(PAGES)('%s has no WCAG 2.1 A or AA problem axe can find', async (path) => {
    await page.goto(`${baseUrl()}${path}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    // Lists arrive after the heading; axe looks once they have.
    await page.waitForLoadState('networkidle');
    expect(await accessibilityProblems(page)).toEqual([]);
  });
});
