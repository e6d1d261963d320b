import { timingSafeEqual } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Controller, Headers, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ReplyOutcome } from '@rapport/domain';
import { AcceptsFile } from '../request-policy/body-contract.decorators';
import type { FastifyRequest } from 'fastify';
import { SignedWebhook } from '../access/access.decorators';
import { RATE_LIMITS } from '../rate-limit/rate-limits';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { AppError, NotFoundError, ValidationFailedError } from '../errors/app-error';
import { InboundMalformedError, InboundTooLargeError, readInboundEmail } from './inbound-form';
import { RepliesService } from './replies.service';

class InboundTooLarge extends AppError {
  readonly status = 413;
  readonly code = 'payload_too_large';
}

/**
 * SendGrid Inbound Parse: replies to Rapport's emails arrive here as multipart posts, behind a secret path.
 * It answers 2xx once the reply is stored (SendGrid then forgets it), 5xx when storing failed for a reason
 * that may pass (SendGrid retries), and 4xx only for what is not a reply to us at all (a wrong path, a body
 * that is not multipart, more than SendGrid would ever send): a 4xx makes SendGrid drop the email.
 */
@ApiTags('webhooks')
@Controller('inbound')
export class InboundParseController {
  constructor(
    private readonly replies: RepliesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @SignedWebhook(RATE_LIMITS.inboundParsePerIp)
  @Post(':secret')
  @AcceptsFile('multipart/form-data')
  @HttpCode(200)
  async receive(
    @Param('secret') secret: string,
    @Headers('content-type') contentType: string | undefined,
    @Req() request: FastifyRequest,
  ): Promise<{ stored: ReplyOutcome }> {
    const expected = this.config.mail.inboundParseSecret;
    if (!expected || !sameSecret(secret, expected)) throw new NotFoundError('Webhook');
    if (!contentType?.toLowerCase().startsWith('multipart/form-data')) {
      throw new ValidationFailedError([
        { field: 'body', reason: 'must be multipart/form-data (Inbound Parse)' },
      ]);
    }
    try {
      const email = await readInboundEmail(request.body as Readable, contentType);
      return { stored: await this.replies.store(email, new Date()) };
    } catch (error) {
      if (error instanceof InboundTooLargeError) throw new InboundTooLarge(error.message);
      if (error instanceof InboundMalformedError)
        throw new ValidationFailedError([
          { field: 'body', reason: `is not a readable multipart body: ${error.message}` },
        ]);
      throw error;
    }
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
