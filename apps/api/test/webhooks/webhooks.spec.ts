import type {
  CreatedWebhookEndpointResponse,
  EndpointDeliveryResponse,
  Page,
  WebhookEndpointResponse,
  WebhookPayload,
} from '@rapport/domain';
import { isSignedBy } from '../../src/webhooks/webhook-signature';
import { mailTo, sendOpinionRequest } from '../support/factories';
import { appWithTenant } from '../support/spec-app';
import { withClient } from '../support/test-database';
import { WebhookReceiver } from '@rapport/webhook-receiver';

async function until<T>(
  read: () => Promise<T>,
  isDone: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (isDone(value) || Date.now() > deadline) return value;
    await new Promise((wait) => setTimeout(wait, 200));
  }
}

describe('outgoing webhooks', () => {
  const spec = appWithTenant({ name: 'Hook Bakery' });
  const receiver = new WebhookReceiver();

  beforeAll(() => receiver.start());
  afterAll(() => receiver.stop());

  async function deliveries(endpointId: string): Promise<EndpointDeliveryResponse[]> {
    const page = await spec.owner.get<Page<EndpointDeliveryResponse>>(
      `/api/webhook-endpoints/${endpointId}/deliveries`,
    );
    expect(page.status).toBe(200);
    return page.body.items;
  }

  it('shows a new endpoint its secret once, and signs a test event with it', async () => {
    const created = await spec.owner.post<CreatedWebhookEndpointResponse>('/api/webhook-endpoints', {
      url: receiver.url,
      events: ['answer.recorded', 'case.opened'],
      description: 'Our CRM',
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const listed = await spec.owner.get<WebhookEndpointResponse[]>('/api/webhook-endpoints');
    expect(listed.body).toEqual([
      expect.objectContaining({
        id: created.body.id,
        url: receiver.url,
        events: ['answer.recorded', 'case.opened'],
      }),
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);

    const test = await spec.owner.post<{ eventId: string }>(
      `/api/webhook-endpoints/${created.body.id}/test`,
      {},
    );
    expect(test.status).toBe(202);
    const [delivery] = await receiver.waitFor(1);
    const body = delivery?.body ?? '';
    const payload = JSON.parse(body) as WebhookPayload;
    expect(payload).toMatchObject({
      id: test.body.eventId,
      type: 'webhook.test',
      version: 1,
      business: { id: spec.tenant.id },
    });
    expect(delivery?.headers['rapport-event-id']).toBe(test.body.eventId);
    const signature = String(delivery?.headers['rapport-signature']);
    expect(isSignedBy(created.body.secret, body, signature, new Date())).toBe(true);
    expect(isSignedBy('whsec_wrong', body, signature, new Date())).toBe(false);
    expect(isSignedBy(created.body.secret, `${body} `, signature, new Date())).toBe(false);
    // A signature older than the tolerance is not believed: a replayed delivery is refused.
    const later = new Date(Date.now() + 10 * 60_000);
    expect(isSignedBy(created.body.secret, body, signature, later)).toBe(false);

    const log = await until(
      () => deliveries(created.body.id),
      (items) => items[0]?.status === 'delivered',
    );
    expect(log[0]).toMatchObject({
      eventId: test.body.eventId,
      eventType: 'webhook.test',
      status: 'delivered',
      attempts: 1,
      lastStatusCode: 200,
    });
  });

  it('retries through an outage of the receiver, and a resend delivers the same event id again', async () => {
    const [endpoint] = (await spec.owner.get<WebhookEndpointResponse[]>('/api/webhook-endpoints')).body;
    const id = endpoint?.id ?? '';
    receiver.received.length = 0;
    receiver.status = 503;
    const test = await spec.owner.post<{ eventId: string }>(`/api/webhook-endpoints/${id}/test`, {});
    await receiver.waitFor(1);
    const failing = await until(
      () => deliveries(id),
      (items) => items.some((item) => item.eventId === test.body.eventId && item.attempts >= 1),
    );
    expect(failing.find((item) => item.eventId === test.body.eventId)).toMatchObject({
      status: 'pending',
      lastStatusCode: 503,
      lastError: 'answered 503',
    });
    receiver.status = 200;
    // The queue's backoff brings the next try within half a minute (15 s, jittered up to 30 s).
    const delivered = await until(
      () => deliveries(id),
      (items) => items.find((item) => item.eventId === test.body.eventId)?.status === 'delivered',
      45_000,
    );
    const row = delivered.find((item) => item.eventId === test.body.eventId);
    expect(row).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 200 });

    receiver.received.length = 0;
    const resent = await spec.owner.post(`/api/webhook-endpoints/${id}/deliveries/${row?.id}/resend`, {});
    expect(resent.status).toBe(202);
    const [again] = await receiver.waitFor(1);
    expect(again?.headers['rapport-event-id']).toBe(test.body.eventId);
  }, 60_000);

  it('tells the endpoint of a low score: the answer, then the case it opened, and nothing it did not ask for', async () => {
    const hooks = new WebhookReceiver();
    await hooks.start();
    try {
      const created = await spec.owner.post<CreatedWebhookEndpointResponse>('/api/webhook-endpoints', {
        url: hooks.url,
        events: ['answer.recorded', 'case.opened'],
      });
      expect(created.status).toBe(201);
      const request = await sendOpinionRequest(spec.testApp, spec.owner, {
        externalId: '#HOOK-1',
        buyer: { email: 'unhappy@example.com', name: 'Una Happy' },
        placedAt: new Date('2026-11-02T09:00:00Z'),
      });
      const link = /href="([^"]*\/api\/a\/[^"?]+)\?score=2"/.exec(request.html)?.[1] ?? '';
      const answered = await fetch(
        link.replace(/&amp;/g, '&').replace(/^https?:\/\/[^/]+/, spec.testApp.baseUrl),
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ 'q.score': '2', 'q.better': 'The loaf was stale' }),
        },
      );
      expect(answered.status).toBe(200);
      const received = await hooks.waitFor(2);
      const payloads = received.map((delivery) => JSON.parse(delivery.body) as WebhookPayload);
      expect(payloads.map((payload) => payload.type).sort()).toEqual(['answer.recorded', 'case.opened']);
      expect(payloads.find((payload) => payload.type === 'answer.recorded')?.data).toMatchObject({
        scoreType: 'nps',
        score: 2,
      });
      for (const delivery of received)
        expect(
          isSignedBy(
            created.body.secret,
            delivery.body,
            String(delivery.headers['rapport-signature']),
            new Date(),
          ),
        ).toBe(true);
      // No personal data beyond ids and the score: the comment stays in Rapport.
      expect(received.map((delivery) => delivery.body).join()).not.toContain('stale');
    } finally {
      await hooks.stop();
    }
  });

  it('tells a new endpoint only of what happens after it was added', async () => {
    const hooks = await new WebhookReceiver().start();
    try {
      const before = await spec.owner.post('/api/enquiries', {
        externalId: 'ENQ-BEFORE',
        contact: { email: 'early@example.com' },
        message: 'Before the endpoint',
      });
      expect(before.status).toBe(201);
      const created = await spec.owner.post<CreatedWebhookEndpointResponse>('/api/webhook-endpoints', {
        url: hooks.url,
        events: ['enquiry.received'],
      });
      expect(created.status).toBe(201);
      await spec.owner.post('/api/enquiries', {
        externalId: 'ENQ-AFTER',
        contact: { email: 'late@example.com' },
        message: 'After the endpoint',
      });
      await hooks.waitFor(1);
      // The earlier event's fan-out has long run: a second delivery would have come by now.
      await new Promise((wait) => setTimeout(wait, 2500));
      expect(
        hooks.received.map((delivery) => (JSON.parse(delivery.body) as WebhookPayload).data['externalId']),
      ).toEqual(['ENQ-AFTER']);
    } finally {
      await hooks.stop();
    }
  });

  it('tells an endpoint that asks for it of each follow-up sent, and records none while nobody asks', async () => {
    const countSent = async () =>
      (
        await withClient(spec.testApp.ownerUrl, (db) =>
          db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM business_events WHERE tenant_id = $1 AND type = 'follow_up.sent'`,
            [spec.tenant.id],
          ),
        )
      ).rows[0]?.n;
    // Earlier tests sent follow-ups with no endpoint listening: no event was made for them.
    expect(await countSent()).toBe(0);
    const hooks = await new WebhookReceiver().start();
    try {
      const created = await spec.owner.post<CreatedWebhookEndpointResponse>('/api/webhook-endpoints', {
        url: hooks.url,
        events: ['follow_up.sent'],
      });
      expect(created.status).toBe(201);
      await sendOpinionRequest(spec.testApp, spec.owner, {
        externalId: '#SENT-1',
        buyer: { email: 'sent@example.com', name: 'Sven Sent' },
        placedAt: new Date('2026-11-09T09:00:00Z'),
      });
      const received = await hooks.waitFor(2);
      const payloads = received.map((delivery) => JSON.parse(delivery.body) as WebhookPayload);
      expect(payloads.map((payload) => [payload.type, payload.data['kind']]).sort()).toEqual([
        ['follow_up.sent', 'opinion-request'],
        ['follow_up.sent', 'thank-you'],
      ]);
      expect(payloads.every((payload) => typeof payload.data['messageId'] === 'string')).toBe(true);
      expect(JSON.stringify(payloads)).not.toContain('sent@example.com');
      expect(await countSent()).toBe(2);
    } finally {
      await spec.owner.delete(
        `/api/webhook-endpoints/${(await spec.owner.get<WebhookEndpointResponse[]>('/api/webhook-endpoints')).body.find((one) => one.url === hooks.url)?.id}`,
      );
      await hooks.stop();
    }
  });

  it.each([
    ['ftp://example.com/hooks', 'url must start with https://'],
    ['not a url', 'url must be a URL like https://example.com/hooks/rapport'],
    ['https://user:pw@example.com/hooks', 'url must not carry a user name or password'],
  ])('refuses %p as an endpoint', async (url, message) => {
    const refused = await spec.owner.post<{ message: string }>('/api/webhook-endpoints', {
      url,
      events: ['case.opened'],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain(message);
  });

  it('refuses events it does not know, and an empty list', async () => {
    const unknown = await spec.owner.post<{ message: string }>('/api/webhook-endpoints', {
      url: receiver.url,
      events: ['order.eaten'],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('events must be some of');
    const empty = await spec.owner.post('/api/webhook-endpoints', { url: receiver.url, events: [] });
    expect(empty.status).toBe(400);
  });
});

describe('outgoing webhooks outside development', () => {
  const spec = appWithTenant({ name: 'Careful Bakery' }, { OUTGOING_ALLOW_PRIVATE_TARGETS: 'false' });

  it.each([
    'http://127.0.0.1:9/hooks',
    'https://127.0.0.1/hooks',
    'https://localhost/hooks',
    'https://10.1.2.3/hooks',
    'https://169.254.169.254/latest/meta-data',
    'https://[::1]/hooks',
    'https://[::ffff:192.168.0.1]/hooks',
    'https://100.64.0.1/hooks',
    'https://[::127.0.0.1]/hooks',
    'https://2130706433/hooks',
  ])('refuses %p: no requests to this machine or its network', async (url) => {
    const refused = await spec.owner.post<{ message: string }>('/api/webhook-endpoints', {
      url,
      events: ['case.opened'],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/url must (start with https|be an address the internet can reach)/);
  });
});

describe('an endpoint that keeps failing', () => {
  const spec = appWithTenant(
    { name: 'Gone Bakery' },
    { OUTGOING_RETRIES: '1', OUTGOING_RETRY_DELAY_SECONDS: '1', OUTGOING_TIMEOUT_MS: '1000' },
  );

  it('is paused after three deliveries failed for good, and its owners are told', async () => {
    const receiver = await new WebhookReceiver().start();
    const url = receiver.url;
    await receiver.stop();
    const created = await spec.owner.post<CreatedWebhookEndpointResponse>('/api/webhook-endpoints', {
      url,
      events: ['case.opened'],
    });
    for (let index = 0; index < 3; index++)
      expect((await spec.owner.post(`/api/webhook-endpoints/${created.body.id}/test`, {})).status).toBe(202);
    const [paused] = await until(
      async () => (await spec.owner.get<WebhookEndpointResponse[]>('/api/webhook-endpoints')).body,
      (items) => items[0]?.pausedAt !== null,
      40_000,
    );
    expect(paused).toMatchObject({
      failedInARow: 3,
      pausedReason: expect.stringMatching(
        /^3 deliveries in a row failed \(last: the connection was refused\)$/,
      ),
    });
    const log = await spec.owner.get<Page<EndpointDeliveryResponse>>(
      `/api/webhook-endpoints/${created.body.id}/deliveries`,
    );
    expect(log.body.items.map((item) => [item.status, item.attempts, item.lastError])).toEqual([
      ['failed', 2, 'the connection was refused'],
      ['failed', 2, 'the connection was refused'],
      ['failed', 2, 'the connection was refused'],
    ]);
    const notice = await until(
      () => mailTo(spec.testApp, spec.tenant.owner.email),
      (mails) => mails.some((mail) => mail.subject.startsWith('Webhook deliveries to')),
    );
    expect(notice.find((mail) => mail.subject.startsWith('Webhook deliveries to'))?.text).toContain(url);

    // While paused a resend is refused, but a test event still goes: the receiver is being fixed.
    const refused = await spec.owner.post<{ message: string }>(
      `/api/webhook-endpoints/${created.body.id}/deliveries/${log.body.items[0]?.id}/resend`,
      {},
    );
    expect(refused.status).toBe(409);
    await receiver.restart();
    await spec.owner.post(`/api/webhook-endpoints/${created.body.id}/test`, {});
    await receiver.waitFor(1);
    receiver.received.length = 0;

    // Resumed, it forgets the failures; a delivery resent once the receiver is back arrives.
    const resumed = await spec.owner.patch<WebhookEndpointResponse>(
      `/api/webhook-endpoints/${created.body.id}`,
      {
        isActive: true,
      },
    );
    expect(resumed.body).toMatchObject({ pausedAt: null, failedInARow: 0 });
    await spec.owner.post(
      `/api/webhook-endpoints/${created.body.id}/deliveries/${log.body.items[0]?.id}/resend`,
      {},
    );
    await receiver.waitFor(1);
    await receiver.stop();
  }, 60_000);
});

describe('Slack and Teams channels', () => {
  // A retry a second later, not fifteen: the rate-limited workflow is tried again within the test.
  const spec = appWithTenant(
    { name: 'Chat Bakery', timeZone: 'Europe/Berlin' },
    { OUTGOING_RETRY_DELAY_SECONDS: '1' },
  );
  const slack = new WebhookReceiver('slack');
  const teams = new WebhookReceiver('teams');

  beforeAll(async () => {
    await slack.start();
    await teams.start();
  });
  afterAll(async () => {
    await slack.stop();
    await teams.stop();
  });

  it('posts a low score as a Block Kit message and an Adaptive Card, in the business language, with a link and no personal data', async () => {
    expect((await spec.owner.patch('/api/business', { locale: 'de' })).status).toBe(200);
    const toSlack = await spec.owner.post<CreatedWebhookEndpointResponse>('/api/webhook-endpoints', {
      format: 'slack',
      url: `${slack.url}/T0001/B0001/secretpart`,
      events: ['case.opened'],
    });
    const toTeams = await spec.owner.post<CreatedWebhookEndpointResponse>('/api/webhook-endpoints', {
      format: 'teams',
      url: teams.url,
      events: ['case.opened'],
    });
    expect([toSlack.status, toTeams.status]).toEqual([201, 201]);
    // The channel's URL is its secret: the list shows where it goes, not the whole of it.
    expect(toSlack.body.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/…$/);

    const request = await sendOpinionRequest(spec.testApp, spec.owner, {
      externalId: '#CHAT-1',
      buyer: { email: 'grumpy@example.com', name: 'Greta Grumpy' },
      placedAt: new Date('2026-11-02T09:00:00Z'),
    });
    const link = /href="([^"]*\/api\/a\/[^"?]+)\?score=1"/.exec(request.html)?.[1] ?? '';
    await fetch(link.replace(/&amp;/g, '&').replace(/^https?:\/\/[^/]+/, spec.testApp.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ 'q.score': '1', 'q.better': 'Cold coffee' }),
    });
    const [posted] = await slack.waitFor(1);
    const message = JSON.parse(posted?.body ?? '{}') as {
      text: string;
      blocks: { type: string; text?: { text: string }; elements?: { url: string }[] }[];
    };
    expect(message.text).toMatch(
      /^Chat Bakery: Neuer Fall: ein unzufriedener Kunde · Antwort: NPS 1\. Fällig bis /,
    );
    expect(message.blocks.map((block) => block.type)).toEqual(['section', 'section', 'actions']);
    expect(message.blocks[2]?.elements?.[0]?.url).toMatch(/\/cases\/[0-9a-f-]{36}$/);
    const [card] = await teams.waitFor(1);
    const adaptive = JSON.parse(card?.body ?? '{}') as {
      attachments: { contentType: string; content: { type: string; actions: { url: string }[] } }[];
    };
    expect(adaptive.attachments[0]).toMatchObject({
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: { type: 'AdaptiveCard' },
    });
    expect(adaptive.attachments[0]?.content.actions[0]?.url).toBe(message.blocks[2]?.elements?.[0]?.url);
    for (const body of [posted?.body ?? '', card?.body ?? '']) {
      expect(body).not.toContain('Greta');
      expect(body).not.toContain('grumpy@example.com');
      expect(body).not.toContain('Cold coffee');
    }
    const log = await until(
      async () =>
        (
          await spec.owner.get<Page<EndpointDeliveryResponse>>(
            `/api/webhook-endpoints/${toTeams.body.id}/deliveries`,
          )
        ).body.items,
      (items) => items[0]?.status === 'delivered',
    );
    expect(log[0]).toMatchObject({ status: 'delivered', lastStatusCode: 202 });
    // The owner, the business's only member, takes its cases: the case reaches them by email as well.
    const alert = await until(
      () => mailTo(spec.testApp, spec.tenant.owner.email),
      (mails) => mails.some((mail) => mail.subject.includes('needs an answer')),
    );
    expect(alert.find((mail) => mail.subject.includes('needs an answer'))?.subject).toBe(
      'Greta Grumpy needs an answer: NPS 1',
    );
  });

  it('pauses a Slack channel that was archived at its first refusal, and tries a rate-limited Teams workflow again', async () => {
    slack.received.length = 0;
    teams.received.length = 0;
    const [toSlack, toTeams] = (await spec.owner.get<WebhookEndpointResponse[]>('/api/webhook-endpoints'))
      .body;
    slack.failWith = 'archived';
    teams.failWith = 'rate-limited';
    await spec.owner.post(`/api/webhook-endpoints/${toSlack?.id}/test`, {});
    await spec.owner.post(`/api/webhook-endpoints/${toTeams?.id}/test`, {});
    await teams.waitFor(1);
    teams.failWith = null;

    const paused = await until(
      async () => (await spec.owner.get<WebhookEndpointResponse[]>('/api/webhook-endpoints')).body,
      (endpoints) => endpoints.find((one) => one.id === toSlack?.id)?.pausedAt !== null,
    );
    expect(paused.find((one) => one.id === toSlack?.id)?.pausedReason).toBe(
      'the channel refused it for good (Slack answered 410 channel_is_archived)',
    );
    const [refused] = (
      await spec.owner.get<Page<EndpointDeliveryResponse>>(`/api/webhook-endpoints/${toSlack?.id}/deliveries`)
    ).body.items;
    expect(refused).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: 410 });
    const notice = await until(
      () => mailTo(spec.testApp, spec.tenant.owner.email),
      (mails) => mails.some((mail) => mail.subject.startsWith('Webhook deliveries to')),
    );
    expect(notice.find((mail) => mail.subject.startsWith('Webhook deliveries to'))?.text).toContain(
      'channel_is_archived',
    );

    // Teams said 429: the try is repeated after the queue's backoff, and the card arrives.
    const retried = await until(
      async () =>
        (
          await spec.owner.get<Page<EndpointDeliveryResponse>>(
            `/api/webhook-endpoints/${toTeams?.id}/deliveries`,
          )
        ).body.items[0],
      (item) => item?.status === 'delivered',
      60_000,
    );
    expect(retried).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 202 });
    expect(teams.received.map((one) => one.status)).toEqual([429, 202]);
    slack.failWith = null;
  }, 90_000);
});
