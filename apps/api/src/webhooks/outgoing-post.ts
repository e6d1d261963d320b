import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';

/** At most this much of an answer is read: a receiver's answer is only looked at for its status. */
const MAX_ANSWER_BYTES = 64 * 1024;

export interface PostOutcome {
  /** The receiver's HTTP status; null when none came (refused, timed out, unreachable). */
  status: number | null;
  /** Why it did not count as delivered, in words for the delivery log; null when it did. */
  error: string | null;
  /** The start of the answer, for a receiver whose answer matters (Slack's `ok`). */
  answer: string;
}

export interface PostOptions {
  timeoutMs: number;
  allowPrivateTargets: boolean;
}

/**
 * POSTs a body to a business's endpoint: through an agent that refuses loopback, private and link-local
 * addresses after DNS (unless allowed for development), with one time limit for connecting and answering,
 * reading at most 64 KiB of the answer. Never throws: the outcome says what happened.
 */
export function postTo(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: PostOptions,
): Promise<PostOutcome> {
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      resolve({ status: null, error: 'the URL is not valid', answer: '' });
      return;
    }
    const isHttps = target.protocol === 'https:';
    const filter = { allowPrivateIPAddress: options.allowPrivateTargets, keepAlive: false };
    const agent = isHttps ? new RequestFilteringHttpsAgent(filter) : new RequestFilteringHttpAgent(filter);
    const send = isHttps ? httpsRequest : httpRequest;
    let isSettled = false;
    let timer: ReturnType<typeof setTimeout> | undefined = undefined;
    const settle = (outcome: PostOutcome) => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(timer);
      agent.destroy();
      resolve(outcome);
    };
    let outgoing: ReturnType<typeof send>;
    try {
      outgoing = send(
        target,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Rapport-Webhooks/1',
            'content-length': String(Buffer.byteLength(body)),
            ...headers,
          },
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          let size = 0;
          incoming.on('data', (chunk: Buffer) => {
            if (size >= MAX_ANSWER_BYTES) return;
            chunks.push(chunk);
            size += chunk.length;
            if (size >= MAX_ANSWER_BYTES) incoming.destroy();
          });
          const finish = () => {
            const status = incoming.statusCode ?? null;
            const answer = Buffer.concat(chunks).subarray(0, MAX_ANSWER_BYTES).toString('utf8').slice(0, 500);
            const isOk = status !== null && status >= 200 && status < 300;
            settle({ status, error: isOk ? null : `answered ${status}`, answer });
          };
          incoming.on('end', finish);
          incoming.on('close', finish);
          incoming.on('error', finish);
        },
      );
    } catch (error) {
      // The filtering agent refuses an address literal before any connection, by throwing.
      settle({ status: null, error: reasonOf(error as NodeJS.ErrnoException), answer: '' });
      return;
    }
    timer = setTimeout(() => {
      outgoing.destroy();
      settle({ status: null, error: `no answer within ${options.timeoutMs / 1000} s`, answer: '' });
    }, options.timeoutMs);
    outgoing.on('error', (error) => settle({ status: null, error: reasonOf(error), answer: '' }));
    outgoing.end(body);
  });
}

/** Why a request got no answer, in words for the delivery log. */
function reasonOf(error: NodeJS.ErrnoException): string {
  if (/DNS lookup|is not allowed/i.test(error.message))
    return 'the address is on this machine or a private network';
  if (error.code === 'ECONNREFUSED') return 'the connection was refused';
  if (error.code === 'ENOTFOUND') return 'the host name does not exist';
  return error.message.slice(0, 200);
}
