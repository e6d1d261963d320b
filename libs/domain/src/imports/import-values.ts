import { instantAt } from '../automations/zoned-time';
import { unsafeTextReason } from '../text/text-safety';
/** `03/04/2026` as 3 April (`dmy`) or as 4 March (`mdy`). */
export type DateOrder = 'dmy' | 'mdy';
/** The decimal mark of the spreadsheet that wrote the file. */
export type DecimalMark = '.' | ',';

/** What a file's cells cannot tell on their own; decided once per file. */
export interface ImportFormat {
  /** How a date like `03/04/2026` is read; null: such a date is refused as ambiguous. */
  dateOrder: DateOrder | null;
  /** How `1.234` and `1,234` are read: a lone separator before three digits is this mark if it is this mark. */
  decimalMark: DecimalMark;
  /**
   * Where a date without a zone is wall-clock time (the business's zone, for bookings and enquiries);
   * without one such a date is read as UTC.
   */
  timeZone?: string;
}

export const DEFAULT_IMPORT_FORMAT: ImportFormat = { dateOrder: null, decimalMark: '.' };

export type CellResult<T> = { ok: true; value: T } | { ok: false; problem: string };

/**
 * Lower case without accents, spaces or punctuation: how headers and status words are compared
 * (`Prénom` = `prenom`, `Order_ID` = `Order ID` = `order-id`, `Nº de pedido` = `No de pedido`).
 */
export function normalizeWord(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Why a cell read from a file is not the text that was written, or why it cannot be stored; null when
 * neither. Decoding leaves U+FFFD where bytes are not text in the file's encoding, and for an unpaired
 * UTF-16 surrogate: the character is lost, and storing the cell would store the loss.
 */
export function cellFault(text: string): string | null {
  return (
    unsafeTextReason(text) ??
    (text.includes('\uFFFD')
      ? "contains an unreadable character (\\uFFFD): bytes that are not text in the file's encoding"
      : null)
  );
}

/** At most `max` UTF-16 units, never cutting a character in two. */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.charCodeAt(max - 1);
  return text.slice(0, cut >= 0xd800 && cut <= 0xdbff ? max - 1 : max);
}

/**
 * A cell as people may read it in a report: control characters and unpaired surrogates shown as
 * `\uXXXX`, long values shortened. The result is safe to store and to show.
 */
export function printableCell(text: string, max = 80): string {
  let shown = '';
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const next = text.charCodeAt(index + 1);
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      shown += text.slice(index, index + 2);
      index++;
    } else if (isHidden(code)) shown += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    else shown += text[index];
  }
  return shown.length > max ? `${clipText(shown, max - 1)}…` : shown;
}

/**
 * Control characters other than tab and line breaks, surrogates (only unpaired ones get here) and the
 * replacement character, which looks like any other character but stands for one that was lost.
 */
function isHidden(code: number): boolean {
  const isControl = (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f;
  return isControl || (code >= 0xd800 && code <= 0xdfff) || code === 0xfffd;
}

const DATE_ADVICE = '(use YYYY-MM-DD or DD.MM.YYYY)';
const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(?:\s*([AaPp])\.?[Mm]\.?)?`;
const ZONE = String.raw`(Z|UTC|GMT|[+-]\d{2}:?\d{2})`;
const YEAR_FIRST = new RegExp(
  String.raw`^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:[T ]\s*${TIME})?\s*${ZONE}?$`,
  'i',
);
const DOTTED = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ ,T]\s*${TIME})?\s*${ZONE}?$`, 'i');
const YEAR_LAST = new RegExp(
  String.raw`^(\d{1,2})([-/])(\d{1,2})\2(\d{4})(?:[ ,T]\s*${TIME})?\s*${ZONE}?$`,
  'i',
);
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Month names (and their abbreviations of three letters or more) in the four languages, as files write them. */
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['January', 'enero', 'janvier', 'Januar', 'Jänner'],
  ['February', 'febrero', 'février', 'Februar'],
  ['March', 'marzo', 'mars', 'März'],
  ['April', 'abril', 'avril'],
  ['May', 'mayo', 'mai'],
  ['June', 'junio', 'juin', 'Juni'],
  ['July', 'julio', 'juillet', 'Juli'],
  ['August', 'agosto', 'août'],
  ['September', 'septiembre', 'setiembre', 'septembre'],
  ['October', 'octubre', 'octobre', 'Oktober'],
  ['November', 'noviembre', 'novembre'],
  ['December', 'diciembre', 'décembre', 'Dezember'],
].map((names) => names.map(normalizeWord));

