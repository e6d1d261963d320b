import { createSign, generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the mock accepted, as SendGrid would have received it. */
export interface ReceivedMail {
  messageId: string;
  receivedAt: Date;
  authorization: string | undefined;
  body: MailSendBody;
}

/** The parts of SendGrid's v3 mail/send body the mock checks and records. */
export interface MailSendBody {
  personalizations: {
    to: { email: string; name?: string }[];
    custom_args?: Record<string, string>;
    headers?: Record<string, string>;
  }[];
  from: { email: string; name?: string };
  reply_to?: { email: string; name?: string };
  subject: string;
  content: { type: string; value: string }[];
  headers?: Record<string, string>;
  custom_args?: Record<string, string>;
  categories?: string[];
}

/** How the mock answers the next request; each behaviour is used once, in order. */
export type MockBehaviour =
  | { kind: 'rate-limit'; resetSeconds: number }
  | { kind: 'server-error'; status?: number }
  | { kind: 'bad-request'; message: string }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'reset-connection' };

/** An Event Webhook event (delivered, bounce, ...), as SendGrid posts them. */
export interface MockEvent {
  event: string;
  email: string;
  timestamp?: number;
  sg_event_id?: string;
  sg_message_id?: string;
  [field: string]: unknown;
}

const CONTROL = '/__mock';

/**
 * A SendGrid-compatible server for tests and benchmarks: accepts `POST /v3/mail/send` with 202 and an
 * `X-Message-Id`, can be told to fail (429 with a reset time, 5xx, slow answers, dropped connections),
 * records what it accepted, and posts Event Webhook events signed like SendGrid's (ECDSA P-256).
 * A small control API under /__mock lets another process script it.
 */
export class SendGridMock {
  readonly received: ReceivedMail[] = [];
  /** Mails accepted, also when their bodies are not kept. */
  private accepted = 0;
  /** The `custom_args.message_id`s seen, and how many mails repeated one (a follow-up sent twice). */
  private readonly messageIds = new Set<string>();
  private duplicates = 0;
  private readonly behaviours: MockBehaviour[] = [];
  private readonly keys = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  private server: Server | null = null;
  private requests = 0;
  /** What the sender-verification endpoints answer: verified single senders and authenticated domains. */
  private senders: { verifiedSenders: string[]; authenticatedDomains: string[] } = {
    verifiedSenders: [],
    authenticatedDomains: [],
  };

  /** The verification key to configure in the app (base64 DER, as SendGrid's console shows it). */
  /**
   * @param options.keepBodies false keeps only the count of accepted mails: a benchmark sending 100,000
   * rendered emails would otherwise hold them all in memory.
   */
  constructor(private readonly options: { keepBodies?: boolean } = {}) {}

  get publicKey(): string {
    return this.keys.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  }

  /** Requests received, accepted or not. */
  get requestCount(): number {
    return this.requests;
  }

