import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchBrowser, screenshot, signIn } from './support/browser';
import { consoleRoutes } from './support/console-routes';
import { cutLabels, sidewaysOverflow } from './support/layout';
import { reopenUntilVisible } from './support/until';

const PHONE = { width: 390, height: 844 };
const ALWAYS_OPEN = { opens: '00:00', closes: '23:59', days: [1, 2, 3, 4, 5, 6, 7] };
const DEMO_SEND_WINDOW = { opens: '09:00', closes: '19:00', days: [1, 2, 3, 4, 5, 6] };
const DESKTOP = { width: 1280, height: 900 };

const CUSTOMERS_CSV = [
  'email,name,tags',
  'bartholomew.featherstonehaugh-winterbottom@a-rather-long-domain-name.example,Bartholomew Featherstonehaugh-Winterbottom,"wholesale, weekly-standing-order"',
  'ines@example.com,Inès Duarte,local',
].join('\n');

/** A buyer whose name and email are longer than a phone is wide, so lists show how they wrap. */
const LONG_BUYER = {
  email: 'maximiliane.oberhollenzer-vanderbilt@a-long-family-bakery-domain.example',
  name: 'Maximiliane Oberhollenzer-Vanderbilt',
};

/** One page of the console, reached as a person would reach it, with its rows and forms showing. */
interface Visit {
  isSignedOut?: boolean;
  open(page: Page, invitationLink: string): Promise<void>;
}

/** Every route of the console (by its pattern in the route files) and how the journey opens it. */
const VISITS: Record<string, Visit> = {
  login: { isSignedOut: true, open: (page) => go(page, '/login') },
  signup: { isSignedOut: true, open: (page) => go(page, '/signup') },
  'confirm-signup': { isSignedOut: true, open: (page) => go(page, '/confirm-signup#token=from-the-email') },
  'forgot-password': { isSignedOut: true, open: (page) => go(page, '/forgot-password') },
  'reset-password': { isSignedOut: true, open: (page) => go(page, '/reset-password#token=from-the-email') },
  invite: {
    isSignedOut: true,
    open: async (page, invitationLink) => {
      await page.goto(invitationLink);
      await page.getByLabel('Choose a password').waitFor();
    },
  },
  'dev/mailbox': {
    open: async (page) => {
      await go(page, '/dev/mailbox');
      await page.getByRole('option').first().click();
      await page.frameLocator('iframe[title="Email content"]').locator('body').waitFor();
    },
  },
  dashboard: { open: (page) => go(page, '/dashboard') },
  customers: { open: (page) => go(page, '/customers') },
  'customers/import': {
    open: async (page) => {
      await go(page, '/customers/import');
      await chooseCsv(page);
    },
  },
  'customers/import/:importId': {
    open: async (page) => {
      await go(page, '/customers/import');
      await chooseCsv(page);
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByRole('heading', { name: 'Import finished' }).waitFor();
      await page.waitForURL(/\/customers\/import\/[0-9a-f-]{36}$/);
    },
  },
  'customers/:customerId': { open: (page) => firstOf(page, '/customers', 'Customers') },
  orders: { open: (page) => go(page, '/orders') },
  'orders/products': { open: (page) => go(page, '/orders/products') },
  'orders/new': {
    open: async (page) => {
      await go(page, '/orders/new');
      await page.getByRole('button', { name: 'Add a product' }).click();
      await page.getByLabel('Unit price 2').waitFor();
    },
  },
  'orders/:orderId': { open: (page) => firstOf(page, '/orders', 'Orders') },
  automations: {
    open: async (page) => {
      await go(page, '/automations');
      // The rule editor, for a rule waiting on delivery (its fallback field), and the new-rule form.
      await page
        .locator('article', { hasText: 'after an order is delivered' })
        .getByRole('button', { name: 'Edit' })
        .click();
      await page.getByLabel('Else, days after the order').waitFor();
      await page.getByRole('button', { name: 'New rule' }).click();
      await page.getByRole('form', { name: 'New rule' }).waitFor();
    },
  },
  'automations/mailbox': {
    open: async (page) => {
      // The thank-you for the order placed before the journey: the planner and dispatcher tick every few seconds.
      await go(page, '/automations/mailbox');
      const email = page.getByRole('button', { name: new RegExp(`To ${LONG_BUYER.email}`) });
      await reopenUntilVisible(page, email, () => go(page, '/automations/mailbox'));
      await email.click();
      await page.frameLocator('iframe[title="Email as the buyer sees it"]').locator('body').waitFor();
    },
  },
  'automations/messages': { open: (page) => go(page, '/automations/messages') },
  templates: { open: (page) => go(page, '/templates') },
  'templates/:kind/:locale': {
    open: async (page) => {
      await go(page, '/templates');
      await page
        .getByRole('main')
        .getByRole('link', { name: /Thank you/ })
        .first()
        .click();
      await page.waitForURL(/\/templates\/[\w-]+\/[\w-]+$/);
      await ready(page);
    },
  },
  surveys: { open: (page) => go(page, '/surveys') },
  'surveys/:surveyId': {
    open: async (page) => {
      await go(page, '/surveys');
      await page.getByRole('main').getByRole('link', { name: 'How did we do?' }).click();
      await page.getByLabel('Language').waitFor();
      await ready(page);
    },
  },
  answers: { open: (page) => go(page, '/answers') },
  cases: { open: (page) => go(page, '/cases') },
  'cases/:caseId': { open: (page) => firstOf(page, '/cases', 'Cases') },
  enquiries: { open: (page) => go(page, '/enquiries') },
  'enquiries/:enquiryId': {
    open: async (page) => {
      await firstOf(page, '/enquiries', 'Enquiries');
      await page.getByLabel('Your answer').waitFor();
    },
  },
  reports: { open: (page) => go(page, '/reports') },
  'reports/recommendations': { open: (page) => go(page, '/reports/recommendations') },
  'reports/:weekStart': {
    open: async (page) => {
      await go(page, '/reports');
      await page
        .getByRole('main')
        .getByRole('link', { name: /^Week of/ })
        .first()
        .click();
      await page.waitForURL(/\/reports\/\d{4}-\d{2}-\d{2}$/);
      await ready(page);
    },
  },
  'settings/business': { open: (page) => go(page, '/settings/business') },
  'settings/answers': { open: (page) => go(page, '/settings/answers') },
  'settings/enquiry-form': { open: (page) => go(page, '/settings/enquiry-form') },
  'settings/team': { open: (page) => go(page, '/settings/team') },
  'settings/integrations': { open: (page) => go(page, '/settings/integrations') },
  'settings/api-keys': { open: (page) => go(page, '/settings/api-keys') },
  'settings/webhooks': { open: (page) => go(page, '/settings/webhooks') },
  'settings/notifications': { open: (page) => go(page, '/settings/notifications') },
  'settings/security': { open: (page) => go(page, '/settings/security') },
  'settings/audit': { open: (page) => go(page, '/settings/audit') },
  'businesses/new': { open: (page) => go(page, '/businesses/new') },
};

