import type { ImportKind, ImportMapping } from '../imports/import-fields';
import type { ColumnType } from '../imports/row-readers';

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

export interface ImportProblemResponse {
  line: number;
  reason: string;
}
