import { Injectable } from '@nestjs/common';
import type { ShopProvider, WebhookDeliveryResponse, WebhookOutcome } from '@rapport/domain';
import { execute, queryRows } from '../database/query-rows';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';

/** Until the shop's webhook address answers, a test delivery is kept as not received. */
export const TEST_NOT_RECEIVED = 'Sent; not received yet';

/** The test deliveries among a business's webhook deliveries. */
@Injectable()
export class WebhookDeliveriesRepository {
  async recordTestSent(
    manager: TenantManager,
    provider: ShopProvider,
    deliveryId: string,
    topic: string,
  ): Promise<void> {
    await execute(
      manager,
      `INSERT INTO webhook_deliveries (tenant_id, provider, delivery_id, topic, outcome, message, is_test)
       VALUES ($1, $2, $3, $4, 'failed', $5, true)`,
      [tenantIdOf(manager), provider, deliveryId, topic, TEST_NOT_RECEIVED],
    );
  }

  /** Records what became of a test delivery; false when Rapport sent no test with that id. */
  async recordTestResult(
    manager: TenantManager,
    provider: ShopProvider,
    deliveryId: string,
    outcome: WebhookOutcome,
    message: string,
  ): Promise<boolean> {
    const updated = await queryRows<{ id: string }>(
      manager,
      `UPDATE webhook_deliveries SET outcome = $4, message = $5, received_at = now()
        WHERE tenant_id = $1 AND provider = $2 AND delivery_id = $3 AND is_test RETURNING id`,
      [tenantIdOf(manager), provider, deliveryId, outcome, message.slice(0, 500)],
    );
    return updated.length > 0;
  }

  async findTest(
    manager: TenantManager,
    provider: ShopProvider,
    deliveryId: string,
  ): Promise<WebhookDeliveryResponse | null> {
    const [row] = await queryRows<WebhookDeliveryResponse>(
      manager,
      `SELECT delivery_id AS "deliveryId", topic, received_at AS "receivedAt", outcome, message, is_test AS "isTest"
         FROM webhook_deliveries WHERE tenant_id = $1 AND provider = $2 AND delivery_id = $3 AND is_test`,
      [tenantIdOf(manager), provider, deliveryId],
    );
    return row ? { ...row, receivedAt: new Date(row.receivedAt).toISOString() } : null;
  }
}
