import type { InteractionStatus, InteractionType } from '../commerce/interactions';
import type { ImportField, ImportMapping, InteractionImportKind } from './import-fields';
import {
  clipText,
  DEFAULT_IMPORT_FORMAT,
  type ImportFormat,
  parseImportAmount,
  readImportDate,
} from './import-values';
import { interactionStatusExamples, interactionStatusNamedBy, yesNo } from './interaction-words';
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

export const INTERACTION_TYPE_OF_IMPORT: Readonly<Record<InteractionImportKind, InteractionType>> = {
  enquiries: 'enquiry',
  quotes: 'quote',
  appointments: 'appointment',
};

/** An appointment without an end is taken to last this long. */
const ASSUMED_LENGTH_MS = 3_600_000;

/** One enquiry, quote or appointment read from a row, as the API would take it. */
export interface InteractionImportRow {
  type: InteractionType;
  /** Null when the file has none: the row is then known by its person and moment. */
  externalId: string | null;
  contact: CustomerImportRow;
  occurredAt: Date;
  subject?: string;
  message?: string;
  amount?: string;
  currency?: string;
  validUntil?: Date;
  startsAt?: Date;
  status: InteractionStatus;
  /** When the status was reached, when the file tells (an appointment's end, a quote's expiry). */
  statusAt?: Date;
  referralCode?: string;
  /**
   * What the row is known by when the file has no id: its person and moments as the file writes them
   * (not as instants: a change of the business's time zone must not make them new rows).
   */
  rowKey: string;
}

/** Up to this far ahead (clocks of other systems, time zones), a moment that already happened is believed. */
const CLOCK_SKEW_MS = 86_400_000;

type DateRead = { ok: true; value: Date | undefined } | Extract<RowResult<never>, { ok: false }>;

function readDate(cells: Cells, field: ImportField, format: ImportFormat, isRequired: boolean): DateRead {
  const cell = cellOf(cells, field);
  if (!cell.text) return isRequired ? refuse(cell, 'is empty') : { ok: true, value: undefined };
  const date = readImportDate(cell.text, format.dateOrder, format.timeZone);
  if (!date.ok) return refuse(cell, date.problem);
  const year = date.value.getUTCFullYear();
  if (year < 1970 || year > 2100) return refuse(cell, 'is not a date between 1970 and 2100');
  return { ok: true, value: date.value };
}

/** A moment that must have happened (an enquiry came, a quote was sent, a booking was made). */
function readPastDate(
  cells: Cells,
  field: ImportField,
  format: ImportFormat,
  now: Date,
  isRequired: boolean,
): DateRead {
  const date = readDate(cells, field, format, isRequired);
  if (date.ok && date.value && date.value.getTime() > now.getTime() + CLOCK_SKEW_MS)
    return refuse(cellOf(cells, field), 'is in the future');
  return date;
}

/** A date as the file writes it, without a zone: part of the row's key. */
function wallText(cells: Cells, field: ImportField, format: ImportFormat): string {
  const text = filled(cells, field);
  if (!text) return '';
  const date = readImportDate(text, format.dateOrder);
  return date.ok ? date.value.toISOString() : text;
}

/** A free text: longer than the limit, it is shortened (a note is still worth having). */
function readText(cells: Cells, field: ImportField, max: number): string | undefined {
  const text = filled(cells, field);
  return text === undefined ? undefined : clipText(text, max);
}

/** An id or a code: too long, it is not one. */
function readCode(cells: Cells, field: ImportField, max: number): RowResult<string | undefined> {
  const text = filled(cells, field);
  if (text === undefined) return { ok: true, value: undefined };
  if (text.length > max) return refuse(cellOf(cells, field), `is longer than ${max} characters`);
  return { ok: true, value: text };
}

/**
 * One row of an enquiries, quotes or appointments file, or why it is refused: the person (as in a
 * customers file), the moment, and the status (in the four languages, as CRMs and booking tools name
 * them). An appointment without a status is cancelled or a no-show when its yes/no columns say so,
 * else booked, and completed once its end (its start and an hour, without one) has passed by `now`.
 */
export function readInteractionRow(
  kind: InteractionImportKind,
  record: Readonly<Record<string, string>>,
  mapping: ImportMapping,
  now: Date,
  format: ImportFormat = DEFAULT_IMPORT_FORMAT,
): RowResult<InteractionImportRow> {
  const cells = cellsOf(record, mapping);
  if (isRefusal(cells)) return cells;
  const type = INTERACTION_TYPE_OF_IMPORT[kind];
  const contact = readBuyer(cells);
  if (!contact.ok) return contact;
  const id = readCode(cells, 'externalId', 100);
  if (!id.ok) return id;
  const referralCode = readCode(cells, 'referralCode', 40);
  if (!referralCode.ok) return referralCode;
  const subject = readText(cells, 'subject', 200);
  const message = readText(cells, 'message', 5000);
  const moment = type === 'appointment' ? 'startsAt' : 'occurredAt';
  const rowKey = [
    type,
    contact.value.email.toLowerCase(),
    wallText(cells, moment, format),
    type === 'appointment' ? wallText(cells, 'occurredAt', format) : '',
    type === 'enquiry' ? (message ?? '') : '',
  ].join('\n');
  const base = {
    type,
    externalId: id.value ?? null,
    contact: contact.value,
    rowKey,
    ...(subject === undefined ? {} : { subject }),
    ...(message === undefined ? {} : { message }),
    ...(referralCode.value === undefined ? {} : { referralCode: referralCode.value }),
  };
  const details =
    type === 'enquiry'
      ? readEnquiry(cells, format, now)
      : type === 'quote'
        ? readQuote(cells, format, now)
        : readAppointment(cells, format, now);
  return details.ok ? { ok: true, value: { ...base, ...details.value } } : details;
}

