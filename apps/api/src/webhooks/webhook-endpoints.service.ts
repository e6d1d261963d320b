import { Inject, Injectable } from '@nestjs/common';
import {
  type CreatedWebhookEndpointResponse,
  type CreateWebhookEndpointRequest,
  type EndpointDeliveryResponse,
  type Page,
  unsafeTextReason,
  type UpdateWebhookEndpointRequest,
  type WebhookEndpointResponse,
} from '@rapport/domain';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { AppError, NotFoundError, ValidationFailedError } from '../errors/app-error';
import { EventLog } from '../events/event-log';
import { SecretBox } from '../integrations/secret-box';
import { TenantDatabase } from '../tenancy/tenant-database';
import { WebhookDeliveries } from './webhook-deliveries';
import { toEndpointResponse, WebhookEndpointsRepository } from './webhook-endpoints.repository';
import { newEndpointSecret } from './webhook-signature';
import { targetProblem } from './target-address';

class EndpointPausedError extends AppError {
  readonly status = 409;
  readonly code = 'endpoint_paused';
}

class TooManyEndpointsError extends AppError {
  readonly status = 409;
  readonly code = 'too_many_endpoints';
}

/** More endpoints than a small business has integrations: a limit on what one business can make us send. */
export const MAX_ENDPOINTS = 10;

/** A business's webhook endpoints: where its events go, the log of each, tests and resends. */
@Injectable()
export class WebhookEndpointsService {
  constructor(
    private readonly database: TenantDatabase,
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly deliveries: WebhookDeliveries,
    private readonly events: EventLog,
    private readonly secrets: SecretBox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  list(tenantId: string): Promise<WebhookEndpointResponse[]> {
    return this.database.transaction(tenantId, async (manager) =>
      (await this.endpoints.list(manager)).map(toEndpointResponse),
    );
  }

  async create(
    tenantId: string,
    request: CreateWebhookEndpointRequest,
  ): Promise<CreatedWebhookEndpointResponse> {
    const url = this.checkedUrl(request.url);
    const description = this.checkedDescription(request.description);
    const secret = newEndpointSecret();
    return this.database.transaction(tenantId, async (manager) => {
      await this.endpoints.lockEndpoints(manager);
      if ((await this.endpoints.count(manager)) >= MAX_ENDPOINTS)
        throw new TooManyEndpointsError(`A business has at most ${MAX_ENDPOINTS} webhook endpoints`);
      const row = await this.endpoints.insert(manager, {
        format: request.format ?? 'json',
        url,
        description,
        events: request.events,
        secretSealed: this.secrets.seal(secret),
      });
      return { ...toEndpointResponse(row), secret };
    });
  }

  async update(
    tenantId: string,
    id: string,
    request: UpdateWebhookEndpointRequest,
  ): Promise<WebhookEndpointResponse> {
    const changes = {
      ...(request.url === undefined ? {} : { url: this.checkedUrl(request.url) }),
      ...(request.description === undefined
        ? {}
        : { description: this.checkedDescription(request.description) }),
      ...(request.events === undefined ? {} : { events: request.events }),
      ...(request.isActive === undefined ? {} : { isActive: request.isActive }),
    };
    return this.database.transaction(tenantId, async (manager) => {
      const row = await this.endpoints.update(manager, id, changes);
      if (!row) throw new NotFoundError('Webhook endpoint');
      return toEndpointResponse(row);
    });
  }

  async remove(tenantId: string, id: string): Promise<void> {
    const isRemoved = await this.database.transaction(tenantId, (manager) =>
      this.endpoints.remove(manager, id),
    );
    if (!isRemoved) throw new NotFoundError('Webhook endpoint');
  }

  /** A `webhook.test` event to this endpoint only, delivered like any other (paused or not). */
  async sendTest(tenantId: string, id: string): Promise<{ eventId: string }> {
    return this.database.transaction(tenantId, async (manager) => {
      const endpoint = await this.endpoints.find(manager, id);
      if (!endpoint) throw new NotFoundError('Webhook endpoint');
      const eventId = await this.events.record(
        manager,
        'webhook.test',
        { message: 'A test event from Rapport: if you can read this, the endpoint works.' },
        new Date(),
        id,
      );
      return { eventId };
    });
  }

  deliveryPage(
    tenantId: string,
    id: string,
    query: { cursor?: string; limit: number },
  ): Promise<Page<EndpointDeliveryResponse>> {
    return this.database.transaction(tenantId, async (manager) => {
      if (!(await this.endpoints.find(manager, id))) throw new NotFoundError('Webhook endpoint');
      return this.endpoints.deliveryPage(manager, id, query);
    });
  }

  async resend(tenantId: string, id: string, deliveryId: string): Promise<void> {
    const outcome = await this.deliveries.resend(tenantId, id, deliveryId);
    if (outcome === 'not-found') throw new NotFoundError('Finished delivery');
    if (outcome === 'paused') throw new EndpointPausedError('The endpoint is paused: resume it first');
  }

  private checkedUrl(url: string): string {
    const trimmed = url.trim();
    const fault =
      unsafeTextReason(trimmed) ?? targetProblem(trimmed, this.config.outgoing.allowPrivateTargets);
    if (fault) throw new ValidationFailedError([{ field: 'url', reason: fault }]);
    return trimmed;
  }

  private checkedDescription(description: string | undefined): string {
    const text = (description ?? '').trim();
    const fault = unsafeTextReason(text);
    if (fault) throw new ValidationFailedError([{ field: 'description', reason: fault }]);
    return text;
  }
}
