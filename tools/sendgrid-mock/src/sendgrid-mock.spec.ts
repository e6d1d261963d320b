import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from '@sendgrid/client';
import { EventWebhook } from '@sendgrid/eventwebhook';
import { MailService } from '@sendgrid/mail';
import { SendGridMock } from './sendgrid-mock';

describe('SendGridMock', () => {
  const mock = new SendGridMock();
  let mail: MailService;

  beforeAll(async () => {
    const baseUrl = await mock.start();
    const client = new Client();
    client.setApiKey('SG.test-key');
    // setApiKey resets the base URL to SendGrid's: point the official client at the mock afterwards.
    client.setDefaultRequest('baseUrl', baseUrl);
    mail = new MailService();
    mail.setClient(client);
  });
  afterAll(() => mock.stop());
  beforeEach(() => mock.clear());

  const message = {
    to: 'ana@example.com',
    from: { email: 'hello@bakery.example', name: 'Northwind Bakery' },
    subject: 'Thank you',
    text: 'Thank you for your order',
    html: '<p>Thank you for your order</p>',
    customArgs: { message_id: 'm-1', tenant_id: 't-1' },
  };

  it("accepts the official client's send with 202 and an X-Message-Id, and records it", async () => {
    const [response] = await mail.send(message);
    expect(response.statusCode).toBe(202);
    expect(response.headers['x-message-id']).toBe(mock.received[0]?.messageId);
    expect(mock.received[0]?.body).toMatchObject({
      personalizations: [{ to: [{ email: 'ana@example.com' }] }],
      from: { email: 'hello@bakery.example', name: 'Northwind Bakery' },
      subject: 'Thank you',
      custom_args: { message_id: 'm-1', tenant_id: 't-1' },
    });
    expect(mock.received[0]?.authorization).toBe('Bearer SG.test-key');
  });

  it('answers 429 with a reset time, then 500, then accepts', async () => {
    mock.failNext({ kind: 'rate-limit', resetSeconds: 2 }, { kind: 'server-error' });
    const limited = await mail
      .send(message)
      .catch((error: { code: number; response: { headers: Record<string, string> } }) => error);
    expect(limited).toMatchObject({ code: 429 });
    expect(
      Number(
        (limited as { response: { headers: Record<string, string> } }).response.headers['x-ratelimit-reset'],
      ),
    ).toBeGreaterThan(Date.now() / 1000);
    await expect(mail.send(message)).rejects.toMatchObject({ code: 500 });
    const [accepted] = await mail.send(message);
    expect(accepted.statusCode).toBe(202);
    expect(mock.received).toHaveLength(1);
    expect(mock.requestCount).toBe(3);
  });

  it('can answer slowly or drop the connection', async () => {
    mock.failNext({ kind: 'slow', delayMs: 300 }, { kind: 'reset-connection' });
    const started = Date.now();
    await mail.send(message);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    await expect(mail.send(message)).rejects.toBeTruthy();
  });

  it('refuses a body SendGrid would refuse, naming the field', async () => {
    const response = await fetch(`${mock.baseUrl}/v3/mail/send`, {
      method: 'POST',
      headers: { authorization: 'Bearer x', 'content-type': 'application/json' },
      body: JSON.stringify({
        personalizations: [{ to: [{ email: 'a@b.co' }] }],
        from: { email: 'c@d.co' },
        content: [],
      }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [{ message: 'The subject is required.', field: 'subject' }],
    });
  });

  it('posts events signed so that the official verifier accepts them, and a tampered body fails', async () => {
    const seen: { body: string; signature: string; timestamp: string }[] = [];
    const receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        seen.push({
          body: Buffer.concat(chunks).toString('utf8'),
          signature: String(request.headers['x-twilio-email-event-webhook-signature']),
          timestamp: String(request.headers['x-twilio-email-event-webhook-timestamp']),
        });
        response.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/events`;
    await mock.postEvents(url, [{ event: 'delivered', email: 'ana@example.com', message_id: 'm-1' }]);
    await mock.postEvents(url, [{ event: 'bounce', email: 'ana@example.com' }], { tamper: true });
    receiver.close();

    const verifier = new EventWebhook();
    const key = verifier.convertPublicKeyToECDSA(mock.publicKey);
    const [good, tampered] = seen;
    expect(
      verifier.verifySignature(key, good?.body ?? '', good?.signature ?? '', good?.timestamp ?? ''),
    ).toBe(true);
    expect(
      verifier.verifySignature(
        key,
        tampered?.body ?? '',
        tampered?.signature ?? '',
        tampered?.timestamp ?? '',
      ),
    ).toBe(false);
    expect(JSON.parse(good?.body ?? '[]')[0]).toMatchObject({
      event: 'delivered',
      sg_event_id: expect.any(String),
    });
  });

  it("lists the account's verified senders and authenticated domains as SendGrid's sender APIs do", async () => {
    const control = await fetch(`${mock.baseUrl}/__mock/senders`, {
      method: 'POST',
      body: JSON.stringify({
        verifiedSenders: ['ana@example.com'],
        authenticatedDomains: ['bakery.example'],
      }),
    });
    expect(control.status).toBe(204);
    const headers = { authorization: 'Bearer SG.test-key' };
    const senders = await (await fetch(`${mock.baseUrl}/v3/verified_senders`, { headers })).json();
    const domains = await (await fetch(`${mock.baseUrl}/v3/whitelabel/domains`, { headers })).json();
    expect(senders).toEqual({ results: [{ id: 1, from_email: 'ana@example.com', verified: true }] });
    expect(domains).toEqual([{ id: 1, domain: 'bakery.example', valid: true }]);
    expect((await fetch(`${mock.baseUrl}/v3/verified_senders`)).status).toBe(401);
  });

  it('can be scripted over HTTP by another process', async () => {
    await fetch(`${mock.baseUrl}/__mock/behaviours`, {
      method: 'POST',
      body: JSON.stringify([{ kind: 'server-error', status: 503 }]),
    });
    await expect(mail.send(message)).rejects.toMatchObject({ code: 503 });
    await mail.send(message);
    const recorded = (await (await fetch(`${mock.baseUrl}/__mock/messages`)).json()) as unknown[];
    expect(recorded).toHaveLength(1);
  });

  it('counts without keeping bodies when told to, and reports the count over HTTP', async () => {
    const counting = new SendGridMock({ keepBodies: false });
    const baseUrl = await counting.start();
    try {
      const client = new Client();
      client.setApiKey('SG.count');
      client.setDefaultRequest('baseUrl', baseUrl);
      const counted = new MailService();
      counted.setClient(client);
      await counted.send(message);
      await counted.send(message);
      expect(counting.received).toEqual([]);
      expect(counting.acceptedCount).toBe(2);
      const answer = await fetch(`${baseUrl}/__mock/count`);
      // The same message id twice: the second is a duplicate, which a soak test counts.
      expect(await answer.json()).toEqual({ accepted: 2, requests: 2, duplicates: 1 });
    } finally {
      await counting.stop();
    }
  });
});