type Details = Omit<
  InteractionImportRow,
  'type' | 'externalId' | 'contact' | 'subject' | 'message' | 'referralCode' | 'rowKey'
>;

function readStatus(cells: Cells, type: InteractionType): RowResult<InteractionStatus | undefined> {
  const cell = cells.status;
  if (!cell?.text) return { ok: true, value: undefined };
  const status = interactionStatusNamedBy(type, cell.text);
  return status
    ? { ok: true, value: status }
    : refuse(
        cell,
        `is not a status of ${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type} (${interactionStatusExamples(type)})`,
      );
}

function readEnquiry(cells: Cells, format: ImportFormat, now: Date): RowResult<Details> {
  const occurredAt = readPastDate(cells, 'occurredAt', format, now, true);
  if (!occurredAt.ok) return occurredAt;
  if (!filled(cells, 'message')) return refuse(cellOf(cells, 'message'), 'is empty: say what they asked');
  const status = readStatus(cells, 'enquiry');
  if (!status.ok) return status;
  return {
    ok: true,
    value: { occurredAt: occurredAt.value ?? now, status: status.value ?? 'open' },
  };
}

function readQuote(cells: Cells, format: ImportFormat, now: Date): RowResult<Details> {
  const occurredAt = readPastDate(cells, 'occurredAt', format, now, true);
  if (!occurredAt.ok) return occurredAt;
  const amountCell = cellOf(cells, 'amount');
  if (!amountCell.text) return refuse(amountCell, 'is empty');
  const amount = parseImportAmount(amountCell.text, format.decimalMark);
  if (amount === null) return refuse(amountCell, 'is not an amount like 1250.00');
  const currencyCell = cellOf(cells, 'currency');
  const currency = currencyCell.text.toUpperCase();
  if (!currency) return refuse(currencyCell, 'is empty');
  if (!/^[A-Z]{3}$/.test(currency)) return refuse(currencyCell, 'is not a currency code like EUR');
  const validUntil = readDate(cells, 'validUntil', format, false);
  if (!validUntil.ok) return validUntil;
  // A quote valid until a day holds through that day.
  const isDateOnly = !/\d:\d{2}|\dh\d{2}/i.test(cells.validUntil?.text ?? '');
  const until =
    validUntil.value && isDateOnly
      ? new Date(validUntil.value.getTime() + 86_400_000 - 1000)
      : validUntil.value;
  if (until && occurredAt.value && until < occurredAt.value)
    return refuse(cellOf(cells, 'validUntil'), 'is before the quote was sent');
  const status = readStatus(cells, 'quote');
  if (!status.ok) return status;
  return {
    ok: true,
    value: {
      occurredAt: occurredAt.value ?? now,
      amount,
      currency,
      ...(until ? { validUntil: until } : {}),
      status: status.value ?? 'sent',
      ...(status.value === 'expired' && until && until <= now ? { statusAt: until } : {}),
    },
  };
}

function readFlag(cells: Cells, field: 'isCancelled' | 'isNoShow'): RowResult<boolean> {
  const cell = cells[field];
  if (!cell?.text) return { ok: true, value: false };
  const flag = yesNo(cell.text);
  return flag === null ? refuse(cell, 'is not yes or no') : { ok: true, value: flag };
}

function readAppointment(cells: Cells, format: ImportFormat, now: Date): RowResult<Details> {
  const starts = readDate(cells, 'startsAt', format, true);
  if (!starts.ok) return starts;
  const startsAt = starts.value ?? now;
  const ends = readDate(cells, 'endsAt', format, false);
  if (!ends.ok) return ends;
  if (ends.value && ends.value < startsAt) return refuse(cellOf(cells, 'endsAt'), 'is before the start');
  const booked = readPastDate(cells, 'occurredAt', format, now, false);
  if (!booked.ok) return booked;
  if (booked.value && booked.value > startsAt)
    return refuse(cellOf(cells, 'occurredAt'), 'is after the appointment starts');
  const named = readStatus(cells, 'appointment');
  if (!named.ok) return named;
  const cancelled = readFlag(cells, 'isCancelled');
  if (!cancelled.ok) return cancelled;
  const noShow = readFlag(cells, 'isNoShow');
  if (!noShow.ok) return noShow;
  const endsAt = ends.value ?? new Date(startsAt.getTime() + ASSUMED_LENGTH_MS);
  const hasEnded = endsAt <= now;
  let status: InteractionStatus =
    named.value ?? (cancelled.value ? 'cancelled' : noShow.value ? 'no_show' : 'booked');
  // Booking tools keep a past booking "confirmed": once it is over, it took place.
  if (status === 'booked' && hasEnded) status = 'completed';
  const isOver = status === 'completed' || status === 'no_show';
  if (isOver && startsAt > now) {
    const cell = named.value ? cellOf(cells, 'status') : cellOf(cells, 'isNoShow');
    return refuse(cell, 'cannot be so for an appointment that has not started yet');
  }
  return {
    ok: true,
    value: {
      startsAt,
      // A booking's own date, else the day it was made is unknown: it counts from its start at the latest.
      occurredAt: booked.value ?? new Date(Math.min(startsAt.getTime(), now.getTime())),
      status,
      ...(isOver ? { statusAt: new Date(Math.min(endsAt.getTime(), now.getTime())) } : {}),
    },
  };
}
