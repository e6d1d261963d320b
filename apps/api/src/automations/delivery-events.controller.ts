import { Controller, Headers, HttpCode, Inject, Post, Req } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AcceptsSignedDelivery } from '../request-policy/body-contract.decorators';
import { EventWebhook } from '@sendgrid/eventwebhook';
import type { FastifyRequest } from 'fastify';
import { SignedWebhook } from '../access/access.decorators';
import { RATE_LIMITS } from '../rate-limit/rate-limits';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { AppError, NotFoundError, ValidationFailedError } from '../errors/app-error';
import { DeliveryEventsService, type EventsOutcome, type SendGridEvent } from './delivery-events.service';

/** Events signed more than this long ago are refused: a captured delivery cannot be replayed later. */
const MAX_AGE_SECONDS = 600;

class EventSignatureError extends AppError {
  readonly status = 401;
  readonly code = 'invalid_signature';
}

/** SendGrid's Event Webhook: ECDSA signature over timestamp + raw body, checked before anything is stored. */
@ApiTags('webhooks')
@Controller('webhooks/sendgrid')
export class DeliveryEventsController {
  private readonly verifier = new EventWebhook();

  constructor(
    private readonly events: DeliveryEventsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @SignedWebhook(RATE_LIMITS.sendGridEventsPerIp)
  @Post('events')
  @AcceptsSignedDelivery('array', "SendGrid's Event Webhook: a batch of events, signed with ECDSA")
  @HttpCode(200)
  async receive(
    @Req() request: RawBodyRequest<FastifyRequest>,
    @Headers('x-twilio-email-event-webhook-signature') signature: string | undefined,
    @Headers('x-twilio-email-event-webhook-timestamp') timestamp: string | undefined,
  ): Promise<EventsOutcome> {
    const key = this.config.mail.sendGridWebhookPublicKey;
    if (!key) throw new NotFoundError('Webhook');
    const body = request.rawBody?.toString('utf8') ?? '';
    if (!signature || !timestamp) throw new EventSignatureError('The event signature headers are missing');
    if (
      Math.abs(Date.now() / 1000 - Number(timestamp)) > MAX_AGE_SECONDS ||
      !Number.isFinite(Number(timestamp))
    ) {
      throw new EventSignatureError('The event timestamp is too old');
    }
    let isValid = false;
    try {
      isValid = this.verifier.verifySignature(
        this.verifier.convertPublicKeyToECDSA(key),
        body,
        signature,
        timestamp,
      );
    } catch {
      isValid = false;
    }
    if (!isValid) throw new EventSignatureError('The event signature does not match');
    if (!Array.isArray(request.body))
      throw new ValidationFailedError([{ field: 'body', reason: 'must be a JSON array of events' }]);
    return this.events.apply(request.body as SendGridEvent[]);
  }
}
