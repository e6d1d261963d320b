import type {
  ApiErrorBody,
  AutomationResponse,
  CustomerDetailResponse,
  CustomerResponse,
  DashboardResponse,
  InteractionResponse,
  MessageResponse,
  Page,
} from '@rapport/domain';
import { weekContaining } from '@rapport/domain';
import { WeeklyReportBuilder } from '../../src/reports/weekly-report-builder';
import { TenantDatabase } from '../../src/tenancy/tenant-database';
import { FollowUpDispatcher } from '../../src/automations/follow-up-dispatcher';
import { FollowUpPlanner } from '../../src/automations/follow-up-planner';
import { InteractionPlanner } from '../../src/automations/interaction-planner';
import { createTenant, mailTo, signedIn } from '../support/factories';
import { appWithTenant } from '../support/spec-app';

/** Monday 4 January 2027, 10:00 in Madrid. The spec drives the planners' and dispatcher's clock. */
const T0 = new Date('2027-01-04T09:00:00Z');
const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);

describe('enquiries, quotes and appointments', () => {
  const spec = appWithTenant({ name: 'Fix-It Plumbing', timeZone: 'Europe/Madrid' });

  async function turnOn(...names: string[]): Promise<void> {
    const rules = await spec.owner.get<AutomationResponse[]>('/api/automations');
    for (const name of names) {
      const rule = rules.body.find((one) => one.name === name);
      if (!rule) throw new Error(`no rule named ${name}`);
      const result = await spec.owner.patch(`/api/automations/${rule.id}`, { isEnabled: true });
      expect(result.status).toBe(200);
    }
  }

  async function run(hours: number): Promise<void> {
    const app = spec.testApp.app;
    await app.get(InteractionPlanner).planPending(at(hours));
    await app.get(FollowUpPlanner).planPending(at(hours));
    await app.get(FollowUpDispatcher).dispatchDue(at(hours));
  }

  async function messagesOf(customerId: string): Promise<[string, string, string | null][]> {
    const result = await spec.owner.get<Page<MessageResponse>>(`/api/messages?customerId=${customerId}`);
    return result.body.items
      .map((message) => [message.kind, message.status, message.reason])
      .reverse() as never;
  }

  beforeAll(() =>
    turnOn(
      'Thank you for your enquiry',
      'Following up on your quote',
      'Thanks for visiting',
      'How was your visit?',
      'We missed you',
    ),
  );

  it('starts every new business with the rules for enquiries, quotes and appointments turned off', async () => {
    const other = await signedIn(spec.testApp, (await createTenant(spec.testApp)).owner);
    const rules = await other.get<AutomationResponse[]>('/api/automations');
    expect(
      rules.body.map((rule) => [rule.trigger, rule.kind, rule.isEnabled, rule.stopsWhenCustomer]),
    ).toEqual([
      ['order_placed', 'thank-you', true, false],
      ['order_delivered', 'opinion-request', true, false],
      ['enquiry_received', 'enquiry-thanks', false, true],
      ['quote_sent', 'quote-follow-up', false, true],
      ['appointment_completed', 'visit-thanks', false, false],
      ['appointment_completed', 'opinion-request', false, false],
      ['appointment_no_show', 'missed-you', false, false],
    ]);
    expect(rules.body.find((rule) => rule.kind === 'quote-follow-up')?.description).toBe(
      '3 days after a quote is sent, send "Following up on your quote"',
    );
  });

  it('follows a quote up when it was not answered, and not when it was accepted first', async () => {
    const open = await spec.owner.post<InteractionResponse>('/api/quotes', {
      externalId: 'Q-1',
      contact: { email: 'pat@quote.example', name: 'Pat Open' },
      occurredAt: T0.toISOString(),
      subject: 'Boiler replacement',
      amount: '1850',
      currency: 'eur',
      validUntil: at(24 * 30).toISOString(),
    });
    expect(open.status).toBe(201);
    expect(open.body).toMatchObject({ type: 'quote', status: 'sent', amount: '1850.00', currency: 'EUR' });
    const accepted = await spec.owner.post<InteractionResponse>('/api/quotes', {
      externalId: 'Q-2',
      contact: { email: 'quinn@quote.example', name: 'Quinn Yes' },
      occurredAt: T0.toISOString(),
      amount: 900,
      currency: 'EUR',
    });
    await run(0.1);
    const moved = await spec.owner.post<InteractionResponse>(`/api/interactions/${accepted.body.id}/status`, {
      status: 'accepted',
      at: at(30).toISOString(),
    });
    expect(moved.body.status).toBe('accepted');
    await run(24 * 3 + 1);

    expect(await messagesOf(open.body.contact.id)).toEqual([['quote-follow-up', 'sent', null]]);
    expect(await messagesOf(accepted.body.contact.id)).toEqual([
      ['quote-follow-up', 'cancelled', 'cancelled: the quote is accepted'],
    ]);
    const [mail] = await mailTo(spec.testApp, 'pat@quote.example');
    expect(mail?.subject).toBe('Your quote from Fix-It Plumbing');
    expect(mail?.text).toContain('a quote for Boiler replacement');
  });

  it('thanks for a completed appointment, then asks for an opinion, and the person becomes a customer', async () => {
    const booked = await spec.owner.post<InteractionResponse>('/api/appointments', {
      externalId: 'A-1',
      contact: { email: 'val@visit.example', name: 'Val Visit' },
      occurredAt: T0.toISOString(),
      startsAt: at(2).toISOString(),
      subject: 'Leaking tap',
    });
    expect(booked.status).toBe(201);
    const before = await spec.owner.get<CustomerResponse>(`/api/customers/${booked.body.contact.id}`);
    expect(before.body.becameCustomerAt).toBeNull();
    await spec.owner.post(`/api/interactions/${booked.body.id}/status`, {
      status: 'completed',
      at: at(3).toISOString(),
    });
    await run(3.1);
    await run(5.5);
    await run(24 * 7);

    expect(await messagesOf(booked.body.contact.id)).toEqual([
      ['visit-thanks', 'sent', null],
      ['opinion-request', 'sent', null],
      ['reminder', 'scheduled', null],
    ]);
    const detail = await spec.owner.get<CustomerDetailResponse>(`/api/customers/${booked.body.contact.id}`);
    expect(detail.body.becameCustomerAt).toBe(at(3).toISOString());
    expect(detail.body.timeline.filter((entry) => entry.kind.startsWith('interaction'))).toEqual([
      {
        kind: 'interaction-event',
        at: at(3).toISOString(),
        interactionId: booked.body.id,
        event: 'appointment_completed',
      },
      {
        kind: 'interaction',
        at: T0.toISOString(),
        interactionId: booked.body.id,
        type: 'appointment',
        status: 'completed',
        subject: 'Leaking tap',
      },
    ]);
    const subjects = (await mailTo(spec.testApp, 'val@visit.example')).map((mail) => mail.subject);
    expect(subjects).toContain('Thank you for your visit to Fix-It Plumbing');
  });

  it('tells a missed appointment that it was missed, and stops when it was cancelled instead', async () => {
    const missed = await spec.owner.post<InteractionResponse>('/api/appointments', {
      externalId: 'A-2',
      contact: { email: 'nia@visit.example' },
      occurredAt: T0.toISOString(),
      startsAt: at(1).toISOString(),
      status: 'no_show',
    });
    expect(missed.body.status).toBe('no_show');
    await run(0);
    await run(26);
    expect(await messagesOf(missed.body.contact.id)).toEqual([['missed-you', 'sent', null]]);
    const back = await spec.owner.post<ApiErrorBody>(`/api/interactions/${missed.body.id}/status`, {
      status: 'completed',
    });
    expect(back.status).toBe(400);
    expect(back.body.details).toEqual([{ field: 'status', reason: 'cannot go from no_show to completed' }]);
  });

  it('thanks for an enquiry within minutes, emails the answer from the console, and marks it answered', async () => {
    const enquiry = await spec.owner.post<InteractionResponse>('/api/enquiries', {
      externalId: 'E-1',
      contact: { email: 'eli@ask.example', name: 'Eli Asks' },
      occurredAt: T0.toISOString(),
      subject: 'Bathroom refit',
      message: 'How much for a small bathroom?',
    });
    expect(enquiry.body).toMatchObject({ status: 'open', answeredAt: null });
    // Due by the end of the next working day's worth of hours (09:00-17:00): Tuesday 10:00 in Madrid.
    expect(enquiry.body.dueAt).toBe(at(24).toISOString());
    await run(0.1);
    const answered = await spec.owner.post<InteractionResponse>(
      `/api/interactions/${enquiry.body.id}/answers`,
      {
        text: 'About 4,000 euros. Shall I come and look?',
      },
    );
    expect(answered.status).toBe(201);
    expect(answered.body.status).toBe('answered');
    expect(answered.body.dueAt).toBeNull();
    expect(answered.body.answers).toEqual([
      { at: expect.any(String), text: 'About 4,000 euros. Shall I come and look?', status: 'scheduled' },
    ]);
    await spec.testApp.app.get(FollowUpDispatcher).dispatchDue(new Date(Date.now() + 1000));
    const mails = await mailTo(spec.testApp, 'eli@ask.example');
    expect(mails.map((mail) => mail.subject)).toEqual(['Re: Bathroom refit', 'We have your enquiry, Eli']);
    expect(mails[0]?.text).toContain('About 4,000 euros');

    const inbox = await spec.owner.get<Page<InteractionResponse>>(
      '/api/interactions?type=enquiry&status=answered',
    );
    expect(inbox.body.items.map((item) => item.externalId)).toEqual(['E-1']);
    const quote = await spec.owner.get<Page<InteractionResponse>>('/api/interactions?type=quote');
    expect(quote.body.items.map((item) => item.externalId).sort()).toEqual(['Q-1', 'Q-2']);
  });

  it("stops a prospect's quote follow-up once they order, and lists prospects apart from customers", async () => {
    const quote = await spec.owner.post<InteractionResponse>('/api/quotes', {
      externalId: 'Q-3',
      contact: { email: 'pia@prospect.example', name: 'Pia Prospect' },
      occurredAt: T0.toISOString(),
      amount: '120.00',
      currency: 'EUR',
    });
    await run(0.1);
    const prospects = await spec.owner.get<Page<CustomerResponse>>('/api/customers?kind=prospect&limit=100');
    expect(prospects.body.items.map((item) => item.email)).toContain('pia@prospect.example');
    await spec.owner.post('/api/orders', {
      externalId: '#PIA-1',
      customer: { email: 'pia@prospect.example' },
      placedAt: at(10).toISOString(),
      total: '120.00',
      currency: 'EUR',
    });
    await run(24 * 3 + 1);
    // The order's own follow-ups go on; the quote's stops.
    expect((await messagesOf(quote.body.contact.id)).sort()).toEqual([
      ['opinion-request', 'scheduled', null],
      ['quote-follow-up', 'cancelled', 'cancelled: they became a customer'],
      ['thank-you', 'sent', null],
    ]);
    const customers = await spec.owner.get<Page<CustomerResponse>>('/api/customers?kind=customer&limit=100');
    expect(customers.body.items.map((item) => item.email)).toContain('pia@prospect.example');
    expect(customers.body.items.map((item) => item.email)).not.toContain('eli@ask.example');
  });

  it('updates by external id, answers a retry with the same key the same, and names every bad field', async () => {
    const body = {
      externalId: 'E-2',
      contact: { email: 'rae@ask.example' },
      message: 'Do you work on Saturdays?',
    };
    const first = await spec.owner.post<InteractionResponse>('/api/enquiries', body, {
      'idempotency-key': 'k-e2',
    });
    const retry = await spec.owner.post<InteractionResponse>('/api/enquiries', body, {
      'idempotency-key': 'k-e2',
    });
    const again = await spec.owner.post<InteractionResponse>('/api/enquiries', {
      ...body,
      subject: 'Weekends',
    });
    expect([first.status, retry.status, again.status]).toEqual([201, 201, 200]);
    expect(new Set([first.body.id, retry.body.id, again.body.id]).size).toBe(1);
    expect(again.body.subject).toBe('Weekends');

    const bad = await spec.owner.post<ApiErrorBody>('/api/quotes', {
      externalId: '',
      contact: { email: 'not-an-email' },
      amount: '-3',
      currency: 'euro',
      status: 'completed',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details?.map((detail) => detail.field).sort()).toEqual([
      'amount',
      'contact.email',
      'currency',
      'externalId',
      'status',
    ]);
    const someoneElse = await spec.owner.post<ApiErrorBody>('/api/enquiries', {
      ...body,
      contact: { email: 'other@ask.example' },
    });
    expect(someoneElse.status).toBe(400);
    expect(someoneElse.body.details).toEqual([
      { field: 'contact.email', reason: 'is not the person E-2 was first sent for' },
    ]);
    const blank = await spec.owner.post<ApiErrorBody>('/api/enquiries', {
      ...body,
      externalId: 'E-blank',
      message: '   ',
    });
    expect(blank.body.details?.map((detail) => detail.field)).toEqual(['message']);
    const wrongRule = await spec.owner.post<ApiErrorBody>('/api/automations', {
      name: 'Odd',
      trigger: 'appointment_no_show',
      delay: { amount: 1, unit: 'days' },
      kind: 'thank-you',
      conditions: { productNames: ['Tap'] },
    });
    expect(wrongRule.status).toBe(400);
    expect(wrongRule.body.details?.map((detail) => detail.field)).toEqual([
      'trigger',
      'conditions.productNames',
    ]);
  });

  it("keeps each business's interactions to itself", async () => {
    const mine = await spec.owner.post<InteractionResponse>('/api/enquiries', {
      externalId: 'E-3',
      contact: { email: 'sol@ask.example' },
      message: 'Hello',
    });
    const stranger = await signedIn(spec.testApp, (await createTenant(spec.testApp)).owner);
    expect((await stranger.get(`/api/interactions/${mine.body.id}`)).status).toBe(404);
    expect(
      (await stranger.post(`/api/interactions/${mine.body.id}/status`, { status: 'closed' })).status,
    ).toBe(404);
    expect((await stranger.post(`/api/interactions/${mine.body.id}/answers`, { text: 'Hi' })).status).toBe(
      404,
    );
    const theirs = await stranger.get<Page<InteractionResponse>>('/api/interactions');
    expect(theirs.body.items).toEqual([]);
    // The same external id in another business is another enquiry.
    const same = await stranger.post<InteractionResponse>('/api/enquiries', {
      externalId: 'E-3',
      contact: { email: 'sol@ask.example' },
      message: 'Hello',
    });
    expect(same.status).toBe(201);
    expect(same.body.id).not.toBe(mine.body.id);
  });

  it('counts enquiries, quotes and visits on the dashboard and in the weekly report, against the span before', async () => {
    const otherTenant = await createTenant(spec.testApp, { timeZone: 'Europe/Madrid' });
    const other = await signedIn(spec.testApp, otherTenant.owner);
    const asked = await other.post<InteractionResponse>('/api/enquiries', {
      externalId: 'E-D1',
      contact: { email: 'dina@count.example' },
      message: 'Open on Sundays?',
      // A minute ago, or when this week began if that was later: the enquiry is this week's.
      occurredAt: new Date(
        Math.max(Date.now() - 60_000, weekContaining(new Date(), 'Europe/Madrid').from.getTime()),
      ).toISOString(),
    });
    const answered = await other.post<InteractionResponse>(`/api/interactions/${asked.body.id}/answers`, {
      text: 'No, sorry.',
    });
    await other.post('/api/quotes', {
      externalId: 'Q-D1',
      contact: { email: 'dina@count.example' },
      amount: '10',
      currency: 'EUR',
      status: 'accepted',
    });
    const dashboard = await other.get<DashboardResponse>('/api/dashboard');
    const counted = Object.fromEntries(dashboard.body.contacts.map((step) => [step.key, step.count]));
    expect(counted).toMatchObject({
      enquiries: 1,
      enquiriesAnswered: 1,
      quotesSent: 1,
      quotesAccepted: 1,
      appointmentsCompleted: 0,
    });

    // This week's report, as it will read once the week has ended.
    const now = new Date();
    const content = await spec.testApp.app
      .get(TenantDatabase)
      .transaction(otherTenant.id, (manager) =>
        spec.testApp.app.get(WeeklyReportBuilder).build(manager, weekContaining(now, 'Europe/Madrid'), now),
      );
    expect(content.contacts?.find((step) => step.key === 'enquiries')).toMatchObject({
      count: 1,
      previous: 0,
    });
    const minutes = (Date.parse(answered.body.answeredAt ?? '') - Date.parse(asked.body.occurredAt)) / 60_000;
    expect(content.medianEnquiryAnswerMinutes).toBe(Math.round(minutes));
    expect(content.isQuiet).toBe(false);
  });
});