/** The month a word names (`Jan`, `janv.`, `März`, `sept`), when every month it could start names agrees. */
function monthNamed(word: string): number | null {
  const key = normalizeWord(word);
  if (key.length < 3) return null;
  const months = new Set<number>();
  MONTH_NAMES.forEach((names, index) => {
    if (names.some((name) => name.startsWith(key))) months.add(index + 1);
  });
  return months.size === 1 ? ([...months][0] ?? null) : null;
}

const WEEKDAY_PREFIX = String.raw`(?:\p{L}+\.?,?\s+)?`;
/** `January 15, 2026 10:00 am`, `Jan 15 2026` (booking tools' exports). */
const MONTH_FIRST_NAMED = new RegExp(
  String.raw`^${WEEKDAY_PREFIX}(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(?:at\s+)?${TIME})?\s*${ZONE}?$`,
  'iu',
);
/** `15 January 2026`, `15. März 2026 14:30`, `15 de enero de 2026`, `15 janv. 2026 à 14:30`. */
const DAY_FIRST_NAMED = new RegExp(
  String.raw`^${WEEKDAY_PREFIX}(\d{1,2})\.?\s+(?:de\s+)?(\p{L}+)\.?\s+(?:de\s+)?(\d{4})(?:,?\s+(?:à\s+|um\s+|a\s+las\s+)?${TIME})?\s*${ZONE}?$`,
  'iu',
);

/**
 * A date as shops and spreadsheets write it, or why it is not one:
 * - `2026-11-20`, `2026-11-20T10:15:00Z`, Shopify's `2026-11-20 10:15:00 +0100`, `2026/11/20`;
 * - `20.11.2026` (a dot means day first, as everywhere it is used), `20.11.2026 14:30`;
 * - `20/11/2026` or `11/20/2026 2:30 PM`: a number above 12 tells the day; `03/04/2026` is read with
 *   `dateOrder`, and refused as ambiguous without one;
 * - with the month's name in any of the four languages: `November 20, 2026 2:30 pm`, `20 nov. 2026`,
 *   `20. November 2026 14:30`, `20 de noviembre de 2026`.
 * A date without a zone is read in `timeZone`, else as UTC.
 */
export function readImportDate(
  text: string,
  dateOrder: DateOrder | null,
  timeZone?: string,
): CellResult<Date> {
  // `10:00 Uhr` (German), `10h00` and `10 h 00` (French) are 10:00.
  const value = text
    .trim()
    .replace(/\s*Uhr$/i, '')
    .replace(/(\d{1,2})\s?h\s?(\d{2})$/i, '$1:$2');
  const notADate: CellResult<Date> = { ok: false, problem: `is not a date ${DATE_ADVICE}` };
  const at = (
    year: string | undefined,
    month: string | number | undefined,
    day: string | undefined,
    rest: (string | undefined)[],
  ) => dateFrom(year, month === undefined ? undefined : String(month), day, rest, timeZone) ?? notADate;
  let match = YEAR_FIRST.exec(value);
  if (match) return at(match[1], match[3], match[4], match.slice(5));
  match = DOTTED.exec(value);
  if (match) return at(match[3], match[2], match[1], match.slice(4));
  match = MONTH_FIRST_NAMED.exec(value);
  if (match) {
    const month = monthNamed(match[1] ?? '');
    return month === null ? notADate : at(match[3], month, match[2], match.slice(4));
  }
  match = DAY_FIRST_NAMED.exec(value);
  if (match) {
    const month = monthNamed(match[2] ?? '');
    return month === null ? notADate : at(match[3], month, match[1], match.slice(4));
  }
  match = YEAR_LAST.exec(value);
  if (!match) return notADate;
  const [first, second] = [Number(match[1]), Number(match[3])];
  const order: DateOrder | null = first > 12 ? 'dmy' : second > 12 || first === second ? 'mdy' : dateOrder;
  if (!order) {
    const year = match[4];
    return {
      ok: false,
      problem: `could be ${first} ${MONTHS[second - 1]} ${year} or ${second} ${MONTHS[first - 1]} ${year} ${DATE_ADVICE}`,
    };
  }
  const [day, month] = order === 'dmy' ? [match[1], match[3]] : [match[3], match[1]];
  return at(match[4], month, day, match.slice(5));
}

