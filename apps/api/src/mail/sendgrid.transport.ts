import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client } from '@sendgrid/client';
import type { ClientRequest } from '@sendgrid/client/src/request';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { MailTransport, type OutgoingMail, type SentMail } from './mail-transport';
import { PermanentMailError, TransientMailError } from './mail.errors';
import { sendGridMailBody } from './sendgrid-body';

const MAX_ATTEMPTS = 4;
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 20_000;

interface SendGridError {
  code?: number | string;
  response?: {
    headers?: Record<string, string>;
    body?: { errors?: { message?: string; field?: string | null }[] };
  };
  message?: string;
}

/**
 * Delivers through SendGrid's v3 mail/send. Network errors, 429 (waiting until its reset time) and 5xx are
 * retried with exponential backoff and jitter; any other 4xx is permanent and reported with SendGrid's
 * reason. `custom_args` carry opaque ids only, never personal data.
 */
@Injectable()
export class SendGridTransport extends MailTransport {
  private readonly logger = new Logger(SendGridTransport.name);
  private readonly client = new Client();

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((wait) => setTimeout(wait, ms)),
  ) {
    super();
    const { client } = this;
    client.setApiKey(config.mail.sendGridApiKey ?? '');
    // setApiKey resets the base URL to SendGrid's; a configured one (the mock) must be set after it.
    client.setDefaultRequest('baseUrl', config.mail.sendGridBaseUrl);
    // The client passes its default request to axios as is; its typings do not list these. SendGrid's API
    // does not redirect, and without redirects axios posts through Node's http directly instead of
    // wrapping every request in follow-redirects.
    client.setDefaultRequest({
      timeout: config.mail.sendGridTimeoutMs,
      maxRedirects: 0,
    } as unknown as ClientRequest);
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    for (let attempt = 1; ; attempt++) {
      try {
        const [response] = await this.client.request({
          method: 'POST',
          url: '/v3/mail/send',
          body: sendGridMailBody(mail),
        });
        const id = response.headers['x-message-id'];
        return { providerMessageId: typeof id === 'string' ? id : String(id ?? '') };
      } catch (caught) {
        const error = caught as SendGridError;
        const status = typeof error.code === 'number' ? error.code : undefined;
        const reason =
          error.response?.body?.errors?.map((item) => item.message).join('; ') ||
          error.message ||
          'unknown error';
        const isTransient = status === undefined || status === 429 || status >= 500;
        if (!isTransient) throw new PermanentMailError(`SendGrid refused the message (${status}): ${reason}`);
        if (attempt >= MAX_ATTEMPTS)
          throw new TransientMailError(
            `SendGrid did not accept the message after ${attempt} attempts: ${reason}`,
          );
        const wait = retryDelay(attempt, status, error.response?.headers?.['x-ratelimit-reset']);
        this.logger.warn({ attempt, status, wait }, 'SendGrid send failed; retrying');
        await this.sleep(wait);
      }
    }
  }
}

/** Exponential backoff with full jitter; a 429's reset time wins when it is later. */
export function retryDelay(
  attempt: number,
  status: number | undefined,
  resetHeader: string | undefined,
  random = Math.random,
): number {
  const backoff = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
  const jittered = Math.floor(backoff / 2 + random() * (backoff / 2));
  if (status === 429 && resetHeader) {
    const untilReset = Number(resetHeader) * 1000 - Date.now();
    if (Number.isFinite(untilReset) && untilReset > jittered) return Math.min(untilReset + 100, 60_000);
  }
  return jittered;
}
