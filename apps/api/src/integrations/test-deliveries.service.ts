import { Inject, Injectable } from '@nestjs/common';
import type { ShopProvider, TestDeliveryResponse } from '@rapport/domain';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { NotFoundError } from '../errors/app-error';
import { TenantDatabase } from '../tenancy/tenant-database';
import { IntegrationsService } from './integrations.service';
import { sampleDelivery, type SampleDelivery } from './test-delivery';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';

const POST_TIMEOUT_MS = 10_000;

/**
 * "Send a test delivery": a sample order in the shop's format, signed with the shop's secret, posted over
 * HTTP to the shop's own webhook address as the shop would post it. The receiving end verifies and reads it
 * like any delivery and records the outcome on the test row; it never stores a buyer, an order or a
 * follow-up. Posting to the public address (rather than calling the reader directly) also tests the way in:
 * the address, a proxy in front of the app and its body limits.
 */
@Injectable()
export class TestDeliveriesService {
  constructor(
    private readonly database: TenantDatabase,
    private readonly integrations: IntegrationsService,
    private readonly deliveries: WebhookDeliveriesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async send(tenantId: string, provider: ShopProvider): Promise<TestDeliveryResponse> {
    const secret = await this.integrations.secretFor(tenantId, provider);
    if (!secret) throw new NotFoundError('Connection');
    const sample = sampleDelivery(provider, secret, new Date());
    await this.database.transaction(tenantId, (manager) =>
      this.deliveries.recordTestSent(manager, provider, sample.id, sample.topic),
    );
    const problem = await this.post(`${this.config.publicUrl}/api/webhooks/${provider}/${tenantId}`, sample);
    const delivery = await this.database.transaction(tenantId, async (manager) => {
      if (problem) await this.deliveries.recordTestResult(manager, provider, sample.id, 'failed', problem);
      return this.deliveries.findTest(manager, provider, sample.id);
    });
    if (!delivery) throw new NotFoundError('Connection');
    return { isReceived: delivery.outcome !== 'failed', delivery };
  }

  /** Null when the webhook address took the delivery (200); else why it did not, in words. */
  private async post(url: string, sample: SampleDelivery): Promise<string | null> {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Rapport test delivery',
          ...sample.headers,
        },
        body: sample.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(POST_TIMEOUT_MS),
      });
      if (response.status === 200) return null;
      const answer = (await response.json().catch(() => null)) as { message?: unknown } | null;
      const said = typeof answer?.message === 'string' ? `: ${answer.message}` : '';
      return `Refused by ${url} with ${response.status}${said}`;
    } catch (error) {
      const cause = (error as { cause?: { code?: unknown } }).cause?.code;
      const reason = typeof cause === 'string' ? cause : error instanceof Error ? error.message : 'no answer';
      return `Could not post to ${url} (${reason}): check that PUBLIC_URL is the address this app answers on`;
    }
  }
}
