import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityProblems } from './support/accessibility';
import { api, waitForMail } from './support/console-api';
import { baseUrl, DEMO_OWNER, launchBrowser, screenshot, signIn } from './support/browser';

const STAFF = { email: 'sam@northwind.example', password: DEMO_OWNER.password };
const ALWAYS_OPEN = { opens: '00:00', closes: '23:59', days: [1, 2, 3, 4, 5, 6, 7] };

describe('closing the loop with an unhappy buyer', () => {
  let browser: Browser;
  let owner: BrowserContext;
  let staff: BrowserContext;
  let ownerPage: Page;
  let staffPage: Page;
  let thankYouRule = '';
  const buyer = `jamie-${Date.now()}@buyers.example`;

  beforeAll(async () => {
    browser = await launchBrowser();
    owner = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    staff = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    ownerPage = await owner.newPage();
    staffPage = await staff.newPage();
  });
  afterAll(async () => {
    const call = await api(owner);
    if (thankYouRule) await call('PATCH', `/api/automations/${thankYouRule}`, { isEnabled: true });
    await call('PATCH', '/api/business', {
      sendWindow: { opens: '09:00', closes: '19:00', days: [1, 2, 3, 4, 5, 6] },
    });
    await browser.close();
  });

  it('takes an opinion request from the mailbox through the answer page to a case and a reply', async () => {
    await signIn(ownerPage);
    const call = await api(owner);
    // The journey runs on the real clock: the window stays open, and only the opinion request goes, so the
    // journey cap does not hold it back behind a thank-you.
    await call('PATCH', '/api/business', { sendWindow: ALWAYS_OPEN });
    const rules = (await call('GET', '/api/automations')) as { id: string; kind: string }[];
    thankYouRule = rules.find((rule) => rule.kind === 'thank-you')?.id ?? '';
    await call('PATCH', `/api/automations/${thankYouRule}`, { isEnabled: false });

    // Sam, on staff, takes cases: the round robin gives the next one to them.
    await signIn(staffPage, STAFF);
    await staffPage.getByRole('link', { name: 'Cases' }).click();
    await staffPage.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
    // Sam takes cases (set through the API as Sam, so a refusal names itself); the page shows it.
    await (
      await api(staff)
    )('PUT', '/api/cases/assignees/me', { takesCases: true });
    await staffPage.reload();
    await staffPage.getByRole('switch', { name: 'New cases come to me in turn', checked: true }).waitFor();

    await call('POST', '/api/orders', {
      externalId: `#J-${Date.now()}`,
      customer: { email: buyer, name: 'Jamie Journey' },
      placedAt: new Date(Date.now() - 11 * 86_400_000).toISOString(),
      total: '18.00',
      currency: 'GBP',
      lines: [{ productName: 'Seeded rye', quantity: 2, unitPrice: '9.00' }],
    });
    await waitForMail(owner, buyer, /^How did we do, Jamie\?$/);

    await ownerPage.goto(`${baseUrl()}/dev/mailbox`);
    await ownerPage.getByText('How did we do, Jamie?').first().click();
    const email = ownerPage.frameLocator('iframe[title="Email content"]');
    await email.getByText('How likely are you to recommend Northwind Bakery to a friend?').waitFor();
    await screenshot(ownerPage, 'opinion-request-in-mailbox');
    const three = await email.getByRole('link', { name: '3', exact: true }).getAttribute('href');
    expect(three).toMatch(/\/api\/a\/[0-9a-f]{32}\.[\w-]{43}\?score=3$/);

    // The buyer: no session, on a phone.
    const buyerContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const buyerPage = await buyerContext.newPage();
    await buyerPage.goto(three ?? '');
    expect(await buyerPage.getByRole('radio', { name: '3', exact: true }).isChecked()).toBe(true);
    expect(await accessibilityProblems(buyerPage)).toEqual([]);
    await buyerPage.getByLabel('What could we do better?').fill('The rye was dry and the box was crushed.');
    await buyerPage.getByRole('button', { name: 'Send' }).click();
    await buyerPage.getByText('Thank you! Your answer helps Northwind Bakery do better.').first().waitFor();
    await screenshot(buyerPage, 'answer-page-thanks');
    expect(await accessibilityProblems(buyerPage)).toEqual([]);
    await buyerContext.close();

    // Sam sees the case among theirs, opens it and replies.
    await staffPage.reload();
    await staffPage.getByRole('link', { name: 'Jamie Journey' }).click();
    await staffPage.getByRole('heading', { name: 'Case: Jamie Journey' }).waitFor();
    await staffPage.getByText('The rye was dry and the box was crushed.').first().waitFor();
    await staffPage
      .getByLabel('Your reply')
      .fill('Sorry, Jamie. A fresh loaf is on its way, well packed this time.');
    await staffPage.getByRole('button', { name: 'Send reply' }).click();
    await staffPage.getByText('Reply to the buyer', { exact: true }).waitFor();
    await staffPage.locator('dd', { hasText: 'Waiting for the customer' }).waitFor();
    await screenshot(staffPage, 'case-page');

    const reply = await waitForMail(owner, buyer, /^Re: How did we do, Jamie\?$/);
    expect(reply.html).toContain('A fresh loaf is on its way, well packed this time.');
    await ownerPage.reload();
    await ownerPage.getByText('Re: How did we do, Jamie?').first().click();
    await ownerPage
      .frameLocator('iframe[title="Email content"]')
      .getByText('A fresh loaf is on its way, well packed this time.')
      .waitFor();
    await screenshot(ownerPage, 'case-reply-in-mailbox');

    // Jamie answers staff's email, tried from the development mailbox through the inbound path.
    const replyForm = ownerPage.getByRole('form', { name: 'Reply as the recipient' });
    await replyForm.getByRole('heading', { name: `Reply as ${buyer}` }).waitFor();
    await replyForm.getByLabel('Your reply').fill('Thank you, that is kind. The new loaf came well packed.');
    await replyForm.getByRole('button', { name: 'Send reply' }).click();
    await replyForm.getByText('Added to the case it answers, which is open for the team.').waitFor();
    await screenshot(ownerPage, 'reply-as-buyer');
    await staffPage.reload();
    await staffPage.getByText('Thank you, that is kind. The new loaf came well packed.').first().waitFor();
    await staffPage.locator('dd', { hasText: /^\s*Open\s*$/ }).waitFor();

    // Sam resolves it and, a week on, Jamie will be asked whether they would now recommend the bakery.
    await staffPage.getByLabel('How was it resolved?').fill('Sent a fresh loaf, well packed.');
    await staffPage
      .getByRole('checkbox', { name: /In a week, ask Jamie Journey whether they would now recommend you/ })
      .check();
    await staffPage.getByRole('button', { name: 'Resolve' }).click();
    await staffPage
      .getByText('The buyer will be asked again in 7 days whether they would now recommend you.', {
        exact: false,
      })
      .first()
      .waitFor();
  });
});
