import { type BuyerLocale, isEmailAddress, normalizeEmail, normalizeTags } from '../commerce/customers';
import type { UpsertCustomerRequest } from '../contracts/commerce';
import { FIELD_LABELS, type ImportField, type ImportMapping } from './import-fields';
import { cellFault, clipText, normalizeWord, printableCell } from './import-values';

/** A refused row names the column and the value it was refused for (null when no one cell is to blame). */
export type RowResult<T> =
  { ok: true; value: T } | { ok: false; reason: string; column: string | null; value: string | null };

export type Refusal = Extract<RowResult<never>, { ok: false }>;

export interface Cell {
  column: string;
  /** Trimmed; empty when the cell is. */
  text: string;
}

export type Cells = Partial<Record<ImportField, Cell>>;

/** The mapped cells of a row, or the first that lost characters or cannot be stored. */
export function cellsOf(record: Readonly<Record<string, string>>, mapping: ImportMapping): Cells | Refusal {
  const cells: Cells = {};
  for (const [column, field] of Object.entries(mapping)) {
    const raw = record[column] ?? '';
    const fault = cellFault(raw);
    if (fault) return refuse({ column, text: raw }, fault);
    cells[field] = { column, text: raw.trim() };
  }
  return cells;
}

export function isRefusal(value: Cells | Refusal): value is Refusal {
  return (value as Refusal).ok === false;
}

/** `Created at: "yesterday" is not a date (...)`; `Email: is empty`. */
export function refuse(cell: Cell, problem: string): Refusal {
  const value = printableCell(cell.text, 200);
  const shown = cell.text === '' ? '' : ` "${printableCell(cell.text.replace(/\r?\n|\r|\t/g, ' '))}"`;
  return { ok: false, reason: `${cell.column}:${shown} ${problem}`, column: cell.column, value };
}

export function cellOf(cells: Cells, field: ImportField): Cell {
  return cells[field] ?? { column: FIELD_LABELS[field], text: '' };
}

export function filled(cells: Cells, field: ImportField): string | undefined {
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

export function readBuyer(cells: Cells): RowResult<CustomerImportRow> {
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
