import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityProblems } from './support/accessibility';
import { api, mailsTo, waitForMail } from './support/console-api';
import { baseUrl, launchBrowser, screenshot, signIn } from './support/browser';
import { reopenUntilVisible } from './support/until';

const ALWAYS_OPEN = { opens: '00:00', closes: '23:59', days: [1, 2, 3, 4, 5, 6, 7] };
const SHOP_WINDOW = { opens: '09:00', closes: '19:00', days: [1, 2, 3, 4, 5, 6] };

interface Rule {
  id: string;
  name: string;
  kind: string;
  trigger: string;
  isEnabled: boolean;
  delay: { amount: number; unit: string };
}

/** A person needs a few seconds to fill a form in; the form refuses a faster post as a machine's. */
const humanPause = () => new Promise((wait) => setTimeout(wait, 3200));

// Each journey waits for the planner and the dispatcher (every 5 s) several times over; on a busy machine
// that takes longer than one minute.
jest.setTimeout(180_000);

describe('every contact, not only buyers', () => {
  let browser: Browser;
  let owner: BrowserContext;
  let ownerPage: Page;
  let rules: Rule[] = [];
  const run = Date.now();
  const visitor = `vera-${run}@visitors.example`;

  beforeAll(async () => {
    browser = await launchBrowser();
    owner = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    ownerPage = await owner.newPage();
    await signIn(ownerPage);
    const call = await api(owner);
    // On the real clock: the window stays open and the moments' rules send at once.
    await call('PATCH', '/api/business', { sendWindow: ALWAYS_OPEN });
    rules = (await call('GET', '/api/automations')) as Rule[];
    // The opinion request after a visit waits an hour, so the thanks for the visit goes first (staff send the
    // request on from Messages).
    for (const rule of rules.filter((one) => !one.trigger.startsWith('order_')))
      await call('PATCH', `/api/automations/${rule.id}`, {
        isEnabled: true,
        delay:
          rule.kind === 'opinion-request' ? { amount: 1, unit: 'hours' } : { amount: 0, unit: 'minutes' },
      });
  });

  afterAll(async () => {
    const call = await api(owner);
    for (const rule of rules.filter((one) => !one.trigger.startsWith('order_')))
      await call('PATCH', `/api/automations/${rule.id}`, { isEnabled: rule.isEnabled, delay: rule.delay });
    await call('PATCH', '/api/business', { sendWindow: SHOP_WINDOW });
    await browser.close();
  });

  it('takes an enquiry from the public form: the visitor is thanked by email, staff see it in the inbox and answer it', async () => {
    await ownerPage.goto(`${baseUrl()}/settings/enquiry-form`);
    const address = await ownerPage.getByRole('link', { name: /\/api\/f\// }).getAttribute('href');
    expect(address).toMatch(/\/api\/f\/[0-9a-f]{32}\.[\w-]{22}$/);
    await screenshot(ownerPage, 'enquiry-form-settings');

    // The visitor: no session, on a phone.
    const visitorContext = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    const visitorPage = await visitorContext.newPage();
    await visitorPage.goto(address ?? '');
    await visitorPage.getByRole('heading', { name: 'Send us a message' }).waitFor();
    expect(await accessibilityProblems(visitorPage)).toEqual([]);
    await visitorPage.getByLabel('Your name').fill('Vera Visitor');
    await visitorPage.getByLabel('Your email').fill(visitor);
    await visitorPage.getByLabel('Your message').fill('Do you bake wedding cakes for 80 people?');
    await humanPause();
    await visitorPage.getByRole('button', { name: 'Send' }).click();
    await visitorPage.getByRole('heading', { name: 'Thank you, we have your message' }).waitFor();
    await screenshot(visitorPage, 'enquiry-form-thanks');
    await visitorContext.close();

    const thanks = await waitForMail(owner, visitor, /^We have your enquiry, Vera$/);
    expect(thanks.text).toContain('We have your message and will answer you soon');

    await ownerPage.getByRole('link', { name: 'Enquiries' }).click();
    await ownerPage.getByRole('heading', { name: 'Enquiries', exact: true }).waitFor();
    await ownerPage.getByRole('link', { name: 'Vera Visitor' }).click();
    await ownerPage.getByText('Do you bake wedding cakes for 80 people?').waitFor();
    await ownerPage.getByLabel('Your answer').fill('We do, Vera. Come for a tasting on Saturday?');
    await ownerPage.getByRole('button', { name: 'Send answer' }).click();
    await ownerPage.getByText('We do, Vera. Come for a tasting on Saturday?').first().waitFor();
    await screenshot(ownerPage, 'enquiry-answered');
    const answer = await waitForMail(owner, visitor, /^Your enquiry to Northwind Bakery$/);
    expect(answer.text).toContain('Come for a tasting on Saturday?');
  });

  it('follows up a quote sent by API that was not accepted, and not one that was', async () => {
    const call = await api(owner);
    const waiting = `quinn-${run}@quotes.example`;
    const accepted = `ada-${run}@quotes.example`;
    const quote = async (email: string, name: string, externalId: string) =>
      (await call('POST', '/api/quotes', {
        externalId,
        contact: { email, name },
        subject: 'Wedding cake, three tiers',
        amount: '320.00',
        currency: 'GBP',
      })) as { id: string; contact: { id: string } };
    const followUpRule = rules.find((rule) => rule.kind === 'quote-follow-up')?.id;

    // Ada's follow-up waits ten minutes; she accepts meanwhile, on her page, and it never goes.
    await call('PATCH', `/api/automations/${followUpRule}`, { delay: { amount: 10, unit: 'minutes' } });
    const first = await quote(accepted, 'Ada Accepts', `Q-A-${run}`);
    await ownerPage.goto(`${baseUrl()}/customers/${first.contact.id}`);
    await ownerPage
      .getByText(/Quote sent: Wedding cake, three tiers/)
      .first()
      .waitFor();
    await reopenUntilVisible(ownerPage, ownerPage.getByText(/Quote follow-up: scheduled/).first());
    await ownerPage.getByRole('button', { name: /^Accepted: / }).click();
    await ownerPage
      .getByText(/Quote accepted/)
      .first()
      .waitFor();
    await reopenUntilVisible(ownerPage, ownerPage.getByText(/cancelled: the quote is accepted/).first());
    await screenshot(ownerPage, 'quote-accepted-timeline');

    // Quinn's goes at once and finds the quote still waiting.
    await call('PATCH', `/api/automations/${followUpRule}`, { delay: { amount: 0, unit: 'minutes' } });
    await quote(waiting, 'Quinn Waits', `Q-W-${run}`);
    const followUp = await waitForMail(owner, waiting, /^Your quote from Northwind Bakery$/);
    expect(followUp.text).toContain('a quote for Wedding cake, three tiers');
    expect(await mailsTo(owner, accepted)).toEqual([]);
  });

  it('thanks for a completed appointment and asks for an opinion', async () => {
    const call = await api(owner);
    const patient = `pat-${run}@visits.example`;
    const booked = (await call('POST', '/api/appointments', {
      externalId: `A-${run}`,
      contact: { email: patient, name: 'Pat Visit' },
      subject: 'Cake tasting',
      startsAt: new Date(Date.now() - 3_600_000).toISOString(),
    })) as { id: string; contact: { id: string } };

    // Staff mark the visit done on the person's page.
    await ownerPage.goto(`${baseUrl()}/customers/${booked.contact.id}`);
    await ownerPage.getByText('Prospect').first().waitFor();
    await ownerPage.getByRole('button', { name: /^Completed: / }).click();
    await ownerPage
      .getByText(/Appointment completed/)
      .first()
      .waitFor();
    const thanks = await waitForMail(owner, patient, /^Thank you for your visit to Northwind Bakery$/);
    expect(thanks.text).toContain('Thank you for coming to see us.');

    // The opinion request waits its hour (and then the gap between two emails); staff send it now from Messages.
    await ownerPage.goto(`${baseUrl()}/automations/messages?customerId=${booked.contact.id}`);
    await ownerPage.getByRole('button', { name: 'Send now to Pat Visit' }).click();
    const request = await waitForMail(owner, patient, /^How did we do, Pat\?$/);
    expect(request.html).toContain('How likely are you to recommend Northwind Bakery to a friend?');
    await screenshot(ownerPage, 'visit-follow-ups');
  });

  it("imports a booking tool's export on a phone, and thanks the visit that just ended", async () => {
    const call = await api(owner);
    const business = (await call('GET', '/api/business')) as { timeZone: string };
    const guest = `ida-${run}@bookings.example`;
    const later = `tom-${run}@bookings.example`;
    // Calendly writes times without a zone, on the business's clock: "2026-12-07 02:30 pm".
    const wallTime = (offsetMinutes: number): string => {
      const parts = Object.fromEntries(
        new Intl.DateTimeFormat('en-US', {
          timeZone: business.timeZone,
          hourCycle: 'h12',
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
        })
          .formatToParts(new Date(Date.now() + offsetMinutes * 60_000))
          .map((part) => [part.type, part.value]),
      );
      return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']} ${String(parts['dayPeriod']).toLowerCase()}`;
    };
    const file = [
      'Invitee Name,Invitee Email,Event Type Name,Start Date & Time,End Date & Time,Canceled,Marked as No-Show',
      `Ida Booker,${guest},"Cake tasting, 30 min",${wallTime(-60)},${wallTime(-30)},false,false`,
      `Tom Later,${later},"Cake tasting, 30 min",${wallTime(7 * 24 * 60)},${wallTime(7 * 24 * 60 + 30)},false,false`,
    ].join('\r\n');

    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await phone.newPage();
    await signIn(page);
    await page.goto(`${baseUrl()}/customers/import?kind=appointments`);
    expect(await page.getByRole('radio', { name: 'Appointments' }).isChecked()).toBe(true);
    await page.locator('input[type=file]').setInputFiles({
      name: 'calendly-events.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(file),
    });
    await page.getByText('looks like a Calendly scheduled events export').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: 'Import finished' }).waitFor();
    await expect(page.getByRole('status').filter({ hasText: 'rows' }).innerText()).resolves.toMatch(
      /2 rows: 2 imported, 0 refused/,
    );
    await screenshot(page, 'import-appointments-phone');
    await phone.close();

    const thanks = await waitForMail(owner, guest, /^Thank you for your visit to Northwind Bakery$/);
    expect(thanks.text).toContain('Thank you for coming to see us.');
    const upcoming = (await call(
      'GET',
      `/api/interactions?type=appointment&search=${encodeURIComponent(later)}`,
    )) as {
      items: { status: string }[];
    };
    expect(upcoming.items.map((item) => item.status)).toEqual(['booked']);
    expect(await mailsTo(owner, later)).toEqual([]);
  });

  it("brings a new enquiry through a promoter's link, and thanks the promoter when that person becomes a customer", async () => {
    const call = await api(owner);
    const promoter = `rita-${run}@promoters.example`;
    const friend = `fred-${run}@friends.example`;
    // Rita bought and answered 10: she is asked, once, to recommend the bakery.
    await call('POST', '/api/orders', {
      externalId: `#RF-${run}`,
      customer: { email: promoter, name: 'Rita Promoter' },
      placedAt: new Date(Date.now() - 11 * 86_400_000).toISOString(),
      total: '12.00',
      currency: 'GBP',
    });
    const opinion = await waitForMail(owner, promoter, /^How did we do, Rita\?$/);
    const ten = /href="([^"]*\/api\/a\/[^"?]+\?score=10)"/.exec(opinion.html)?.[1] ?? '';
    const answerPage = await browser.newPage();
    await answerPage.goto(ten.replace(/&amp;/g, '&'));
    expect(await answerPage.getByRole('radio', { name: '10', exact: true }).isChecked()).toBe(true);
    await answerPage.getByRole('button', { name: 'Send' }).click();
    await answerPage.getByText('Thank you! Your answer helps Northwind Bakery do better.').first().waitFor();
    await answerPage.close();

    // The request is due a day after the answer; staff send it now from Messages.
    const rita = (await call('GET', `/api/customers?search=${encodeURIComponent(promoter)}`)) as {
      items: { id: string }[];
    };
    await ownerPage.goto(`${baseUrl()}/automations/messages?customerId=${rita.items[0]?.id}`);
    const planned = (await call('GET', `/api/messages?customerId=${rita.items[0]?.id}`)) as {
      items: { kind: string; status: string }[];
    };
    expect(planned.items.map((message) => message.kind)).toContain('referral-request');
    await reopenUntilVisible(ownerPage, ownerPage.getByText('Request to recommend').first());
    await ownerPage.getByRole('button', { name: 'Send now to Rita Promoter' }).first().click();
    const request = await waitForMail(owner, promoter, /^Would you recommend Northwind Bakery\?$/);
    const link = /https?:\/\/\S+\/api\/r\/[0-9a-f]{32}\.[A-Z2-9]{8}/.exec(request.text)?.[0] ?? '';
    expect(link).not.toBe('');

    // Fred opens Rita's link on his phone and asks something.
    const friendContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const friendPage = await friendContext.newPage();
    await friendPage.goto(link);
    await friendPage.getByRole('heading', { name: 'You were recommended to us' }).waitFor();
    expect(await accessibilityProblems(friendPage)).toEqual([]);
    await friendPage.getByLabel('Your name').fill('Fred Friend');
    await friendPage.getByLabel('Your email').fill(friend);
    await friendPage.getByLabel('Your message').fill('Rita says your rye is the best. Do you deliver?');
    await humanPause();
    await friendPage.getByRole('button', { name: 'Send' }).click();
    await friendPage.getByRole('heading', { name: 'Thank you, we have your message' }).waitFor();
    await screenshot(friendPage, 'referral-enquiry-thanks');
    await friendContext.close();

    // Fred orders: he becomes a customer, and Rita is thanked.
    await call('POST', '/api/orders', {
      externalId: `#FF-${run}`,
      customer: { email: friend, name: 'Fred Friend' },
      placedAt: new Date().toISOString(),
      total: '8.00',
      currency: 'GBP',
    });
    const thanks = await waitForMail(owner, promoter, /^Thank you for recommending Northwind Bakery$/);
    expect(thanks.text).not.toContain('Fred');

    await ownerPage.goto(`${baseUrl()}/customers/${rita.items[0]?.id}`);
    await ownerPage.getByText('Recommended us to Fred Friend, who became a customer').waitFor();
    await screenshot(ownerPage, 'referrer-timeline');
    await ownerPage
      .getByRole('link', { name: 'Recommended us to Fred Friend, who became a customer' })
      .click();
    await ownerPage.getByText("Came through Rita Promoter's recommendation").waitFor();

    // The owner looks at who recommended whom, on a phone.
    await ownerPage.setViewportSize({ width: 390, height: 844 });
    await ownerPage.goto(`${baseUrl()}/reports/recommendations`);
    const row = ownerPage.getByRole('row').filter({ hasText: 'Fred Friend' });
    await row.getByRole('link', { name: 'Rita Promoter' }).waitFor();
    expect(await row.innerText()).not.toContain('Not yet');
    expect(await accessibilityProblems(ownerPage)).toEqual([]);
    await row.scrollIntoViewIfNeeded();
    await screenshot(ownerPage, 'recommendations-phone');
    await ownerPage.setViewportSize({ width: 1280, height: 900 });
  });
});
