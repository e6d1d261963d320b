import { Injectable } from '@nestjs/common';
import {
  eventsForStatusChange,
  type OrderListQuery,
  type OrderResponse,
  type OrderSource,
  type OrderStatus,
  type Page,
  statusAfter,
  type UpsertOrderRequest,
} from '@rapport/domain';
import { CustomersRepository } from '../customers/customers.repository';
import { NotFoundError, ValidationFailedError } from '../errors/app-error';
import { ProductsRepository } from '../products/products.repository';
import { ReferralsService } from '../referrals/referrals.service';
import { TenantDatabase, type TenantManager } from '../tenancy/tenant-database';
import { toAmount } from './money';
import { toOrderResponse } from './order-row';
import { OrdersRepository } from './orders.repository';

export interface UpsertedOrder {
  order: OrderResponse;
  isNew: boolean;
}

/**
 * Orders from every way in (API, CSV, webhooks, console). Identified by (source, external id), so the same
 * order sent twice changes nothing; status only moves forward, and every step is an event.
 */
@Injectable()
export class OrdersService {
  constructor(
    private readonly database: TenantDatabase,
    private readonly orders: OrdersRepository,
    private readonly customers: CustomersRepository,
    private readonly products: ProductsRepository,
    private readonly referrals: ReferralsService,
  ) {}

  async upsertWithin(
    manager: TenantManager,
    source: OrderSource,
    input: UpsertOrderRequest,
  ): Promise<UpsertedOrder> {
    const placedAt = new Date(input.placedAt);
    const total = toAmount(input.total, 'total');
    const currency = input.currency.trim().toUpperCase();
    const status: OrderStatus = input.status ?? 'placed';
    const { row: customer } = await this.customers.upsert(manager, input.customer);
    const existing = await this.orders.findByExternalId(manager, source, input.externalId);
    if (existing) {
      await this.orders.updateAmounts(manager, existing.id, total, currency);
      const events = eventsForStatusChange(existing.status, status);
      if (events.length > 0) {
        await this.orders.applyEvents(
          manager,
          existing.id,
          statusAfter(existing.status, status),
          events,
          new Date(),
          source,
        );
      }
      return { order: await this.load(manager, existing.id), isNew: false };
    }
    const lines = (input.lines ?? []).map((line, index) => ({
      ...line,
      unitPrice: toAmount(line.unitPrice, `lines[${index}].unitPrice`),
    }));
    // A code from someone's recommendation counts before the order makes the prospect a customer (from
    // when it was placed, whatever its status), so the one who recommended them is thanked.
    await this.referrals.attribute(manager, customer.id, input.referralCode, placedAt);
    await this.referrals.becameCustomer(manager, customer.id, placedAt);
    const orderId = await this.orders.insert(manager, {
      customerId: customer.id,
      source,
      externalId: input.externalId,
      placedAt,
      status,
      total,
      currency,
    });
    for (const line of lines) {
      const productId = await this.products.resolve(manager, {
        name: line.productName,
        sku: line.sku ?? null,
      });
      await this.orders.insertLine(manager, orderId, {
        ...line,
        productId,
        productName: line.productName.trim(),
      });
    }
    // The purchase happened at placed_at. Later steps of an order first seen late happened by now at the latest;
    // for an imported history the only time known is placed_at, and "now" would make old orders look fresh.
    const laterStepsAt = source === 'csv' ? placedAt : maxDate(placedAt, new Date());
    for (const event of eventsForStatusChange(null, status)) {
      const at = event === 'placed' ? placedAt : laterStepsAt;
      await this.orders.applyEvents(manager, orderId, status, [event], at, source);
    }
    return { order: await this.load(manager, orderId), isNew: true };
  }

  changeStatus(
    tenantId: string,
    orderId: string,
    status: OrderStatus,
    at: Date,
    source: OrderSource,
  ): Promise<OrderResponse> {
    return this.database.transaction(tenantId, async (manager) => {
      const order = await this.orders.findById(manager, orderId, true);
      if (!order) throw new NotFoundError('Order');
      const events = eventsForStatusChange(order.status, status);
      if (events.length === 0 && order.status !== status) {
        throw new ValidationFailedError([
          { field: 'status', reason: `cannot go from ${order.status} to ${status}` },
        ]);
      }
      if (at.getTime() < new Date(order.placed_at).getTime()) {
        throw new ValidationFailedError([{ field: 'at', reason: 'must not be before the order was placed' }]);
      }
      await this.orders.applyEvents(manager, order.id, statusAfter(order.status, status), events, at, source);
      return this.load(manager, order.id);
    });
  }

  get(tenantId: string, id: string): Promise<OrderResponse> {
    return this.database.transaction(tenantId, (manager) => this.load(manager, id));
  }

  list(tenantId: string, query: OrderListQuery): Promise<Page<OrderResponse>> {
    return this.database.transaction(tenantId, async (manager) => {
      const { rows, nextCursor } = await this.orders.list(manager, query);
      const lines = await this.orders.lines(
        manager,
        rows.map((row) => row.id),
      );
      return {
        items: rows.map((row) =>
          toOrderResponse(
            row,
            lines.filter((line) => line.order_id === row.id),
          ),
        ),
        nextCursor,
      };
    });
  }

  private async load(manager: TenantManager, id: string): Promise<OrderResponse> {
    const row = await this.orders.findById(manager, id);
    if (!row) throw new NotFoundError('Order');
    return toOrderResponse(row, await this.orders.lines(manager, [id]));
  }
}

function maxDate(a: Date, b: Date): Date {
  return a.getTime() > b.getTime() ? a : b;
}
