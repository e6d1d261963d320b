import { Logger } from '@nestjs/common';
import { SendGridMock } from '@rapport/sendgrid-mock';
import { loadConfig } from '../config/app-config';
import { PermanentMailError, TransientMailError } from './mail.errors';
import type { OutgoingMail } from './mail-transport';
import { retryDelay, SendGridTransport } from './sendgrid.transport';

describe('SendGridTransport against the SendGrid-compatible mock', () => {
  const mock = new SendGridMock();
  let transport: SendGridTransport;
  const waits: number[] = [];

  beforeAll(async () => {
    // The retries log warnings by design; they would only clutter the test output here.
    Logger.overrideLogger(false);
    const baseUrl = await mock.start();
    const config = loadConfig({
      SENDGRID_API_KEY: 'SG.key',
      SENDGRID_BASE_URL: baseUrl,
      SENDGRID_TIMEOUT_MS: '500',
    });
    transport = new SendGridTransport(config, async (ms) => {
      waits.push(ms);
    });
  });
  afterAll(() => mock.stop());
  beforeEach(() => {
    mock.clear();
    waits.length = 0;
  });

  const mail: OutgoingMail = {
    to: 'ana@example.com',
    from: 'Northwind Bakery <hello@bakery.example>',
    replyTo: 'reply+m1@in.rapport.example',
    subject: 'Thank you',
    html: '<p>Thank you</p>',
    text: 'Thank you',
    headers: {
      'List-Unsubscribe': '<https://rapport.example/u/abc>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
    category: 'follow-up',
    customArgs: { message_id: 'm-1', tenant_id: 't-1' },
  };

  it('sends with headers, reply-to, opaque custom args and the category', async () => {
    const sent = await transport.send(mail);
    expect(sent.providerMessageId).toBe(mock.received[0]?.messageId);
    expect(mock.received[0]?.body).toMatchObject({
      personalizations: [{ to: [{ email: 'ana@example.com' }] }],
      from: { email: 'hello@bakery.example', name: 'Northwind Bakery' },
      subject: 'Thank you',
      content: [
        { type: 'text/plain', value: 'Thank you' },
        { type: 'text/html', value: '<p>Thank you</p>' },
      ],
      reply_to: { email: 'reply+m1@in.rapport.example' },
      headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      custom_args: { message_id: 'm-1', tenant_id: 't-1' },
      categories: ['follow-up'],
    });
  });

  it('retries a 429, a 500 and a timeout, then sends once', async () => {
    mock.failNext(
      { kind: 'rate-limit', resetSeconds: 1 },
      { kind: 'server-error' },
      { kind: 'slow', delayMs: 800 },
    );
    const sent = await transport.send(mail);
    expect(waits).toHaveLength(3);
    expect(mock.requestCount).toBe(4);
    // The timed-out request may or may not have been accepted by the provider: that is the in-doubt case
    // the scheduler reconciles from the provider's events by message id.
    expect(mock.received.map((received) => received.messageId)).toContain(sent.providerMessageId);
  });

  it('gives up on a permanent 400 at once, with SendGrid’s reason', async () => {
    mock.failNext({ kind: 'bad-request', message: 'Does not contain a valid address.' });
    await expect(transport.send(mail)).rejects.toEqual(
      new PermanentMailError('SendGrid refused the message (400): Does not contain a valid address.'),
    );
    expect(waits).toEqual([]);
  });

  it('reports a transient failure after the last attempt', async () => {
    mock.failNext(
      { kind: 'server-error' },
      { kind: 'server-error' },
      { kind: 'server-error' },
      { kind: 'reset-connection' },
    );
    await expect(transport.send(mail)).rejects.toBeInstanceOf(TransientMailError);
    expect(waits).toHaveLength(3);
  });
});

describe('retryDelay', () => {
  it('backs off exponentially with jitter', () => {
    expect(retryDelay(1, 500, undefined, () => 0)).toBe(250);
    expect(retryDelay(1, 500, undefined, () => 1)).toBe(500);
    expect(retryDelay(3, undefined, undefined, () => 1)).toBe(2000);
    expect(retryDelay(10, 500, undefined, () => 1)).toBe(20_000);
  });

  it("waits for a 429's reset time when it is later", () => {
    const reset = String(Math.floor(Date.now() / 1000) + 5);
    expect(retryDelay(1, 429, reset, () => 0)).toBeGreaterThan(3_000);
  });
});
