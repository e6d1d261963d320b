import type { OrderLineResponse, OrderResponse, OrderSource, OrderStatus } from '@rapport/domain';

export interface OrderRow {
  id: string;
  external_id: string;
  source: OrderSource;
  customer_id: string;
  customer_email: string;
  customer_name: string;
  placed_at: Date;
  status: OrderStatus;
  fulfilled_at: Date | null;
  delivered_at: Date | null;
  cancelled_at: Date | null;
  refunded_at: Date | null;
  total: string;
  currency: string;
}

export interface OrderLineRow {
  id: string;
  order_id: string;
  product_id: string | null;
  product_name: string;
  quantity: number;
  unit_price: string;
}

export const ORDER_SELECT = `SELECT o.id, o.external_id, o.source, o.customer_id, c.email AS customer_email,
    c.name AS customer_name, o.placed_at, o.status, o.fulfilled_at, o.delivered_at, o.cancelled_at, o.refunded_at,
    o.total::text AS total, o.currency
  FROM orders o JOIN customers c ON c.tenant_id = o.tenant_id AND c.id = o.customer_id`;

export function toOrderResponse(row: OrderRow, lines: OrderLineRow[]): OrderResponse {
  const iso = (date: Date | null) => (date ? new Date(date).toISOString() : null);
  return {
    id: row.id,
    externalId: row.external_id,
    source: row.source,
    customer: { id: row.customer_id, email: row.customer_email, name: row.customer_name },
    placedAt: new Date(row.placed_at).toISOString(),
    status: row.status,
    fulfilledAt: iso(row.fulfilled_at),
    deliveredAt: iso(row.delivered_at),
    cancelledAt: iso(row.cancelled_at),
    refundedAt: iso(row.refunded_at),
    total: row.total,
    currency: row.currency.trim(),
    lines: lines.map(toLineResponse),
  };
}

function toLineResponse(line: OrderLineRow): OrderLineResponse {
  return {
    id: line.id,
    productId: line.product_id,
    productName: line.product_name,
    quantity: line.quantity,
    unitPrice: line.unit_price,
  };
}
