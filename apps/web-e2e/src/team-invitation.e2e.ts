import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchBrowser, screenshot } from './support/browser';
import { confirmationLink, createBusinessFrom, fillSignUpForm } from './support/sign-up';

const OWNER = {
  businessName: 'Lighthouse Books',
  name: 'Nora Quill',
  email: 'nora@lighthouse-books.example',
  password: 'stacks of second-hand novels',
};
const COLLEAGUE = {
  name: 'Theo Page',
  email: 'theo@lighthouse-books.example',
  password: 'shelving poetry on mondays',
};

describe('a new business brings in a colleague', () => {
  let browser: Browser;
  let ownerContext: BrowserContext;
  let colleagueContext: BrowserContext;

  beforeAll(async () => {
    browser = await launchBrowser();
    ownerContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    colleagueContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  });
  afterAll(() => browser.close());

  it('signs up, invites by email, and the colleague joins from the mailbox and sees only that business', async () => {
    const owner = await ownerContext.newPage();
    await owner.goto(`${baseUrl()}/login`);
    await owner.getByRole('link', { name: 'Create an account' }).click();
    await fillSignUpForm(owner, OWNER);
    await choose(owner, 'Country', 'Portugal');
    await screenshot(owner, 'sign-up');
    await owner.getByRole('button', { name: 'Create my account' }).click();
    // The business is made from the link emailed to the owner, read here in the development mailbox.
    await visible(owner.getByRole('heading', { name: 'Check your email' }));
    await createBusinessFrom(owner, await confirmationLink(owner, OWNER));
    await visible(owner.getByTestId('business-name').filter({ hasText: 'Lighthouse Books' }));

    await owner.getByRole('link', { name: 'Settings', exact: true }).click();
    await owner.getByRole('tab', { name: 'Team' }).click();
    await visible(owner.getByRole('heading', { name: 'Invite a colleague' }));
    await owner.getByLabel('Email', { exact: true }).fill(COLLEAGUE.email);
    await owner.getByRole('button', { name: 'Send invitation' }).click();
    await visible(owner.getByRole('status').filter({ hasText: `Invitation sent to ${COLLEAGUE.email}` }));
    await visible(owner.getByRole('table', { name: 'Open invitations' }).getByText(COLLEAGUE.email));
    await screenshot(owner, 'team-invited');

    const colleague = await colleagueContext.newPage();
    await colleague.goto(`${baseUrl()}/dev/mailbox`);
    await colleague.getByRole('option', { name: /invited you to Lighthouse Books/ }).click();
    const email = colleague.frameLocator('iframe[title="Email content"]');
    const link = await email.getByRole('link', { name: 'Open the invitation' }).getAttribute('href');
    expect(link).toMatch(/\/invite#token=/);
    await screenshot(colleague, 'mailbox-invitation');

    // The email on a phone: its long "paste this address" link wraps inside the card.
    const emailHtml = await colleague.locator('iframe[title="Email content"]').getAttribute('srcdoc');
    const phone = await colleagueContext.newPage();
    await phone.setViewportSize({ width: 360, height: 740 });
    await phone.setContent(emailHtml ?? '');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(phone, 'invitation-email-phone');
    await phone.close();

    await colleague.goto(link ?? '');
    await visible(colleague.getByRole('heading', { name: 'Join Lighthouse Books' }));
    await colleague.getByLabel('Your name').fill(COLLEAGUE.name);
    await colleague.getByLabel('Choose a password').fill(COLLEAGUE.password);
    await screenshot(colleague, 'accept-invitation');
    await colleague.getByRole('button', { name: 'Join Lighthouse Books' }).click();
    await colleague.waitForURL(/\/dashboard$/);

    await colleague.getByRole('button', { name: 'Account' }).click();
    await colleague.getByRole('menuitem', { name: 'Sign out' }).click();
    await colleague.waitForURL(/\/login$/);
    await colleague.getByLabel('Email').fill(COLLEAGUE.email);
    await colleague.getByLabel('Password').fill(COLLEAGUE.password);
    await colleague.getByRole('button', { name: 'Sign in' }).click();
    await colleague.waitForURL(/\/dashboard$/);

    await colleague.getByRole('button', { name: 'Switch business' }).click();
    const businesses = colleague.getByRole('menu').getByRole('menuitem');
    await visible(businesses.first());
    const names = (await businesses.allInnerTexts()).map((text) => text.replace(/^\S+\s*/, '').trim());
    expect(names).toEqual(['Lighthouse Books', 'Add a business']);
    await screenshot(colleague, 'colleague-businesses');
    await colleague.keyboard.press('Escape');

    await colleague.getByRole('link', { name: 'Settings', exact: true }).click();
    await visible(colleague.getByRole('tab', { name: 'Your account' }));
    const tabs = await colleague.getByRole('tab').allInnerTexts();
    expect(tabs.map((tab) => tab.trim())).toEqual([
      'Business',
      'Answers and cases',
      'Enquiry form',
      'Notifications',
      'Your account',
    ]);

    await owner.reload();
    await visible(owner.getByRole('table', { name: 'Members' }).getByText(COLLEAGUE.email));
    await screenshot(owner, 'team-members');
  });
});

async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function visible(locator: ReturnType<Page['getByText']>): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout: 10_000 });
}
