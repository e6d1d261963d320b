import type { ImportKind, ImportMapping } from '../imports/import-fields';
import type { DateOrder, DecimalMark } from '../imports/import-values';
import type { ColumnType } from '../imports/row-readers';

/** How the file's bytes were read: from its byte order mark, else UTF-8 when they are, else Windows-1252. */
export const IMPORT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

export const IMPORT_STATUSES = ['uploaded', 'queued', 'running', 'completed', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export interface ImportColumn {
  header: string;
  type: ColumnType;
}

export interface ImportResponse {
  id: string;
  kind: ImportKind;
  fileName: string;
  fileBytes: number;
  status: ImportStatus;
  isDryRun: boolean;
  /** The file's separator: `,`, `;` or a tab. */
  delimiter: string;
  encoding: ImportEncoding;
  /** How `03/04/2026` is read (decided by the file's dates, else the business's country); null: refused. */
  dateOrder: DateOrder | null;
  /** How `1.234` is read: a comma-decimal file (`;`-separated) reads it as a thousand. */
  decimalMark: DecimalMark;
  columns: ImportColumn[];
  /** The first rows, as text, in column order. */
  previewRows: string[][];
  /** The shop export the columns look like, if any. */
  preset: string | null;
  mapping: ImportMapping;
  rowsTotal: number | null;
  rowsProcessed: number;
  rowsImported: number;
  rowsFailed: number;
  failure: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface StartImportRequest {
  mapping: ImportMapping;
  /** Check every row and report problems, without changing any data. */
  dryRun: boolean;
}

/** A refused row: its line in the file, the column and value it was refused for (when one is), and why. */
export interface ImportProblemResponse {
  line: number;
  column: string | null;
  value: string | null;
  reason: string;
}
