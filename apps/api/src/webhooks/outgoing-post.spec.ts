import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { postTo } from './outgoing-post';

describe('posting to an endpoint', () => {
  let server: Server;
  let port = 0;
  let hits = 0;

  beforeAll(async () => {
    server = createServer((request, response) => {
      hits += 1;
      request.resume();
      request.on('end', () => {
        if (request.url === '/slow') return;
        response.writeHead(request.url === '/fail' ? 500 : 200);
        response.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const options = (allowPrivateTargets: boolean) => ({ timeoutMs: 500, allowPrivateTargets });

  it.each([
    [`http://127.0.0.1:PORT/ok`, { status: 200, error: null }],
    [`http://127.0.0.1:PORT/fail`, { status: 500, error: 'answered 500' }],
    [`http://127.0.0.1:PORT/slow`, { status: null, error: 'no answer within 0.5 s' }],
    [`http://127.0.0.1:1/closed`, { status: null, error: 'the connection was refused' }],
  ])('says what became of a post to %s', async (url, outcome) => {
    expect(await postTo(url.replace('PORT', String(port)), '{}', {}, options(true))).toMatchObject(outcome);
  });

  it('reaches no private address when they are not allowed, whether named or written as a number', async () => {
    const before = hits;
    for (const url of [`http://127.0.0.1:${port}/ok`, `http://localhost:${port}/ok`])
      expect(await postTo(url, '{}', {}, options(false))).toEqual({
        status: null,
        error: 'the address is on this machine or a private network',
        answer: '',
      });
    expect(hits).toBe(before);
  });
});