  async start(port = 0): Promise<string> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
    return this.baseUrl;
  }

  get baseUrl(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('The mock is not started');
    return `http://127.0.0.1:${address.port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Sets the verified senders and authenticated domains the account has, as SendGrid's sender APIs list them. */
  setSenders(senders: { verifiedSenders: string[]; authenticatedDomains: string[] }): void {
    this.senders = senders;
  }

  /** Queues behaviours for the next requests (then back to accepting). */
  failNext(...behaviours: MockBehaviour[]): void {
    this.behaviours.push(...behaviours);
  }

  /** Mails accepted since the start or the last `clear()`. */
  get acceptedCount(): number {
    return this.accepted;
  }

  clear(): void {
    this.received.length = 0;
    this.accepted = 0;
    this.messageIds.clear();
    this.duplicates = 0;
    this.behaviours.length = 0;
    this.requests = 0;
  }

  /** Posts events to a webhook URL, signed over `timestamp + body` as SendGrid signs them. */
  async postEvents(
    url: string,
    events: MockEvent[],
    options: { timestamp?: number; tamper?: boolean; rawBody?: string } = {},
  ): Promise<Response> {
    const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
    // `rawBody` is signed and sent as it is: for batches SendGrid's own format would never produce.
    const body =
      options.rawBody ??
      JSON.stringify(
        events.map((event) => ({
          timestamp: Number(timestamp),
          sg_event_id: randomBytes(16).toString('base64url'),
          ...event,
        })),
      );
    const signature = createSign('sha256')
      .update(timestamp + body)
      .sign(this.keys.privateKey)
      .toString('base64');
    return fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-twilio-email-event-webhook-signature': signature,
        'x-twilio-email-event-webhook-timestamp': timestamp,
      },
      body: options.tamper ? body.replace('"', ' "') : body,
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = request.url ?? '';
    if (url.startsWith(CONTROL)) return this.control(request, response, await readBody(request));
    this.requests += 1;
    if (
      request.method === 'GET' &&
      (url.startsWith('/v3/verified_senders') || url.startsWith('/v3/whitelabel/domains'))
    )
      return this.sendersAnswer(request, response, url);
    if (request.method !== 'POST' || url !== '/v3/mail/send')
      return send(response, 404, { errors: [{ message: 'Not found' }] });
    const behaviour = this.behaviours.shift();
    if (behaviour?.kind === 'reset-connection') {
      request.socket.destroy();
      return;
    }
    if (behaviour?.kind === 'slow') await new Promise((wait) => setTimeout(wait, behaviour.delayMs));
    const raw = await readBody(request);
    if (!request.headers.authorization?.startsWith('Bearer ')) {
      return send(response, 401, {
        errors: [{ message: 'The provided authorization grant is invalid, expired, or revoked' }],
      });
    }
    if (behaviour?.kind === 'rate-limit') {
      const reset = Math.floor(Date.now() / 1000) + behaviour.resetSeconds;
      return send(
        response,
        429,
        { errors: [{ message: 'Too many requests' }] },
        { 'x-ratelimit-reset': String(reset) },
      );
    }
    if (behaviour?.kind === 'server-error')
      return send(response, behaviour.status ?? 500, { errors: [{ message: 'Internal error' }] });
    if (behaviour?.kind === 'bad-request')
      return send(response, 400, { errors: [{ message: behaviour.message, field: null }] });
    let body: MailSendBody;
    try {
      body = JSON.parse(raw) as MailSendBody;
    } catch {
      return send(response, 400, { errors: [{ message: 'Invalid JSON', field: null }] });
    }
    const problem = problemOf(body);
    if (problem) return send(response, 400, { errors: [problem] });
    const messageId = randomBytes(16).toString('base64url');
    this.accepted += 1;
    const carried = body.custom_args?.['message_id'] ?? body.personalizations[0]?.custom_args?.['message_id'];
    if (carried) {
      if (this.messageIds.has(carried)) this.duplicates += 1;
      else this.messageIds.add(carried);
    }
    if (this.options.keepBodies !== false)
      this.received.push({
        messageId,
        receivedAt: new Date(),
        authorization: request.headers.authorization,
        body,
      });
    send(response, 202, '', { 'x-message-id': messageId });
  }

  /** `GET /v3/verified_senders` and `GET /v3/whitelabel/domains`, in SendGrid's shapes. */
  private sendersAnswer(request: IncomingMessage, response: ServerResponse, url: string): void {
    if (!request.headers.authorization?.startsWith('Bearer '))
      return send(response, 401, { errors: [{ message: 'authorization required' }] });
    if (url.startsWith('/v3/verified_senders')) {
      return send(response, 200, {
        results: this.senders.verifiedSenders.map((email, index) => ({
          id: index + 1,
          from_email: email,
          verified: true,
        })),
      });
    }
    send(
      response,
      200,
      this.senders.authenticatedDomains.map((domain, index) => ({ id: index + 1, domain, valid: true })),
    );
  }

  private control(request: IncomingMessage, response: ServerResponse, raw: string): void {
    const url = request.url ?? '';
    if (request.method === 'GET' && url === `${CONTROL}/messages`) return send(response, 200, this.received);
    if (request.method === 'GET' && url === `${CONTROL}/count`)
      return send(response, 200, {
        accepted: this.accepted,
        requests: this.requests,
        duplicates: this.duplicates,
      });
    if (request.method === 'DELETE' && url === `${CONTROL}/messages`) {
      this.clear();
      return send(response, 204, '');
    }
    if (request.method === 'POST' && url === `${CONTROL}/behaviours`) {
      this.failNext(...(JSON.parse(raw || '[]') as MockBehaviour[]));
      return send(response, 204, '');
    }
    if (request.method === 'POST' && url === `${CONTROL}/senders`) {
      this.setSenders(
        JSON.parse(raw || '{}') as { verifiedSenders: string[]; authenticatedDomains: string[] },
      );
      return send(response, 204, '');
    }
    if (request.method === 'GET' && url === `${CONTROL}/public-key`)
      return send(response, 200, { publicKey: this.publicKey });
    send(response, 404, { errors: [{ message: 'Unknown control route' }] });
  }
}

function problemOf(body: MailSendBody): { message: string; field: string } | null {
  if (!Array.isArray(body.personalizations) || body.personalizations.length === 0) {
    return {
      message: 'The personalizations field is required and must have at least one personalization.',
      field: 'personalizations',
    };
  }
  if (
    body.personalizations.some(
      (item) => !Array.isArray(item.to) || item.to.length === 0 || item.to.some((to) => !to.email),
    )
  ) {
    return {
      message: 'The to array is required for all personalization objects.',
      field: 'personalizations.0.to',
    };
  }
  if (!body.from?.email)
    return { message: 'The from object must be provided for every email send.', field: 'from' };
  if (!body.subject) return { message: 'The subject is required.', field: 'subject' };
  if (!Array.isArray(body.content) || body.content.length === 0)
    return {
      message: 'Unless a valid template_id is provided, the content parameter is required.',
      field: 'content',
    };
  return null;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(text);
}
