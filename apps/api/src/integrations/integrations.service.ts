import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  SHOP_PROVIDERS,
  shopConnectionState,
  type IntegrationResponse,
  type ShopProvider,
  type WebhookDeliveryResponse,
} from '@rapport/domain';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { execute, queryRow, queryRows } from '../database/query-rows';
import { NotFoundError } from '../errors/app-error';
import { OrdersRepository } from '../orders/orders.repository';
import { OrdersService } from '../orders/orders.service';
import { TenantDatabase, type TenantManager, tenantIdOf } from '../tenancy/tenant-database';
import { SecretBox } from './secret-box';
import { eventsForStatusChange, statusAfter } from '@rapport/domain';
import type { WebhookAction } from './webhook-action';

export interface DeliveryOutcome {
  /** `refused`: verified but unusable; kept with its reason and answered 200, so the shop does not retry it. */
  outcome: 'processed' | 'ignored' | 'duplicate' | 'refused';
  message: string;
}

/** Shop connections (their webhook secrets, encrypted) and what their deliveries did. */
@Injectable()
export class IntegrationsService {
  private readonly logger = new Logger(IntegrationsService.name);

  constructor(
    private readonly database: TenantDatabase,
    private readonly box: SecretBox,
    private readonly orders: OrdersService,
    private readonly orderRows: OrdersRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  list(tenantId: string): Promise<IntegrationResponse[]> {
    return this.database.transaction(tenantId, async (manager) => {
      const connections = await queryRows<{
        provider: ShopProvider;
        secret_encrypted: Buffer;
        updated_at: Date;
      }>(
        manager,
        `SELECT provider, secret_encrypted, updated_at FROM shop_connections WHERE tenant_id = $1`,
        [tenantIdOf(manager)],
      );
      const deliveries = await queryRows<WebhookDeliveryResponse & { provider: ShopProvider }>(
        manager,
        `SELECT provider, delivery_id AS "deliveryId", topic, received_at AS "receivedAt", outcome, message,
                is_test AS "isTest"
           FROM (SELECT *, row_number() OVER (PARTITION BY provider, is_test ORDER BY received_at DESC) AS n
                   FROM webhook_deliveries WHERE tenant_id = $1) recent
          -- The shop's own latest ten, and only the latest test: tests never push a real one off the list.
          WHERE n <= CASE WHEN is_test THEN 1 ELSE 10 END ORDER BY received_at DESC`,
        [tenantIdOf(manager)],
      );
      return SHOP_PROVIDERS.map((provider) => {
        const connection = connections.find((row) => row.provider === provider);
        const connectedAt = connection ? connection.updated_at.toISOString() : null;
        const recent = deliveries
          .filter((row) => row.provider === provider)
          .map(({ provider: _provider, ...row }) => ({
            ...row,
            receivedAt: new Date(row.receivedAt).toISOString(),
          }));
        return {
          provider,
          state: shopConnectionState(connectedAt, recent),
          webhookUrl: `${this.config.publicUrl}/api/webhooks/${provider}/${tenantIdOf(manager)}`,
          secret: connection ? this.box.open(connection.secret_encrypted) : null,
          connectedAt,
          deliveries: recent,
          latestTest:
            recent.find(
              (delivery) => delivery.isTest && connectedAt !== null && delivery.receivedAt >= connectedAt,
            ) ?? null,
        };
      });
    });
  }

  /** Stores the secret the shop gave (Shopify, Stripe) or a new random one to paste into the shop (WooCommerce). */
  async connect(tenantId: string, provider: ShopProvider, secret: string | undefined): Promise<void> {
    const value = secret?.trim() || randomBytes(24).toString('base64url');
    await this.database.transaction(tenantId, (manager) =>
      execute(
        manager,
        `INSERT INTO shop_connections (tenant_id, provider, secret_encrypted) VALUES ($1, $2, $3)
         ON CONFLICT (tenant_id, provider) DO UPDATE SET secret_encrypted = EXCLUDED.secret_encrypted, updated_at = now()`,
        [tenantIdOf(manager), provider, this.box.seal(value)],
      ),
    );
  }

  async disconnect(tenantId: string, provider: ShopProvider): Promise<void> {
    const removed = await this.database.transaction(tenantId, (manager) =>
      queryRows<{ id: string }>(
        manager,
        `DELETE FROM shop_connections WHERE tenant_id = $1 AND provider = $2 RETURNING id`,
        [tenantIdOf(manager), provider],
      ),
    );
    if (removed.length === 0) throw new NotFoundError('Connection');
  }

  /** The webhook secret of a tenant's connection, or null (unknown tenant or not connected: both 404). */
  secretFor(tenantId: string, provider: ShopProvider): Promise<string | null> {
    return this.database.transaction(tenantId, async (manager) => {
      const row = await queryRow<{ secret_encrypted: Buffer }>(
        manager,
        `SELECT secret_encrypted FROM shop_connections WHERE tenant_id = $1 AND provider = $2`,
        [tenantIdOf(manager), provider],
      );
      return row ? this.box.open(row.secret_encrypted) : null;
    });
  }

  /**
   * Applies one verified delivery exactly once: the delivery id and the order changes commit together,
   * so a replay (or a retry after a crash mid-way) finds the first one and changes nothing.
   */
  apply(
    tenantId: string,
    provider: ShopProvider,
    delivery: { id: string; topic: string },
    action: WebhookAction,
  ): Promise<DeliveryOutcome> {
    return this.database.transaction(tenantId, async (manager) => {
      const isNew = await this.claimDelivery(manager, provider, delivery, 'processed', '');
      if (!isNew) return { outcome: 'duplicate', message: 'Already received' };
      const result = await this.perform(manager, provider, action);
      await execute(
        manager,
        `UPDATE webhook_deliveries SET outcome = $4, message = $5
          WHERE tenant_id = $1 AND provider = $2 AND delivery_id = $3`,
        [tenantIdOf(manager), provider, delivery.id, result.outcome, result.message],
      );
      return result;
    });
  }

  /** Keeps a delivery that could not be understood, so it shows in the settings with its reason. */
  async recordFailure(
    tenantId: string,
    provider: ShopProvider,
    delivery: { id: string; topic: string },
    reason: string,
  ) {
    await this.database.transaction(tenantId, (manager) =>
      this.claimDelivery(manager, provider, delivery, 'failed', reason),
    );
    this.logger.warn(
      { tenantId, provider, deliveryId: delivery.id, reason },
      'Webhook delivery not understood',
    );
  }

  private async claimDelivery(
    manager: TenantManager,
    provider: ShopProvider,
    delivery: { id: string; topic: string },
    outcome: string,
    message: string,
  ): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO webhook_deliveries (tenant_id, provider, delivery_id, topic, outcome, message)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (tenant_id, provider, delivery_id) DO NOTHING RETURNING id`,
      [
        tenantIdOf(manager),
        provider,
        delivery.id.slice(0, 200),
        delivery.topic.slice(0, 100),
        outcome,
        message.slice(0, 500),
      ],
    );
    return rows.length > 0;
  }

  private async perform(
    manager: TenantManager,
    provider: ShopProvider,
    action: WebhookAction,
  ): Promise<{ outcome: 'processed' | 'ignored'; message: string }> {
    if (action.kind === 'ignore') return { outcome: 'ignored', message: action.reason };
    if (action.kind === 'upsert-order') {
      const { order, isNew } = await this.orders.upsertWithin(manager, provider, action.order);
      return {
        outcome: 'processed',
        message: `${isNew ? 'Created' : 'Updated'} order ${order.externalId} (${order.status})`,
      };
    }
    const order = await this.orderRows.findByExternalId(manager, provider, action.externalId);
    if (!order) return { outcome: 'ignored', message: `No order ${action.externalId} from ${provider}` };
    const events = eventsForStatusChange(order.status, action.status);
    if (events.length === 0)
      return { outcome: 'ignored', message: `Order ${action.externalId} is already ${order.status}` };
    await this.orderRows.applyEvents(
      manager,
      order.id,
      statusAfter(order.status, action.status),
      events,
      action.at,
      provider,
    );
    return { outcome: 'processed', message: `Order ${action.externalId} is now ${action.status}` };
  }
}
