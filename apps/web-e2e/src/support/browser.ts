import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const SCREENSHOTS = resolve(__dirname, '../../screenshots');

/** Debian's Chromium, headless, with everything that would reach the network switched off. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export function baseUrl(): string {
  const url = process.env['E2E_BASE_URL'];
  if (!url) throw new Error('E2E_BASE_URL is not set: run the journeys through their Jest config');
  return url;
}

/** Saves a full-page PNG under apps/web-e2e/screenshots (git-ignored) to look at after the run. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The demo business's owner, seeded on the app the journeys run against. */
export const DEMO_OWNER = { email: 'owner@northwind.example', password: 'bakery-demo-2026' } as const;

/** Signs in through the login page, as a person would, and waits for the dashboard. */
export async function signIn(
  page: Page,
  user: { email: string; password: string } = DEMO_OWNER,
): Promise<void> {
  await page.goto(`${baseUrl()}/login`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/dashboard$/);
}

/** The browser of a `describe`'s journeys and the one page they share. */
export interface BrowserTab {
  browser: Browser;
  page: Page;
}

/**
 * For the enclosing `describe`: a browser with one page (desktop-sized unless `viewport` says otherwise),
 * signed in as `signedInAs` when given, opened before the first journey and closed after the last.
 */
export function browserTab(
  options: {
    viewport?: { width: number; height: number };
    signedInAs?: { email: string; password: string };
  } = {},
): BrowserTab {
  const tab = {} as BrowserTab;
  beforeAll(async () => {
    tab.browser = await launchBrowser();
    tab.page = await tab.browser.newPage({ viewport: options.viewport ?? { width: 1280, height: 900 } });
    if (options.signedInAs) await signIn(tab.page, options.signedInAs);
  });
  afterAll(() => tab.browser.close());
  return tab;
}
