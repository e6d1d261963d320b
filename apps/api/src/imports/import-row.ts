import {
  type DateOrder,
  decimalMarkFor,
  type ImportColumn,
  type ImportEncoding,
  type ImportFormat,
  type ImportKind,
  type ImportMapping,
  type ImportResponse,
  type ImportStatus,
} from '@rapport/domain';

export interface ImportRow {
  id: string;
  kind: ImportKind;
  file_name: string;
  file_bytes: string;
  status: ImportStatus;
  is_dry_run: boolean;
  delimiter: string | null;
  /** Null for files uploaded before encodings were told apart: read as UTF-8. */
  encoding: ImportEncoding | null;
  date_order: DateOrder | null;
  headers: string[];
  preview: { columns: ImportColumn[]; rows: string[][] };
  preset: string | null;
  mapping: ImportMapping;
  rows_total: number | null;
  rows_processed: number;
  rows_imported: number;
  rows_failed: number;
  failure: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

export function toImportResponse(row: ImportRow): ImportResponse {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.file_name,
    fileBytes: Number(row.file_bytes),
    status: row.status,
    isDryRun: row.is_dry_run,
    delimiter: row.delimiter ?? ',',
    encoding: row.encoding ?? 'utf-8',
    dateOrder: row.date_order,
    decimalMark: decimalMarkFor(row.delimiter ?? ','),
    columns: row.preview.columns ?? [],
    previewRows: row.preview.rows ?? [],
    preset: row.preset,
    mapping: row.mapping,
    rowsTotal: row.rows_total,
    rowsProcessed: row.rows_processed,
    rowsImported: row.rows_imported,
    rowsFailed: row.rows_failed,
    failure: row.failure,
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}

/** How the rows of an uploaded file are read. */
export function importFormatOf(row: ImportRow): ImportFormat {
  return { dateOrder: row.date_order, decimalMark: decimalMarkFor(row.delimiter ?? ',') };
}
