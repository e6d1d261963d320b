import { Controller, Headers, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { RawBodyRequest } from '@nestjs/common';
import type { ShopProvider } from '@rapport/domain';
import type { FastifyRequest } from 'fastify';
import { SignedWebhook } from '../auth/access.decorators';
import { RATE_LIMITS } from '../rate-limit/rate-limits';
import { AppError, NotFoundError } from '../errors/app-error';
import { type DeliveryOutcome, IntegrationsService } from './integrations.service';
import { isShopifySignatureValid, shopifyAction } from './providers/shopify';
import { stripeAction, stripeSignatureProblem } from './providers/stripe';
import { isWooCommerceSignatureValid, wooCommerceAction } from './providers/woocommerce';
import { type WebhookAction, WebhookPayloadError } from './webhook-action';

class WebhookSignatureError extends AppError {
  readonly status = 401;
  readonly code = 'invalid_signature';
}

class WebhookPayloadInvalidError extends AppError {
  readonly status = 422;
  readonly code = 'invalid_payload';
}

type WebhookRequest = RawBodyRequest<FastifyRequest>;

/**
 * Signed deliveries from shops, one URL per business and provider. Nothing is stored before the signature
 * over the raw body checks out; each delivery id is applied once.
 */
@ApiExcludeController()
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly integrations: IntegrationsService) {}

  @SignedWebhook(RATE_LIMITS.shopWebhookPerIp)
  @Post('shopify/:tenantId')
  @HttpCode(200)
  async shopify(
    @Param('tenantId', new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('Webhook') }))
    tenantId: string,
    @Req() request: WebhookRequest,
    @Headers('x-shopify-hmac-sha256') signature: string | undefined,
    @Headers('x-shopify-topic') topic: string | undefined,
    @Headers('x-shopify-webhook-id') deliveryId: string | undefined,
  ): Promise<DeliveryOutcome> {
    const secret = await this.secret(tenantId, 'shopify');
    if (!isShopifySignatureValid(rawBodyOf(request), secret, signature)) {
      throw new WebhookSignatureError('The X-Shopify-Hmac-Sha256 signature does not match');
    }
    const delivery = { id: deliveryId ?? signature ?? '', topic: topic ?? '' };
    return this.apply(tenantId, 'shopify', delivery, () => shopifyAction(delivery.topic, request.body));
  }

  @SignedWebhook(RATE_LIMITS.shopWebhookPerIp)
  @Post('woocommerce/:tenantId')
  @HttpCode(200)
  async wooCommerce(
    @Param('tenantId', new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('Webhook') }))
    tenantId: string,
    @Req() request: WebhookRequest,
    @Headers('x-wc-webhook-signature') signature: string | undefined,
    @Headers('x-wc-webhook-topic') topic: string | undefined,
    @Headers('x-wc-webhook-delivery-id') deliveryId: string | undefined,
  ): Promise<DeliveryOutcome> {
    const secret = await this.secret(tenantId, 'woocommerce');
    // WooCommerce checks a new webhook with an unsigned form post (`webhook_id=...`): answer it, store nothing.
    if (!signature && !topic && isWooCommercePing(request.body))
      return { outcome: 'ignored', message: 'Ping' };
    if (!isWooCommerceSignatureValid(rawBodyOf(request), secret, signature)) {
      throw new WebhookSignatureError('The X-WC-Webhook-Signature signature does not match');
    }
    const delivery = { id: deliveryId ?? signature ?? '', topic: topic ?? '' };
    return this.apply(tenantId, 'woocommerce', delivery, () =>
      wooCommerceAction(delivery.topic, request.body),
    );
  }

  @SignedWebhook(RATE_LIMITS.shopWebhookPerIp)
  @Post('stripe/:tenantId')
  @HttpCode(200)
  async stripe(
    @Param('tenantId', new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('Webhook') }))
    tenantId: string,
    @Req() request: WebhookRequest,
    @Headers('stripe-signature') signature: string | undefined,
  ): Promise<DeliveryOutcome> {
    const secret = await this.secret(tenantId, 'stripe');
    const problem = stripeSignatureProblem(rawBodyOf(request), secret, signature, new Date());
    if (problem) throw new WebhookSignatureError(`The Stripe-Signature is refused: ${problem}`);
    const event = request.body as { id?: unknown; type?: unknown };
    const delivery = { id: String(event?.id ?? ''), topic: String(event?.type ?? '') };
    return this.apply(tenantId, 'stripe', delivery, () => stripeAction(request.body));
  }

  private async secret(tenantId: string, provider: ShopProvider): Promise<string> {
    const secret = await this.integrations.secretFor(tenantId, provider);
    if (!secret) throw new NotFoundError('Webhook');
    return secret;
  }

  private async apply(
    tenantId: string,
    provider: ShopProvider,
    delivery: { id: string; topic: string },
    read: () => WebhookAction,
  ): Promise<DeliveryOutcome> {
    if (!delivery.id) throw new WebhookPayloadInvalidError('The delivery has no id');
    let action: WebhookAction;
    try {
      action = read();
    } catch (error) {
      if (!(error instanceof WebhookPayloadError)) throw error;
      await this.integrations.recordFailure(tenantId, provider, delivery, error.message);
      throw new WebhookPayloadInvalidError(error.message);
    }
    try {
      return await this.integrations.apply(tenantId, provider, delivery, action);
    } catch (error) {
      // A verified delivery whose content we refuse (e.g. a bad amount): keep the reason, answer 422.
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      await this.integrations.recordFailure(tenantId, provider, delivery, error.message);
      throw new WebhookPayloadInvalidError(error.message, error.details);
    }
  }
}

function rawBodyOf(request: WebhookRequest): Buffer {
  return request.rawBody ?? Buffer.alloc(0);
}

function isWooCommercePing(body: unknown): boolean {
  return typeof body === 'object' && body !== null && 'webhook_id' in body;
}
