import { type BuyerLocale, isEmailAddress, normalizeEmail, normalizeTags } from '../commerce/customers';
import type { OrderStatus } from '../commerce/orders';
import type { UpsertCustomerRequest } from '../contracts/commerce';
import { FIELD_LABELS, type ImportField, type ImportMapping } from './import-fields';
import {
  cellFault,
  clipText,
  DEFAULT_IMPORT_FORMAT,
  type ImportFormat,
  normalizeWord,
  parseImportAmount,
  parseImportDate,
  parseImportQuantity,
  printableCell,
  readImportDate,
  unitPriceFromTotal,
} from './import-values';
import { orderStatusNamedBy, orderStatusOfPayment } from './status-words';

export type ColumnType = 'empty' | 'email' | 'date' | 'number' | 'text';

/** A refused row names the column and the value it was refused for (null when no one cell is to blame). */
export type RowResult<T> =
  { ok: true; value: T } | { ok: false; reason: string; column: string | null; value: string | null };

type Refusal = Extract<RowResult<never>, { ok: false }>;

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

interface Cell {
  column: string;
  /** Trimmed; empty when the cell is. */
  text: string;
}

type Cells = Partial<Record<ImportField, Cell>>;

/** The mapped cells of a row, or the first that lost characters or cannot be stored. */
function cellsOf(record: Readonly<Record<string, string>>, mapping: ImportMapping): Cells | Refusal {
  const cells: Cells = {};
  for (const [column, field] of Object.entries(mapping)) {
    const raw = record[column] ?? '';
    const fault = cellFault(raw);
    if (fault) return refuse({ column, text: raw }, fault);
    cells[field] = { column, text: raw.trim() };
  }
  return cells;
}

function isRefusal(value: Cells | Refusal): value is Refusal {
  return (value as Refusal).ok === false;
}

/** `Created at: "yesterday" is not a date (...)`; `Email: is empty`. */
function refuse(cell: Cell, problem: string): Refusal {
  const value = printableCell(cell.text, 200);
  const shown = cell.text === '' ? '' : ` "${printableCell(cell.text.replace(/\r?\n|\r|\t/g, ' '))}"`;
  return { ok: false, reason: `${cell.column}:${shown} ${problem}`, column: cell.column, value };
}

function cellOf(cells: Cells, field: ImportField): Cell {
  return cells[field] ?? { column: FIELD_LABELS[field], text: '' };
}

function filled(cells: Cells, field: ImportField): string | undefined {
  const text = cells[field]?.text;
  return text ? text : undefined;
}

function locale(value: string | undefined): BuyerLocale | undefined {
  const language = value?.slice(0, 2).toLowerCase();
  return language === 'en' || language === 'es' || language === 'fr' || language === 'de'
    ? language
    : undefined;
}

const CONSENTING = new Set(
  ['yes', 'y', 'true', '1', 'subscribed', 'opted in', 'ja', 'sí', 'oui', 'vrai', 'verdadero', 'wahr'].map(
    normalizeWord,
  ),
);

export type CustomerImportRow = UpsertCustomerRequest & { email: string };

function readBuyer(cells: Cells): RowResult<CustomerImportRow> {
  const email = cellOf(cells, 'email');
  if (!email.text) return refuse(email, 'is empty');
  if (!isEmailAddress(email.text)) return refuse(email, 'is not an email address');
  const joined = [filled(cells, 'firstName'), filled(cells, 'lastName')].filter(Boolean).join(' ');
  const name = filled(cells, 'name') ?? filled(cells, 'customerName') ?? (joined || undefined);
  const phone = filled(cells, 'phone');
  const tags = filled(cells, 'tags');
  const consent = filled(cells, 'consent');
  return {
    ok: true,
    value: {
      email: normalizeEmail(email.text),
      name: name === undefined ? undefined : clipText(name, 200),
      phone: phone === undefined ? undefined : clipText(phone, 40),
      locale: locale(filled(cells, 'locale')),
      tags: tags ? normalizeTags(tags.split(/[,;|]/)) : undefined,
      consentBasis:
        consent === undefined
          ? undefined
          : CONSENTING.has(normalizeWord(consent))
            ? 'explicit_consent'
            : 'purchase_notice',
    },
  };
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