/** The date, or null when it is not one (or is ambiguous). */
export function parseImportDate(text: string, dateOrder: DateOrder | null = null): Date | null {
  const result = readImportDate(text, dateOrder);
  return result.ok ? result.value : null;
}

function dateFrom(
  yearText: string | undefined,
  monthText: string | undefined,
  dayText: string | undefined,
  [hourText, minuteText, secondText, fractionText, meridiem, zone]: (string | undefined)[],
  timeZone: string | undefined,
): CellResult<Date> | null {
  const [year, month, day] = [Number(yearText), Number(monthText), Number(dayText)];
  let hour = Number(hourText ?? 0);
  const [minute, second] = [Number(minuteText ?? 0), Number(secondText ?? 0)];
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
  }
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  const millis = Number((fractionText ?? '').padEnd(3, '0').slice(0, 3));
  if (!zone && timeZone) {
    const wall = instantAt({ year, month, day }, { hour, minute }, timeZone);
    return { ok: true, value: new Date(wall.getTime() + second * 1000 + millis) };
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  return { ok: true, value: new Date(utc - zoneMinutes(zone) * 60_000) };
}

function zoneMinutes(zone: string | undefined): number {
  const match = zone ? /^([+-])(\d{2}):?(\d{2})$/.exec(zone) : null;
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

const YEAR_LAST_ANYWHERE = /(?<![\d./-])(\d{1,2})[/-](\d{1,2})[/-]\d{4}(?!\d)/g;

/**
 * What the dates like `nn/nn/yyyy` in some text say about the order of day and month: a first number
 * above 12 can only be a day, a second one only a day too.
 */
export function dateOrderEvidence(text: string): { dayFirst: boolean; monthFirst: boolean } {
  let dayFirst = false;
  let monthFirst = false;
  for (const match of text.matchAll(YEAR_LAST_ANYWHERE)) {
    const [first, second] = [Number(match[1]), Number(match[2])];
    if (first > 12 && second <= 12) dayFirst = true;
    else if (second > 12 && first <= 12) monthFirst = true;
    if (dayFirst && monthFirst) break;
  }
  return { dayFirst, monthFirst };
}

/** Where `03/04/2026` is 4 March. */
const MONTH_FIRST_COUNTRIES = new Set(['US', 'PR', 'GU', 'VI', 'AS', 'MP', 'UM', 'PH', 'FM', 'MH', 'PW']);
/** Where both orders are in daily use, or dates are written year first: such a date is not guessed. */
const UNDECIDED_COUNTRIES = new Set(['CA', 'CN', 'JP', 'KR', 'TW', 'HU', 'LT', 'MN']);

/**
 * How a file's `nn/nn/yyyy` dates are read. The file decides when its dates do (some day above 12, all
 * in the same place); a file whose dates disagree decides nothing; otherwise the business's country.
 */
export function dateOrderFor(
  evidence: { dayFirst: boolean; monthFirst: boolean },
  country: string,
): DateOrder | null {
  if (evidence.dayFirst && evidence.monthFirst) return null;
  if (evidence.dayFirst) return 'dmy';
  if (evidence.monthFirst) return 'mdy';
  const code = country.toUpperCase();
  if (MONTH_FIRST_COUNTRIES.has(code)) return 'mdy';
  return UNDECIDED_COUNTRIES.has(code) ? null : 'dmy';
}

/** Excel writes `;`-separated files where the decimal mark is a comma. */
export function decimalMarkFor(delimiter: string): DecimalMark {
  return delimiter === ';' ? ',' : '.';
}

const AROUND_AMOUNT = /^(?:[A-Z]{3}|[€$£¥])\s*|\s*(?:[A-Z]{3}|[€$£¥])$/g;
const GROUP_SPACE = /(?<=\d)[\s\u00A0\u202F'’](?=\d{3}(?!\d))/g;

/**
 * `12.50`, `12,50`, `1,234.50`, `1.234,50`, `1 234,50`, `€12.50`, `12.50 EUR` -> "12.50"; null when it is
 * not an amount (negative, more than two decimals, badly grouped). `1.234` and `1,234` are read with the
 * file's decimal mark: a thousand when the separator is not the decimal mark, refused when it is.
 */
export function parseImportAmount(text: string, decimalMark: DecimalMark = '.'): string | null {
  const value = text.trim().replace(AROUND_AMOUNT, '').trim().replace(GROUP_SPACE, '');
  if (!/^\d[\d.,]*$/.test(value)) return null;
  const lastComma = value.lastIndexOf(',');
  const lastDot = value.lastIndexOf('.');
  let mark: DecimalMark | null;
  if (lastComma >= 0 && lastDot >= 0) mark = lastComma > lastDot ? ',' : '.';
  else if (lastComma < 0 && lastDot < 0) mark = null;
  else {
    const separator: DecimalMark = lastComma >= 0 ? ',' : '.';
    const isRepeated = value.indexOf(separator) !== value.lastIndexOf(separator);
    const decimals = value.length - value.lastIndexOf(separator) - 1;
    mark = isRepeated || (decimals === 3 && separator !== decimalMark) ? null : separator;
  }
  const markAt = mark === null ? -1 : value.lastIndexOf(mark);
  const units = markAt < 0 ? value : value.slice(0, markAt);
  const cents = markAt < 0 ? '' : value.slice(markAt + 1);
  const group = mark === ',' ? '.' : ',';
  const isGrouped = units.includes(group) || (mark === null && /[.,]/.test(units));
  const digits = units.replace(/[.,]/g, '');
  if (isGrouped && !/^\d{1,3}([.,]\d{3})+$/.test(units)) return null;
  if (isGrouped && new Set(units.replace(/\d/g, '')).size > 1) return null;
  if (!/^\d{1,12}$/.test(digits) || !/^\d{0,2}$/.test(cents) || (markAt >= 0 && cents === '')) return null;
  return `${BigInt(digits).toString()}.${cents.padEnd(2, '0')}`;
}

/** `3`, `3.0`, `3,00` -> 3; null unless a whole number from 1 to a million. */
export function parseImportQuantity(text: string): number | null {
  const match = /^(\d{1,7})(?:[.,]0{1,2})?$/.exec(text.trim());
  const quantity = match ? Number(match[1]) : NaN;
  return quantity >= 1 && quantity <= 1_000_000 ? quantity : null;
}

/** A unit price from a line's total (`12.00`) and quantity, rounded half up to the cent. */
export function unitPriceFromTotal(lineTotal: string, quantity: number): string {
  const cents = BigInt(lineTotal.replace('.', ''));
  const units = BigInt(quantity);
  const rounded = (cents * 2n + units) / (units * 2n);
  return `${rounded / 100n}.${(rounded % 100n).toString().padStart(2, '0')}`;
}
