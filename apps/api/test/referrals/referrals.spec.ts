import type {
  CustomerDetailResponse,
  FeedbackSettings,
  InteractionResponse,
  MessageResponse,
  OrderResponse,
  Page,
  ReferralSummaryResponse,
} from '@rapport/domain';
import { FollowUpDispatcher } from '../../src/automations/follow-up-dispatcher';
import { FASTEST_HUMAN_MS } from '../../src/interactions/enquiry-form.service';
import { mailTo, sendOpinionRequest } from '../support/factories';
import { appWithTenant } from '../support/spec-app';

/** Monday 4 January 2027, 10:00 in Madrid. */
const T0 = new Date('2027-01-04T09:00:00Z');
const HOUR = 3_600_000;
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('asking promoters to recommend the business', () => {
  const spec = appWithTenant({ name: 'Corner Deli', timeZone: 'Europe/Madrid' });
  const local = (url: string) => url.replace(/^https?:\/\/[^/]+/, spec.testApp.baseUrl);

  async function answer(email: string, externalId: string, score: string): Promise<string> {
    const request = await sendOpinionRequest(spec.testApp, spec.owner, {
      externalId,
      buyer: { email, name: `${score} Scorer` },
      placedAt: T0,
    });
    const link = /href="([^"]*\/api\/a\/[^"?]+)\?score=/.exec(request.html)?.[1] ?? '';
    const posted = await fetch(local(link), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ 'q.score': score }).toString(),
    });
    expect(posted.status).toBe(200);
    return request.to;
  }

  async function kindsTo(email: string): Promise<[string, string][]> {
    const found = await spec.owner.get<Page<MessageResponse>>('/api/messages?limit=200');
    return found.body.items
      .filter((message) => message.customer.email === email)
      .map((message) => [message.kind, message.status] as [string, string])
      .sort();
  }

  it('asks a promoter once, a day after the answer, with a personal link that holds nothing about them', async () => {
    const settings = await spec.owner.get<FeedbackSettings>('/api/feedback-settings');
    expect(settings.body.referralRequests).toBe(true);
    const promoter = await answer('pro@deli.example', '#R-1', '10');
    const passive = await answer('meh@deli.example', '#R-2', '8');
    expect(await kindsTo(promoter)).toContainEqual(['referral-request', 'scheduled']);
    expect((await kindsTo(passive)).map(([kind]) => kind)).not.toContain('referral-request');

    // The opinion request went at T0 + 10 days; the gap between two emails holds the request 3 days more.
    await spec.testApp.app.get(FollowUpDispatcher).dispatchDue(at(24 * 14));
    const [request] = await mailTo(spec.testApp, promoter);
    expect(request?.subject).toBe('Would you recommend Corner Deli?');
    const link = /https?:\/\/[^\s"<]+\/api\/r\/([0-9a-f]{32})\.([A-Z2-9]{8})/.exec(request?.text ?? '');
    expect(link?.[2]).toEqual(expect.stringMatching(/^[A-Z2-9]{8}$/));
    expect(request?.text).toContain(`mention the code ${link?.[2]}`);
    expect(link?.[0]).not.toContain('pro');

    // Answering again (even 10 again) never asks twice.
    const again = await spec.owner.get<Page<MessageResponse>>('/api/messages?limit=200');
    expect(
      again.body.items.filter(
        (message) => message.kind === 'referral-request' && message.customer.email === promoter,
      ),
    ).toHaveLength(1);
  });

  it("brings a friend through the link's enquiry form, and thanks the promoter once the friend becomes a customer", async () => {
    const [request] = await mailTo(spec.testApp, 'pro@deli.example');
    const url = /https?:\/\/[^\s"<]+\/api\/r\/[0-9a-f]{32}\.[A-Z2-9]{8}/.exec(request?.text ?? '')?.[0] ?? '';
    const code = url.slice(-8);
    const page = await fetch(local(url));
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('You were recommended to us');
    expect(html).toContain(`<strong>${code}</strong>`);
    expect(html).toContain(`name="ref" value="${code}"`);
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? '';
    const shown = /name="shown" value="([^"]+)"/.exec(html)?.[1] ?? '';
    await sleep(FASTEST_HUMAN_MS + 100);
    const sent = await fetch(local(action), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        email: 'friend@deli.example',
        name: 'Frida Friend',
        message: 'Do you cater for parties?',
        website: '',
        shown,
        ref: code,
        lang: 'en',
      }).toString(),
    });
    expect(sent.status).toBe(200);
    const enquiries = await spec.owner.get<Page<InteractionResponse>>('/api/interactions?type=enquiry');
    const friendId = enquiries.body.items.find((item) => item.contact.email === 'friend@deli.example')
      ?.contact.id;

    const order = await spec.owner.post<OrderResponse>('/api/orders', {
      externalId: '#R-F1',
      customer: { email: 'friend@deli.example' },
      placedAt: at(400).toISOString(),
      total: '40.00',
      currency: 'EUR',
    });
    expect(order.status).toBe(201);
    await spec.testApp.app.get(FollowUpDispatcher).dispatchDue(at(24 * 21));
    const thanks = (await mailTo(spec.testApp, 'pro@deli.example')).find(
      (mail) => mail.subject === 'Thank you for recommending Corner Deli',
    );
    expect(thanks?.text).toContain('Someone you recommended us to has just become our customer.');
    expect(thanks?.text).not.toContain('Frida');

    const friend = await spec.owner.get<CustomerDetailResponse>(`/api/customers/${friendId}`);
    const promoterId = (
      await spec.owner.get<Page<{ id: string; email: string }>>('/api/customers?search=pro%40deli')
    ).body.items[0]?.id;
    expect(friend.body.timeline.find((entry) => entry.kind === 'referral')).toMatchObject({
      role: 'referred',
      otherCustomerId: promoterId,
      otherName: '10 Scorer',
      converted: true,
    });
    const promoter = await spec.owner.get<CustomerDetailResponse>(`/api/customers/${promoterId}`);
    expect(promoter.body.timeline.find((entry) => entry.kind === 'referral')).toMatchObject({
      role: 'referrer',
      otherName: 'Frida Friend',
      converted: true,
    });

    // A second order of the friend thanks no one again.
    await spec.owner.post('/api/orders', {
      externalId: '#R-F2',
      customer: { email: 'friend@deli.example' },
      placedAt: at(500).toISOString(),
      total: '10.00',
      currency: 'EUR',
    });
    expect((await kindsTo('pro@deli.example')).filter(([kind]) => kind === 'referral-thanks')).toHaveLength(
      1,
    );

    const summary = await spec.owner.get<ReferralSummaryResponse>('/api/referrals?days=365');
    expect(summary.body).toMatchObject({ asked: 1, referred: 1, converted: 1 });
    expect(summary.body.recent[0]).toMatchObject({
      referred: { name: 'Frida Friend' },
      referrer: { name: '10 Scorer' },
    });
  });

  it('takes a code with an order from the API, ignores an unknown one, and never lets a customer refer themselves', async () => {
    const request = (await mailTo(spec.testApp, 'pro@deli.example')).find(
      (mail) => mail.subject === 'Would you recommend Corner Deli?',
    );
    const code = /\/api\/r\/[0-9a-f]{32}\.([A-Z2-9]{8})/.exec(request?.text ?? '')?.[1] ?? '';
    expect(code).toHaveLength(8);
    const direct = await spec.owner.post<OrderResponse>('/api/orders', {
      externalId: '#R-D1',
      customer: { email: 'direct@deli.example' },
      placedAt: at(600).toISOString(),
      total: '5.00',
      currency: 'EUR',
      referralCode: code.toLowerCase(),
    });
    const unknown = await spec.owner.post<OrderResponse>('/api/orders', {
      externalId: '#R-D2',
      customer: { email: 'typo@deli.example' },
      placedAt: at(600).toISOString(),
      total: '5.00',
      currency: 'EUR',
      referralCode: 'NOTACODE',
    });
    const self = await spec.owner.post<OrderResponse>('/api/orders', {
      externalId: '#R-D3',
      customer: { email: 'pro@deli.example' },
      placedAt: at(600).toISOString(),
      total: '5.00',
      currency: 'EUR',
      referralCode: code,
    });
    expect([direct.status, unknown.status, self.status]).toEqual([201, 201, 201]);
    // An order from before the recommendation (an imported history) is not its doing: nobody is thanked.
    const thanksBefore = (await kindsTo('pro@deli.example')).filter(
      ([kind]) => kind === 'referral-thanks',
    ).length;
    await spec.owner.post('/api/enquiries', {
      externalId: 'E-OLD',
      contact: { email: 'old@deli.example' },
      message: 'Hello again',
      referralCode: code,
    });
    await spec.owner.post('/api/orders', {
      externalId: '#R-OLD',
      customer: { email: 'old@deli.example' },
      placedAt: '2024-01-15T10:00:00Z',
      total: '5.00',
      currency: 'EUR',
    });
    expect((await kindsTo('pro@deli.example')).filter(([kind]) => kind === 'referral-thanks')).toHaveLength(
      thanksBefore,
    );
    const summary = await spec.owner.get<ReferralSummaryResponse>('/api/referrals?days=365');
    expect(summary.body.referred).toBe(3);
    expect(summary.body.recent.find((item) => item.referred.email === 'old@deli.example')).toBeDefined();
    expect(summary.body.recent.map((item) => item.referred.email).sort()).toEqual([
      'direct@deli.example',
      'friend@deli.example',
      'old@deli.example',
    ]);
  });

  it('shows a closed page for a code that is not one, and asks nobody once the business turns requests off', async () => {
    const wrong = await fetch(`${spec.testApp.baseUrl}/api/r/${spec.tenant.id.replace(/-/g, '')}.ZZZZZZZZ`);
    expect(wrong.status).toBe(404);
    const settings = (await spec.owner.get<FeedbackSettings>('/api/feedback-settings')).body;
    const saved = await spec.owner.put<FeedbackSettings>('/api/feedback-settings', {
      ...settings,
      referralRequests: false,
    });
    expect(saved.body.referralRequests).toBe(false);
    const later = await answer('late@deli.example', '#R-9', '10');
    expect((await kindsTo(later)).map(([kind]) => kind)).not.toContain('referral-request');
  });
});
