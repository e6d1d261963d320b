import { isEmailAddress } from '../commerce/customers';
import type { OrderStatus } from '../commerce/orders';
import type { ImportMapping } from './import-fields';
import {
  clipText,
  DEFAULT_IMPORT_FORMAT,
  type ImportFormat,
  parseImportAmount,
  parseImportDate,
  parseImportQuantity,
  readImportDate,
  unitPriceFromTotal,
} from './import-values';
import { orderStatusNamedBy, orderStatusOfPayment } from './status-words';
import {
  type Cells,
  cellOf,
  cellsOf,
  type CustomerImportRow,
  filled,
  isRefusal,
  readBuyer,
  refuse,
  type RowResult,
} from './row-cells';

export type ColumnType = 'empty' | 'email' | 'date' | 'number' | 'text';

export type { CustomerImportRow, RowResult } from './row-cells';

/** What a column holds, judged from its first values: shown next to the column while mapping. */
export function detectColumnType(values: readonly string[]): ColumnType {
  const filled = values.map((value) => value.trim()).filter((value) => value !== '');
  if (filled.length === 0) return 'empty';
  if (filled.every((value) => isEmailAddress(value))) return 'email';
  const isDate = (value: string) =>
    /\d{4}/.test(value) && (parseImportDate(value, 'dmy') !== null || parseImportDate(value, 'mdy') !== null);
  if (filled.every(isDate)) return 'date';
  if (filled.every((value) => parseImportAmount(value) !== null)) return 'number';
  return 'text';
}

/** One row of a customers file, or why it is refused. */
export function readCustomerRow(
  record: Readonly<Record<string, string>>,
  mapping: ImportMapping,
): RowResult<CustomerImportRow> {
  const cells = cellsOf(record, mapping);
  return isRefusal(cells) ? cells : readBuyer(cells);
}

export interface OrderLineImport {
  productName: string;
  sku: string | null;
  quantity: number;
  unitPrice: string;
}

export interface OrderImportRow {
  externalId: string;
  customer: CustomerImportRow;
  placedAt: Date;
  status: OrderStatus;
  total: string;
  currency: string;
  line: OrderLineImport | null;
}

type OrderPart = Omit<OrderImportRow, 'line'>;

function readOrderPart(cells: Cells, externalId: string, format: ImportFormat): RowResult<OrderPart> {
  const customer = readBuyer(cells);
  if (!customer.ok) return customer;
  const placed = cellOf(cells, 'placedAt');
  if (!placed.text) return refuse(placed, 'is empty');
  const placedAt = readImportDate(placed.text, format.dateOrder);
  if (!placedAt.ok) return refuse(placed, placedAt.problem);
  const totalCell = cellOf(cells, 'total');
  if (!totalCell.text) return refuse(totalCell, 'is empty');
  const total = parseImportAmount(totalCell.text, format.decimalMark);
  if (total === null) return refuse(totalCell, 'is not an amount like 12.50');
  const currencyCell = cellOf(cells, 'currency');
  const currency = currencyCell.text.toUpperCase();
  if (!currency) return refuse(currencyCell, 'is empty');
  if (!/^[A-Z]{3}$/.test(currency)) return refuse(currencyCell, 'is not a currency code like EUR');
  const status = readOrderStatus(cells, format);
  if (!status.ok) return status;
  return {
    ok: true,
    value: {
      externalId,
      customer: customer.value,
      placedAt: placedAt.value,
      status: status.value,
      total,
      currency,
    },
  };
}

/**
 * Money given back makes the order refunded (a refund status, or a refunded amount above zero); else a
 * cancellation (a cancellation date, a voided payment, a cancelled status) makes it cancelled; else its
 * status column says, and an order without one is placed.
 */
function readOrderStatus(cells: Cells, format: ImportFormat): RowResult<OrderStatus> {
  const statusCell = cells.status;
  const named = statusCell?.text ? orderStatusNamedBy(statusCell.text) : 'placed';
  if (!named && statusCell) return refuse(statusCell, 'is not an order status');
  const payment = filled(cells, 'paymentStatus');
  const byPayment = payment ? orderStatusOfPayment(payment) : undefined;
  const refundCell = cells.refundedAmount;
  let isRefundedAmount = false;
  if (refundCell?.text) {
    const refunded = parseImportAmount(refundCell.text, format.decimalMark);
    if (refunded === null) return refuse(refundCell, 'is not an amount like 12.50');
    isRefundedAmount = refunded !== '0.00';
  }
  if (named === 'refunded' || byPayment === 'refunded' || isRefundedAmount)
    return { ok: true, value: 'refunded' };
  if (named === 'cancelled' || byPayment === 'cancelled' || filled(cells, 'cancelledAt'))
    return { ok: true, value: 'cancelled' };
  return { ok: true, value: named ?? 'placed' };
}

