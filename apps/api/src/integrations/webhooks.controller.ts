import { createHash } from 'node:crypto';
import { Controller, Headers, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AcceptsSignedDelivery } from '../request-policy/body-contract.decorators';
import type { RawBodyRequest } from '@nestjs/common';
import { type ShopProvider, type TextProblem, toSafeText } from '@rapport/domain';
import type { FastifyRequest } from 'fastify';
import { SignedWebhook } from '../access/access.decorators';
import { RATE_LIMITS } from '../rate-limit/rate-limits';
import { AppError, NotFoundError } from '../errors/app-error';
import { validationErrorsOf } from '../errors/validation';
import { UpsertOrderDto } from '../orders/dto/order.dto';
import { type DeliveryOutcome, IntegrationsService } from './integrations.service';
import { isTestDeliveryId } from './test-delivery';
import { TenantDatabase } from '../tenancy/tenant-database';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { isShopifySignatureValid, shopifyAction } from './providers/shopify';
import { stripeAction, stripeSignatureProblem } from './providers/stripe';
import { isWooCommerceSignatureValid, wooCommerceAction } from './providers/woocommerce';
import { type WebhookAction, WebhookPayloadError } from './webhook-action';

class WebhookSignatureError extends AppError {
  readonly status = 401;
  readonly code = 'invalid_signature';
}

type WebhookRequest = RawBodyRequest<FastifyRequest>;

/**
 * Signed deliveries from shops, one URL per business and provider. Nothing is stored before the signature
 * over the raw body checks out; each delivery id is applied once. A verified delivery that cannot be used
 * (bad text, a date out of range, an order the API would refuse) is kept as refused with its reason and
 * answered 200: the shop would otherwise retry it for days and then drop the subscription.
 */
@ApiTags('webhooks')
@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly integrations: IntegrationsService,
    private readonly database: TenantDatabase,
    private readonly deliveries: WebhookDeliveriesRepository,
  ) {}

  @SignedWebhook(RATE_LIMITS.shopWebhookPerIp)
  @Post('shopify/:tenantId')
  @AcceptsSignedDelivery('object', 'A Shopify order webhook, signed with X-Shopify-Hmac-Sha256')
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
    const delivery = { id: deliveryId ?? bodyDigestId(rawBodyOf(request)), topic: topic ?? '' };
    return this.apply(tenantId, 'shopify', delivery, request, () =>
      shopifyAction(delivery.topic, request.body),
    );
  }

  @SignedWebhook(RATE_LIMITS.shopWebhookPerIp)
  @Post('woocommerce/:tenantId')
  @AcceptsSignedDelivery(
    'object',
    'A WooCommerce order webhook, signed with X-WC-Webhook-Signature (or its unsigned form-posted ping)',
    'application/x-www-form-urlencoded',
  )
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
    const delivery = { id: deliveryId ?? bodyDigestId(rawBodyOf(request)), topic: topic ?? '' };
    return this.apply(tenantId, 'woocommerce', delivery, request, () =>
      wooCommerceAction(delivery.topic, request.body),
    );
  }

  @SignedWebhook(RATE_LIMITS.shopWebhookPerIp)
  @Post('stripe/:tenantId')
  @AcceptsSignedDelivery('object', 'A Stripe event, signed with Stripe-Signature')
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
    const event = request.body as { id?: unknown; type?: unknown } | undefined;
    const delivery = {
      id: textOf(event?.id) ?? bodyDigestId(rawBodyOf(request)),
      topic: textOf(event?.type) ?? '',
    };
    return this.apply(tenantId, 'stripe', delivery, request, () => stripeAction(request.body));
  }

  private async secret(tenantId: string, provider: ShopProvider): Promise<string> {
    const secret = await this.integrations.secretFor(tenantId, provider);
    if (!secret) throw new NotFoundError('Webhook');
    return secret;
  }

  private async apply(
    tenantId: string,
    provider: ShopProvider,
    given: { id: string; topic: string },
    request: WebhookRequest,
    read: () => WebhookAction,
  ): Promise<DeliveryOutcome> {
    // Kept as received where possible, but never text the database refuses, nor more than a column holds.
    const delivery = { id: toSafeText(given.id).slice(0, 200), topic: toSafeText(given.topic).slice(0, 100) };
    if (isTestDeliveryId(delivery.id))
      return this.receiveTest(tenantId, provider, delivery.id, request, read);
    const refuse = async (reason: string): Promise<DeliveryOutcome> => {
      const message = toSafeText(reason).slice(0, 1000);
      await this.integrations.recordFailure(tenantId, provider, delivery, message);
      return { outcome: 'refused', message };
    };
    if (request.bodyProblems) return refuse(describeProblems(request.bodyProblems));
    if (!delivery.id) return refuse('The delivery has no id');
    let action: WebhookAction;
    try {
      action = read();
    } catch (error) {
      // Reading a verified payload is pure: whatever it throws (a null line item, an object where text
      // belongs) means this delivery cannot be used, never that the server failed.
      return refuse(
        error instanceof WebhookPayloadError
          ? error.message
          : `The payload is not in the provider's format (${error instanceof Error ? error.message : 'unreadable'})`,
      );
    }
    if (action.kind === 'upsert-order') {
      const problems = validationErrorsOf(UpsertOrderDto, action.order);
      if (problems.length > 0) return refuse(describeProblems(problems));
    }
    try {
      return await this.integrations.apply(tenantId, provider, delivery, action);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      return refuse(error.message);
    }
  }

  /**
   * A test delivery Rapport sent itself ("Send a test delivery"): verified (above) and read exactly like a
   * shop's, then recorded on its test row. It never reaches the orders: no buyer, order or follow-up.
   */
  private async receiveTest(
    tenantId: string,
    provider: ShopProvider,
    deliveryId: string,
    request: WebhookRequest,
    read: () => WebhookAction,
  ): Promise<DeliveryOutcome> {
    const result = testResultOf(request, read);
    const isKnown = await this.database.transaction(tenantId, (manager) =>
      this.deliveries.recordTestResult(
        manager,
        provider,
        deliveryId,
        result.outcome === 'refused' ? 'failed' : result.outcome === 'ignored' ? 'ignored' : 'processed',
        toSafeText(result.message),
      ),
    );
    return isKnown
      ? result
      : { outcome: 'refused', message: 'Not a test delivery Rapport sent; nothing was stored' };
  }
}

