import { accessibilityProblems } from './support/accessibility';
import { baseUrl, signIn, browserTab, DEMO_OWNER } from './support/browser';

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
  '/answers',
  '/cases',
  '/reports',
  '/settings/business',
  '/settings/answers',
  '/settings/team',
  '/settings/integrations',
  '/settings/api-keys',
  '/settings/webhooks',
  '/settings/security',
  '/settings/audit',
  '/templates/thank-you/en',
  '/businesses/new',
];

/** Pages about one thing, reached from the first link of their list, as staff reach them. */
const DETAILS: [list: string, table: string][] = [
  ['/customers', 'Customers'],
  ['/orders', 'Orders'],
  ['/cases', 'Cases'],
];

describe('the console, for people using a screen reader or a keyboard', () => {
  const tab = browserTab({ signedInAs: DEMO_OWNER });

  it.each(PAGES)('%s has no WCAG 2.1 A or AA problem axe can find', async (path) => {
    await tab.page.goto(`${baseUrl()}${path}`);
    await tab.page.getByRole('heading', { level: 1 }).first().waitFor();
    // Lists arrive after the heading; axe looks once they have.
    await tab.page.waitForLoadState('networkidle');
    expect(await accessibilityProblems(tab.page)).toEqual([]);
  });

  it.each(DETAILS)('the first of %s has no WCAG 2.1 A or AA problem axe can find', async (path, table) => {
    await tab.page.goto(`${baseUrl()}${path}`);
    await tab.page
      .getByRole('table', { name: table })
      .getByRole('row')
      .nth(1)
      .getByRole('link')
      .first()
      .click();
    await tab.page.waitForURL(new RegExp(`${path}/[0-9a-f-]{36}$`));
    await tab.page.getByRole('heading', { level: 1 }).first().waitFor();
    await tab.page.waitForLoadState('networkidle');
    expect(await accessibilityProblems(tab.page)).toEqual([]);
  });

  it.each(['/login', '/signup', '/forgot-password', '/confirm-signup#token=from-the-email'])(
    '%s, before signing in, has no WCAG 2.1 A or AA problem axe can find',
    async (path) => {
      const visitor = await tab.browser.newPage({ viewport: { width: 1280, height: 900 } });
      try {
        await visitor.goto(`${baseUrl()}${path}`);
        await visitor.getByRole('heading', { level: 1 }).first().waitFor();
        expect(await accessibilityProblems(visitor)).toEqual([]);
      } finally {
        await visitor.close();
      }
    },
  );

  it('on a phone, the navigation and a list have none either', async () => {
    const phone = await tab.browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await signIn(phone);
      await phone.goto(`${baseUrl()}/customers`);
      await phone.getByRole('table', { name: 'Customers' }).waitFor();
      await phone.waitForLoadState('networkidle');
      expect(await accessibilityProblems(phone)).toEqual([]);
      await phone.getByRole('button', { name: 'Open navigation' }).click();
      await phone
        .getByRole('navigation', { name: 'Sections' })
        .getByRole('link', { name: 'Orders' })
        .waitFor();
      expect(await accessibilityProblems(phone)).toEqual([]);
    } finally {
      await phone.close();
    }
  });

  it('a survey and a weekly report have none either', async () => {
    for (const [path, link] of [
      ['/surveys', 'How did we do?'],
      ['/reports', /^Week of/],
    ] as const) {
      await tab.page.goto(`${baseUrl()}${path}`);
      await tab.page.getByRole('main').getByRole('link', { name: link }).first().click();
      await tab.page.getByRole('heading', { level: 1 }).first().waitFor();
      await tab.page.waitForLoadState('networkidle');
      expect([path, await accessibilityProblems(tab.page)]).toEqual([path, []]);
    }
  });
});
