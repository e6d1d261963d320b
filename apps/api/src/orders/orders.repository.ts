import { Injectable } from '@nestjs/common';
import type { OrderListQuery, OrderSource, OrderStatus } from '@rapport/domain';
import { escapeLike } from '../database/escape-like';
import { decodeCursor, encodeCursor } from '../database/keyset-cursor';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';
import { ORDER_SELECT, type OrderLineRow, type OrderRow } from './order-row';
import { pageSize } from '../database/page-query.dto';
import { execute, queryRows } from '../database/query-rows';

export interface NewOrder {
  customerId: string;
  source: OrderSource;
  externalId: string;
  placedAt: Date;
  status: OrderStatus;
  total: string;
  currency: string;
}

const STATUS_COLUMN: Partial<Record<OrderStatus, string>> = {
  fulfilled: 'fulfilled_at',
  delivered: 'delivered_at',
  cancelled: 'cancelled_at',
  refunded: 'refunded_at',
};

@Injectable()
export class OrdersRepository {
  async findByExternalId(
    manager: TenantManager,
    source: OrderSource,
    externalId: string,
  ): Promise<OrderRow | null> {
    const rows = await queryRows<OrderRow>(
      manager,
      `${ORDER_SELECT} WHERE o.tenant_id = $1 AND o.source = $2 AND o.external_id = $3 FOR UPDATE OF o`,
      [tenantIdOf(manager), source, externalId],
    );
    return rows[0] ?? null;
  }

  async findById(manager: TenantManager, id: string, forUpdate = false): Promise<OrderRow | null> {
    const rows = await queryRows<OrderRow>(
      manager,
      `${ORDER_SELECT} WHERE o.tenant_id = $1 AND o.id = $2 ${forUpdate ? 'FOR UPDATE OF o' : ''}`,
      [tenantIdOf(manager), id],
    );
    return rows[0] ?? null;
  }

  async insert(manager: TenantManager, order: NewOrder): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO orders (tenant_id, customer_id, source, external_id, placed_at, status, total, currency)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        tenantIdOf(manager),
        order.customerId,
        order.source,
        order.externalId,
        order.placedAt,
        order.status,
        order.total,
        order.currency,
      ],
    );
    return row.id;
  }

  async insertLine(
    manager: TenantManager,
    orderId: string,
    line: { productId: string; productName: string; quantity: number; unitPrice: string },
  ): Promise<void> {
    await execute(
      manager,
      `INSERT INTO order_lines (tenant_id, order_id, product_id, product_name, quantity, unit_price)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [tenantIdOf(manager), orderId, line.productId, line.productName, line.quantity, line.unitPrice],
    );
  }

  /** Records the events and the status; each event's time stamps its status column once. */
  async applyEvents(
    manager: TenantManager,
    orderId: string,
    status: OrderStatus,
    events: OrderStatus[],
    at: Date,
    source: string,
  ): Promise<void> {
    for (const event of events) {
      await execute(
        manager,
        `INSERT INTO order_events (tenant_id, order_id, type, occurred_at, source) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (tenant_id, order_id, type) DO NOTHING`,
        [tenantIdOf(manager), orderId, event, at, source],
      );
      const column = STATUS_COLUMN[event];
      if (column) {
        await execute(
          manager,
          `UPDATE orders SET ${column} = coalesce(${column}, $3) WHERE tenant_id = $1 AND id = $2`,
          [tenantIdOf(manager), orderId, at],
        );
      }
    }
    await execute(
      manager,
      `UPDATE orders SET status = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2 AND status <> $3`,
      [tenantIdOf(manager), orderId, status],
    );
  }

  async updateAmounts(
    manager: TenantManager,
    orderId: string,
    total: string,
    currency: string,
  ): Promise<void> {
    await execute(
      manager,
      `UPDATE orders SET total = $3, currency = $4, updated_at = now()
        WHERE tenant_id = $1 AND id = $2 AND (total <> $3::numeric OR currency <> $4)`,
      [tenantIdOf(manager), orderId, total, currency],
    );
  }

  async lines(manager: TenantManager, orderIds: string[]): Promise<OrderLineRow[]> {
    if (orderIds.length === 0) return [];
    return queryRows<OrderLineRow>(
      manager,
      `SELECT id, order_id, product_id, product_name, quantity, unit_price::text AS unit_price
         FROM order_lines WHERE tenant_id = $1 AND order_id = ANY($2::uuid[]) ORDER BY product_name, id`,
      [tenantIdOf(manager), orderIds],
    );
  }

  async list(
    manager: TenantManager,
    query: OrderListQuery,
  ): Promise<{ rows: OrderRow[]; nextCursor: string | null }> {
    const limit = pageSize(query.limit);
    const values: unknown[] = [tenantIdOf(manager)];
    const where = ['o.tenant_id = $1'];
    if (query.search?.trim()) {
      values.push(`%${escapeLike(query.search.trim().toLowerCase())}%`);
      where.push(
        `(lower(o.external_id) LIKE $${values.length} OR lower(c.name || ' ' || c.email) LIKE $${values.length})`,
      );
    }
    if (query.status) {
      values.push(query.status);
      where.push(`o.status = $${values.length}`);
    }
    if (query.customerId) {
      values.push(query.customerId);
      where.push(`o.customer_id = $${values.length}`);
    }
    if (query.productId) {
      values.push(query.productId);
      where.push(
        `EXISTS (SELECT 1 FROM order_lines l WHERE l.tenant_id = o.tenant_id AND l.order_id = o.id AND l.product_id = $${values.length})`,
      );
    }
    if (query.cursor) {
      const [placedAt, id] = decodeCursor(query.cursor);
      values.push(placedAt, id);
      where.push(`(o.placed_at, o.id) < ($${values.length - 1}::timestamptz, $${values.length}::uuid)`);
    }
    values.push(limit + 1);
    const rows = await queryRows<OrderRow>(
      manager,
      `${ORDER_SELECT} WHERE ${where.join(' AND ')} ORDER BY o.placed_at DESC, o.id DESC LIMIT $${values.length}`,
      values,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      rows: page,
      nextCursor: rows.length > limit && last ? encodeCursor(last.placed_at, last.id) : null,
    };
  }
}