function describeProblems(problems: readonly TextProblem[]): string {
  return problems.map((problem) => `${problem.field} ${problem.reason}`).join('; ');
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function rawBodyOf(request: WebhookRequest): Buffer {
  return request.rawBody ?? Buffer.alloc(0);
}

/**
 * The id of a delivery that names none: a digest of its body, so a provider's retry of the same delivery
 * is still recognised. Never the signature header: that would show a credential-like value in the console.
 */
function bodyDigestId(body: Buffer): string {
  return `body-sha256:${createHash('sha256').update(body).digest('hex').slice(0, 32)}`;
}

function isWooCommercePing(body: unknown): boolean {
  return typeof body === 'object' && body !== null && 'webhook_id' in body;
}

/** What a verified test delivery would have done, in words, without doing it. */
function testResultOf(request: WebhookRequest, read: () => WebhookAction): DeliveryOutcome {
  if (request.bodyProblems) return { outcome: 'refused', message: describeProblems(request.bodyProblems) };
  let action: WebhookAction;
  try {
    action = read();
  } catch (error) {
    return {
      outcome: 'refused',
      message: error instanceof Error ? error.message : "The payload is not in the provider's format",
    };
  }
  if (action.kind === 'ignore') return { outcome: 'ignored', message: `Test delivery: ${action.reason}` };
  if (action.kind === 'order-status') {
    return {
      outcome: 'processed',
      message: `Test delivery received and verified: order ${action.externalId} would become ${action.status}; nothing was stored`,
    };
  }
  const problems = validationErrorsOf(UpsertOrderDto, action.order);
  if (problems.length > 0) return { outcome: 'refused', message: describeProblems(problems) };
  return {
    outcome: 'processed',
    message: `Test delivery received and verified: order ${action.order.externalId} for ${action.order.customer.email} would be created; nothing was stored`,
  };
}