describe('every page of the console', () => {
  it('is visited by this journey, so a new page cannot go unchecked', () => {
    expect(Object.keys(VISITS).sort()).toEqual(consoleRoutes().sort());
  });
});

describe.each([
  ['on a 390 px phone', PHONE],
  ['on a desktop', DESKTOP],
])('every page of the console, %s', (_, viewport) => {
  let browser: Browser;
  let signedIn: BrowserContext;
  let signedOut: BrowserContext;
  let invitationLink: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    signedIn = await browser.newContext({ viewport });
    signedOut = await browser.newContext({ viewport });
    const page = await signedIn.newPage();
    await signIn(page);
    invitationLink = await invite(signedIn, `phone-width-${viewport.width}@northwind.example`);
    await placeOrder(signedIn, `#PW-${viewport.width}`);
    await askEnquiry(signedIn, `PW-${viewport.width}`);
    await page.close();
  });
  afterAll(async () => {
    await call(signedIn, 'PATCH', '/api/business', { sendWindow: DEMO_SEND_WINDOW });
    await browser.close();
  });

  it.each(Object.entries(VISITS))(
    '%s fits the window, nothing scrolls sideways, and every field label shows in full',
    async (route, visit) => {
      const page = await (visit.isSignedOut ? signedOut : signedIn).newPage();
      try {
        await visit.open(page, invitationLink);
        await wholePageScreenshot(page, `width-${viewport.width}-${route.replace(/[/:]+/g, '-')}`);
        expect(await sidewaysOverflow(page)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          viewport.width,
        );
        expect(await cutLabels(page)).toEqual([]);
      } finally {
        await page.close();
      }
    },
    90_000,
  );

  it('opens the navigation over the page without widening it', async () => {
    if (viewport.width !== PHONE.width) return;
    const page = await signedIn.newPage();
    try {
      await go(page, '/customers');
      await page.getByRole('button', { name: 'Open navigation' }).click();
      await page
        .getByRole('navigation', { name: 'Sections' })
        .getByRole('link', { name: 'Orders' })
        .waitFor();
      expect(await sidewaysOverflow(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

async function go(page: Page, path: string): Promise<void> {
  await page.goto(`${baseUrl()}${path}`);
  await ready(page);
}

/** The page's heading is up and its lists have arrived. */
async function ready(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
}

/** The page of the first row of a list, reached from its link. */
async function firstOf(page: Page, path: string, table: string): Promise<void> {
  await go(page, path);
  await page.getByRole('table', { name: table }).getByRole('row').nth(1).getByRole('link').first().click();
  await page.waitForURL(new RegExp(`${path}/[0-9a-f-]{36}$`));
  await ready(page);
}

async function chooseCsv(page: Page): Promise<void> {
  await page.locator('input[type=file]').setInputFiles({
    name: 'customers-with-long-names.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(CUSTOMERS_CSV),
  });
  await page.getByRole('button', { name: 'Import', exact: true }).waitFor();
}

/** Calls the API as the signed-in console does, with the session's anti-forgery token. */
async function call(context: BrowserContext, method: 'POST' | 'PATCH', path: string, data: object) {
  const xsrf = (await context.cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? '';
  const response = await context.request.fetch(`${baseUrl()}${path}`, {
    method,
    data,
    headers: { 'x-xsrf-token': xsrf },
  });
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
}

/**
 * An order from the long-named buyer taken yesterday, so its thank-you (a day after the order) is due
 * now, with the sending window open whenever the journey runs.
 */
async function placeOrder(context: BrowserContext, externalId: string): Promise<void> {
  await call(context, 'PATCH', '/api/business', { sendWindow: ALWAYS_OPEN });
  await call(context, 'POST', '/api/orders', {
    externalId,
    customer: LONG_BUYER,
    placedAt: new Date(Date.now() - 25 * 3_600_000).toISOString(),
    total: '24.50',
    currency: 'EUR',
    lines: [{ productName: 'Celebration layer cake with candied violets', quantity: 1, unitPrice: '24.50' }],
  });
}

/** An open enquiry from the long-named buyer, its message longer than a phone is wide. */
async function askEnquiry(context: BrowserContext, externalId: string): Promise<void> {
  await call(context, 'POST', '/api/enquiries', {
    externalId,
    contact: LONG_BUYER,
    subject: 'A three-tier celebration cake with candied violets for a garden wedding',
    message:
      'Could you bake a three-tier cake for about 120 guests on the last Saturday of June? https://a-long-family-bakery-domain.example/inspiration/wedding-cakes-with-candied-violets',
  });
}

/** Invites a colleague to the demo business and returns the link from the email they receive. */
async function invite(context: BrowserContext, email: string): Promise<string> {
  await call(context, 'POST', '/api/team/invitations', { email, role: 'staff' });
  const mailbox = await context.request.get(`${baseUrl()}/api/dev/mailbox?to=${encodeURIComponent(email)}`);
  const [message] = (await mailbox.json()) as { text: string }[];
  const link = /https?:\S+\/invite#token=\S+/.exec(message?.text ?? '')?.[0];
  if (!link) throw new Error(`No invitation link in the email to ${email}`);
  return link;
}

/**
 * The console scrolls inside its content pane, so a full-page screenshot would show one window's height:
 * the window is made as tall as the content for the picture.
 */
async function wholePageScreenshot(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize();
  if (!viewport) return screenshot(page, name);
  const height = await page.evaluate(() =>
    Math.max(
      document.documentElement.scrollHeight,
      document.querySelector('.shell__content')?.scrollHeight ?? 0,
    ),
  );
  await page.setViewportSize({
    width: viewport.width,
    height: Math.min(Math.max(height, viewport.height), 8000),
  });
  await screenshot(page, name);
  await page.setViewportSize(viewport);
}
