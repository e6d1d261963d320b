import { Injectable } from '@nestjs/common';
import type {
  DateOrder,
  ImportEncoding,
  ImportKind,
  ImportMapping,
  ImportProblemResponse,
  Page,
} from '@rapport/domain';
import { pageSize } from '../database/page-query.dto';
import { execute, queryRow, queryRows } from '../database/query-rows';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';
import type { CsvPreview } from './csv-preview';
import type { ImportRow } from './import-row';

const COLUMNS = `id, kind, file_name, file_bytes, status, is_dry_run, delimiter, encoding, date_order, headers, preview,
  preset, mapping, rows_total, rows_processed, rows_imported, rows_failed, failure, created_at, started_at, finished_at`;
const PROBLEM_COLUMNS = `line, column_name AS "column", value, reason`;

export interface BatchProgress {
  rowsProcessed: number;
  imported: number;
  problems: ImportProblemResponse[];
}

@Injectable()
export class ImportsRepository {
  async create(
    manager: TenantManager,
    input: { kind: ImportKind; fileName: string; createdBy: string | null },
  ): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO imports (tenant_id, kind, file_name, status, created_by) VALUES ($1, $2, $3, 'uploaded', $4) RETURNING id`,
      [tenantIdOf(manager), input.kind, input.fileName.slice(0, 200), input.createdBy],
    );
    return row.id;
  }

  async addChunk(manager: TenantManager, importId: string, seq: number, data: Buffer): Promise<void> {
    await execute(
      manager,
      `INSERT INTO import_chunks (tenant_id, import_id, seq, data) VALUES ($1, $2, $3, $4)`,
      [tenantIdOf(manager), importId, seq, data],
    );
  }

  async describeFile(
    manager: TenantManager,
    importId: string,
    file: {
      bytes: number;
      preview: CsvPreview;
      encoding: ImportEncoding;
      dateOrder: DateOrder | null;
      preset: string | null;
      mapping: ImportMapping;
    },
  ): Promise<void> {
    await execute(
      manager,
      `UPDATE imports SET file_bytes = $3, delimiter = $4, headers = $5, preview = $6, preset = $7, mapping = $8,
              encoding = $9, date_order = $10
        WHERE tenant_id = $1 AND id = $2`,
      [
        tenantIdOf(manager),
        importId,
        file.bytes,
        file.preview.delimiter,
        file.preview.columns.map((column) => column.header),
        JSON.stringify({ columns: file.preview.columns, rows: file.preview.rows }),
        file.preset,
        JSON.stringify(file.mapping),
        file.encoding,
        file.dateOrder,
      ],
    );
  }

  async find(manager: TenantManager, id: string, forUpdate = false): Promise<ImportRow | null> {
    const rows = await queryRows<ImportRow>(
      manager,
      `SELECT ${COLUMNS} FROM imports WHERE tenant_id = $1 AND id = $2 ${forUpdate ? 'FOR UPDATE' : ''}`,
      [tenantIdOf(manager), id],
    );
    return rows[0] ?? null;
  }

  list(manager: TenantManager): Promise<ImportRow[]> {
    return queryRows<ImportRow>(
      manager,
      `SELECT ${COLUMNS} FROM imports WHERE tenant_id = $1 ORDER BY created_at DESC LIMIT 100`,
      [tenantIdOf(manager)],
    );
  }

  async queue(manager: TenantManager, id: string, mapping: ImportMapping, isDryRun: boolean): Promise<void> {
    await execute(
      manager,
      `UPDATE imports SET status = 'queued', mapping = $3, is_dry_run = $4, rows_processed = 0, rows_imported = 0,
              rows_failed = 0, rows_total = NULL, failure = NULL, started_at = NULL, finished_at = NULL, lease_until = NULL
        WHERE tenant_id = $1 AND id = $2`,
      [tenantIdOf(manager), id, JSON.stringify(mapping), isDryRun],
    );
    await execute(manager, `DELETE FROM import_problems WHERE tenant_id = $1 AND import_id = $2`, [
      tenantIdOf(manager),
      id,
    ]);
  }

  async chunk(manager: TenantManager, importId: string, seq: number): Promise<Buffer | null> {
    const row = await queryRow<{ data: Buffer }>(
      manager,
      `SELECT data FROM import_chunks WHERE tenant_id = $1 AND import_id = $2 AND seq = $3`,
      [tenantIdOf(manager), importId, seq],
    );
    return row ? row.data : null;
  }

  /** Progress and problems of one batch, committed with the batch's writes; also renews the lease. */
  async recordBatch(
    manager: TenantManager,
    importId: string,
    batch: BatchProgress,
    leaseSeconds: number,
  ): Promise<void> {
    if (batch.problems.length > 0) {
      await execute(
        manager,
        `INSERT INTO import_problems (tenant_id, import_id, line, column_name, value, reason)
         SELECT $1, $2, p.line, p."column", p.value, p.reason
           FROM jsonb_to_recordset($3::jsonb) AS p(line integer, "column" text, value text, reason text)
         ON CONFLICT (tenant_id, import_id, line) DO NOTHING`,
        [tenantIdOf(manager), importId, JSON.stringify(batch.problems)],
      );
    }
    await execute(
      manager,
      `UPDATE imports SET rows_processed = $3, rows_imported = rows_imported + $4, rows_failed = rows_failed + $5,
              lease_until = now() + make_interval(secs => $6)
        WHERE tenant_id = $1 AND id = $2`,
      [
        tenantIdOf(manager),
        importId,
        batch.rowsProcessed,
        batch.imported,
        batch.problems.length,
        leaseSeconds,
      ],
    );
  }

  async finish(
    manager: TenantManager,
    importId: string,
    outcome: { rowsTotal: number } | { failure: string },
  ): Promise<void> {
    await execute(
      manager,
      `UPDATE imports SET status = $3, rows_total = $4, failure = $5, finished_at = now(), lease_until = NULL
        WHERE tenant_id = $1 AND id = $2 RETURNING id`,
      [
        tenantIdOf(manager),
        importId,
        'failure' in outcome ? 'failed' : 'completed',
        'rowsTotal' in outcome ? outcome.rowsTotal : null,
        'failure' in outcome ? outcome.failure : null,
      ],
    );
  }

  problems(manager: TenantManager, importId: string): Promise<ImportProblemResponse[]> {
    return queryRows<ImportProblemResponse>(
      manager,
      `SELECT ${PROBLEM_COLUMNS} FROM import_problems WHERE tenant_id = $1 AND import_id = $2 ORDER BY line`,
      [tenantIdOf(manager), importId],
    );
  }

  /** The refused rows after line `afterLine`, in line order; the cursor is the page's last line. */
  async problemPage(
    manager: TenantManager,
    importId: string,
    afterLine: number,
    limit: number | undefined,
  ): Promise<Page<ImportProblemResponse>> {
    const size = pageSize(limit);
    const rows = await queryRows<ImportProblemResponse>(
      manager,
      `SELECT ${PROBLEM_COLUMNS} FROM import_problems
        WHERE tenant_id = $1 AND import_id = $2 AND line > $3 ORDER BY line LIMIT $4`,
      [tenantIdOf(manager), importId, afterLine, size + 1],
    );
    const items = rows.slice(0, size);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > size && last ? String(last.line) : null };
  }
}
