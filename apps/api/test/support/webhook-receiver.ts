import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedDelivery {
  at: Date;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** What it was answered. */
  status?: number;
}

/**
 * A receiver on this machine for the app's outgoing deliveries: records each request, and can be told to
 * answer with an error status for a while, to answer slowly, or to be down (connections refused).
 */
export class WebhookReceiver {
  readonly received: ReceivedDelivery[] = [];
  /** The status to answer; 200 unless told otherwise. */
  status = 200;
  /** How long to wait before answering. */
  delayMs = 0;
  /** The status for the n-th request (from 1), when set; else `status`. */
  statusOf: ((n: number) => number) | null = null;
  private server: Server | null = null;
  private port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks`;
  }

  async start(port = 0): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.received.push({
          at: new Date(),
          path: request.url ?? '',
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        const status = this.statusOf ? this.statusOf(this.received.length) : this.status;
        this.received[this.received.length - 1] = {
          ...this.received[this.received.length - 1],
          status,
        } as ReceivedDelivery;
        setTimeout(() => {
          response.writeHead(status, { 'content-type': 'text/plain' });
          response.end(status < 300 ? 'ok' : 'failed');
        }, this.delayMs);
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
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
