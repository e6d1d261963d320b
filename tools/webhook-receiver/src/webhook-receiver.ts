import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  acceptedAnswer,
  type ChannelAnswer,
  type ChannelFailure,
  failureAnswer,
  payloadProblem,
  type ReceiverFlavour,
} from './channel-answers';

export interface ReceivedDelivery {
  at: Date;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** What it was answered. */
  status?: number;
}

/**
 * A receiver on this machine for Rapport's outgoing deliveries, playing a system's endpoint (`json`), a
 * Slack incoming webhook or a Teams workflow: records each request and answers as that service would,
 * refusing a body the service would refuse. It can be told to fail (as the service fails: `failWith`, or
 * any status: `status`/`statusOf`), to answer slowly (`delayMs`), or to be down (`stop`: connections refused).
 */
export class WebhookReceiver {
  readonly received: ReceivedDelivery[] = [];
  /** The status to answer (a plain `ok`/`failed` body); null answers as the service does. */
  status: number | null = null;
  /** How long to wait before answering. */
  delayMs = 0;
  /** The status for the n-th request (from 1), when set. */
  statusOf: ((n: number) => number) | null = null;
  /** A failure of the service's own, answered in its words, when set. */
  failWith: ChannelFailure | null = null;
  private server: Server | null = null;
  private port = 0;

  constructor(readonly flavour: ReceiverFlavour = 'json') {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/${this.flavour === 'json' ? 'hooks' : this.flavour}`;
  }

  async start(port = 0): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const answer = this.answerTo(this.received.length + 1, body);
        this.received.push({
          at: new Date(),
          path: request.url ?? '',
          headers: request.headers,
          body,
          status: answer.status,
        });
        setTimeout(() => {
          response.writeHead(answer.status, answer.headers);
          response.end(answer.body);
        }, this.delayMs);
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  private answerTo(n: number, body: string): ChannelAnswer {
    const status = this.statusOf ? this.statusOf(n) : this.status;
    if (status !== null)
      return { status, headers: { 'content-type': 'text/plain' }, body: status < 300 ? 'ok' : 'failed' };
    if (this.failWith) return failureAnswer(this.flavour, this.failWith);
    return payloadProblem(this.flavour, body) ?? acceptedAnswer(this.flavour);
  }

  /** Down: new connections are refused until `start` again (on the same port). */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async restart(): Promise<void> {
    await this.start(this.port);
  }

  /** Waits until `count` deliveries arrived (or fails after `timeoutMs`). */
  async waitFor(count: number, timeoutMs = 20_000): Promise<ReceivedDelivery[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (Date.now() > deadline)
        throw new Error(`${this.received.length} of ${count} deliveries arrived in ${timeoutMs} ms`);
      await new Promise((wait) => setTimeout(wait, 100));
    }
    return this.received;
  }
}