function readLine(cells: Cells, format: ImportFormat): RowResult<OrderLineImport | null> {
  const productName = filled(cells, 'productName');
  if (!productName) return { ok: true, value: null };
  const quantityCell = cells.quantity;
  const quantity = quantityCell?.text ? parseImportQuantity(quantityCell.text) : 1;
  if (quantity === null && quantityCell) return refuse(quantityCell, 'is not a whole number above 0');
  const skuCell = cells.sku;
  if (skuCell && skuCell.text.length > 100) return refuse(skuCell, 'is longer than 100 characters');
  let unitPrice = '0.00';
  const priceCell = cells.unitPrice;
  const lineTotalCell = cells.lineTotal;
  if (priceCell?.text) {
    const price = parseImportAmount(priceCell.text, format.decimalMark);
    if (price === null) return refuse(priceCell, 'is not an amount like 4.50');
    unitPrice = price;
  } else if (lineTotalCell?.text) {
    const lineTotal = parseImportAmount(lineTotalCell.text, format.decimalMark);
    if (lineTotal === null) return refuse(lineTotalCell, 'is not an amount like 9.00');
    unitPrice = unitPriceFromTotal(lineTotal, quantity ?? 1);
  }
  return {
    ok: true,
    value: {
      productName: clipText(productName, 200),
      sku: skuCell?.text || null,
      quantity: quantity ?? 1,
      unitPrice,
    },
  };
}

function readOrderNumber(cells: Cells): RowResult<string> {
  const cell = cellOf(cells, 'externalId');
  if (!cell.text) return refuse(cell, 'is empty');
  if (cell.text.length > 100) return refuse(cell, 'is longer than 100 characters');
  return { ok: true, value: cell.text };
}

/** One row of an orders file read on its own (one order line, with the order's columns), or why not. */
export function readOrderRow(
  record: Readonly<Record<string, string>>,
  mapping: ImportMapping,
  format: ImportFormat = DEFAULT_IMPORT_FORMAT,
): RowResult<OrderImportRow> {
  return new OrderRowReader(mapping, format).read(record, 1);
}

/** Orders seen earlier in the file whose rows must not come back after another order's. */
const REMEMBERED_ORDERS = 1000;

/**
 * Reads an orders file row by row, one row per order line. A row with the order number of the row before
 * it is another line of that order: its order columns (email, date, total, status, ...) come from the
 * order's first row, as Shopify leaves them empty after it. When the first row is refused, so are the
 * order's other lines; an order number that comes back after another order's rows is refused too, as
 * its lines could no longer join it.
 */
export class OrderRowReader {
  private current: { externalId: string; order: OrderPart | null; line: number } | null = null;
  private readonly ended = new Map<string, number>();

  constructor(
    private readonly mapping: ImportMapping,
    private readonly format: ImportFormat = DEFAULT_IMPORT_FORMAT,
  ) {}

  read(record: Readonly<Record<string, string>>, line: number): RowResult<OrderImportRow> {
    const cells = cellsOf(record, this.mapping);
    if (isRefusal(cells)) return cells;
    const number = readOrderNumber(cells);
    if (!number.ok) return number;
    const externalId = number.value;
    const numberCell = cellOf(cells, 'externalId');
    let order: OrderPart;
    if (this.current?.externalId === externalId) {
      if (!this.current.order)
        return refuse(
          numberCell,
          `is an order refused at line ${this.current.line}, so this line of it is too`,
        );
      order = this.current.order;
    } else {
      const endedAt = this.ended.get(externalId);
      if (endedAt !== undefined)
        return refuse(
          numberCell,
          `already ended at line ${endedAt}: the rows of one order must be next to each other`,
        );
      this.remember();
      const read = readOrderPart(cells, externalId, this.format);
      this.current = { externalId, order: read.ok ? read.value : null, line };
      if (!read.ok) return read;
      order = read.value;
    }
    const orderLine = readLine(cells, this.format);
    if (!orderLine.ok) return orderLine;
    return { ok: true, value: { ...order, line: orderLine.value } };
  }

  private remember(): void {
    if (!this.current) return;
    this.ended.set(this.current.externalId, this.current.line);
    if (this.ended.size > REMEMBERED_ORDERS) {
      const oldest = this.ended.keys().next().value;
      if (oldest !== undefined) this.ended.delete(oldest);
    }
  }
}
