import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchBrowser, screenshot } from './support/browser';
import { openMail, signUp } from './support/sign-up';

/**
 * A newcomer's first hour, in the console only: sign up, take an order by hand, send its follow-ups now
 * instead of in a day, answer the opinion request as the buyer would, and reply as the buyer from the
 * development mailbox, which lands on the case the low score opened.
 */
describe("a new business's first follow-up, answer and case", () => {
  let browser: Browser;
  let owner: BrowserContext;
  let page: Page;
  const stamp = Date.now();
  const ownerEmail = `pat-${stamp}@plumbing.example`;
  const buyer = `jo-${stamp}@buyers.example`;

  beforeAll(async () => {
    browser = await launchBrowser();
    owner = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await owner.newPage();
  });
  afterAll(() => browser.close());

  it('goes from sign-up to a first follow-up, an answer and a case, without waiting a day', async () => {
    await signUp(page, {
      businessName: 'Pat Plumbing',
      name: 'Pat Quill',
      email: ownerEmail,
      password: 'copper pipes never lie',
    });
    await page.getByRole('heading', { name: 'Getting started' }).waitFor();

    // An order taken by hand: its thank-you waits a day, its opinion request ten.
    await page.goto(`${baseUrl()}/orders/new`);
    await page.getByLabel("Buyer's email").fill(buyer);
    await page.getByLabel("Buyer's name").fill('Jo Buyer');
    await page.getByRole('textbox', { name: 'Product' }).fill('Boiler service');
    await page.getByLabel('Unit price 1', { exact: true }).fill('120');
    await page.getByRole('button', { name: 'Save order' }).click();
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
    const followUps = page.getByRole('region', { name: 'Follow-ups' });
    await followUps.getByText(/Opinion request.*scheduled for/).waitFor({ timeout: 15_000 });
    await screenshot(page, 'first-order-follow-ups');

    // Both go now, whatever the send window and the gap between two emails.
    await followUps.getByRole('listitem').filter({ hasText: 'Thank you' }).getByRole('button').click();
    await page.getByRole('status').filter({ hasText: 'goes within a few seconds' }).waitFor();
    await followUps.getByRole('listitem').filter({ hasText: 'Opinion request' }).getByRole('button').click();
    const sent = followUps.getByText(/^sent [A-Z][a-z]{2} \d/);
    for (let attempt = 0; attempt < 20; attempt += 1) {
      await page.reload();
      await followUps.getByRole('listitem').first().waitFor();
      if ((await sent.count()) === 2) break;
      await page.waitForTimeout(1000);
    }
    expect(await sent.count()).toBe(2);
    // Sending the request planned its reminder, which waits for its day.
    const waiting = await followUps
      .getByRole('listitem')
      .filter({ hasText: 'scheduled for' })
      .allTextContents();
    expect(waiting.map((line) => line.replace(/\s+/g, ' ').trim())).toEqual([
      expect.stringMatching(/^schedule_send Reminder · scheduled for /),
    ]);
    await screenshot(page, 'first-order-sent');

    // The buyer answers from the email: a 2 and a comment.
    await openMail(page, /How did we do, Jo\?/);
    const two = await page
      .frameLocator('iframe[title="Email content"]')
      .getByRole('link', { name: '2', exact: true })
      .getAttribute('href');
    const buyerContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const buyerPage = await buyerContext.newPage();
    await buyerPage.goto(two ?? '');
    await buyerPage.getByLabel('What could we do better?').fill('The plumber came two hours late.');
    await buyerPage.getByRole('button', { name: 'Send' }).click();
    await buyerPage
      .getByText(/Thank you!/)
      .first()
      .waitFor();
    await buyerContext.close();

    // The low score opened a case for the team.
    await page.goto(`${baseUrl()}/cases`);
    await page.getByRole('link', { name: 'Jo Buyer' }).click();
    await page.getByText('The plumber came two hours late.').first().waitFor();

    // Jo also replies to the email; the reply, tried from the mailbox, lands on the case.
    await openMail(page, /How did we do, Jo\?/);
    const replyForm = page.getByRole('form', { name: 'Reply as the recipient' });
    await replyForm.getByLabel('Your reply').fill('And he left the tap dripping.');
    await replyForm.getByRole('button', { name: 'Send reply' }).click();
    await replyForm.getByText(/Added to/).waitFor();
    await page.goto(`${baseUrl()}/cases`);
    await page.getByRole('link', { name: 'Jo Buyer' }).click();
    await page.getByText('And he left the tap dripping.').first().waitFor();
    await screenshot(page, 'first-case-with-reply');
  });
});
