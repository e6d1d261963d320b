import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import {
  type ImportKind,
  type ImportProblemResponse,
  type ImportResponse,
  mappingProblem,
  type StartImportRequest,
  suggestMapping,
} from '@rapport/domain';
import { AppError, NotFoundError, ValidationFailedError } from '../errors/app-error';
import { TenantDatabase } from '../tenancy/tenant-database';
import { previewCsv } from './csv-preview';
import { toImportResponse } from './import-row';
import { ImportWorker } from './import-worker';
import { ImportsRepository } from './imports.repository';

/** Large enough for a million buyers; the file is kept in the database in chunks. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;
const CHUNK_BYTES = 1024 * 1024;
const PREVIEW_BYTES = 64 * 1024;

export class ImportTooLargeError extends AppError {
  readonly status = 413;
  readonly code = 'payload_too_large';
  constructor() {
    super(`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB: split it and import the parts`);
  }
}

class ImportStateError extends AppError {
  readonly status = 409;
  readonly code = 'import_state';
}

@Injectable()
export class ImportsService {
  constructor(
    private readonly database: TenantDatabase,
    private readonly imports: ImportsRepository,
    private readonly worker: ImportWorker,
  ) {}

  /**
   * Stores the uploaded file as it streams in (never whole in memory) and describes it: separator,
   * columns, first rows and a suggested mapping. Nothing is imported until the import is started.
   */
  async upload(
    tenantId: string,
    kind: ImportKind,
    fileName: string,
    body: Readable,
    createdBy: string | null,
  ): Promise<ImportResponse> {
    return this.database.transaction(tenantId, async (manager) => {
      const importId = await this.imports.create(manager, { kind, fileName, createdBy });
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      let head = Buffer.alloc(0);
      let total = 0;
      let seq = 0;
      const store = async () => {
        if (pendingBytes === 0) return;
        await this.imports.addChunk(manager, importId, seq++, Buffer.concat(pending, pendingBytes));
        pending = [];
        pendingBytes = 0;
      };
      for await (const piece of body as AsyncIterable<Buffer>) {
        total += piece.length;
        if (total > MAX_IMPORT_BYTES) throw new ImportTooLargeError();
        if (head.length < PREVIEW_BYTES)
          head = Buffer.concat([head, piece.subarray(0, PREVIEW_BYTES - head.length)]);
        pending.push(piece);
        pendingBytes += piece.length;
        if (pendingBytes >= CHUNK_BYTES) await store();
      }
      await store();
      if (total === 0) throw new ValidationFailedError([{ field: 'file', reason: 'is empty' }]);
      const preview = previewCsv(head);
      if (preview.columns.length === 0) {
        throw new ValidationFailedError([{ field: 'file', reason: 'has no header row of column names' }]);
      }
      const suggestion = suggestMapping(
        kind,
        preview.columns.map((column) => column.header),
      );
      await this.imports.describeFile(manager, importId, { bytes: total, preview, ...suggestion });
      const row = await this.imports.find(manager, importId);
      if (!row) throw new NotFoundError('Import');
      return toImportResponse(row);
    });
  }

  async start(tenantId: string, id: string, request: StartImportRequest): Promise<ImportResponse> {
    const response = await this.database.transaction(tenantId, async (manager) => {
      const row = await this.imports.find(manager, id, true);
      if (!row) throw new NotFoundError('Import');
      if (row.status === 'queued' || row.status === 'running')
        throw new ImportStateError('This import is already running');
      if (row.status === 'completed' && !row.is_dry_run)
        throw new ImportStateError('This file was already imported');
      const unknown = Object.keys(request.mapping).find((column) => !row.headers.includes(column));
      if (unknown)
        throw new ValidationFailedError([
          { field: 'mapping', reason: `names a column the file does not have: ${unknown}` },
        ]);
      const problem = mappingProblem(row.kind, request.mapping);
      if (problem) throw new ValidationFailedError([{ field: 'mapping', reason: problem }]);
      await this.imports.queue(manager, id, request.mapping, request.dryRun);
      const queued = await this.imports.find(manager, id);
      if (!queued) throw new NotFoundError('Import');
      return toImportResponse(queued);
    });
    this.worker.wake();
    return response;
  }

  get(tenantId: string, id: string): Promise<ImportResponse> {
    return this.database.transaction(tenantId, async (manager) => {
      const row = await this.imports.find(manager, id);
      if (!row) throw new NotFoundError('Import');
      return toImportResponse(row);
    });
  }

  list(tenantId: string): Promise<ImportResponse[]> {
    return this.database.transaction(tenantId, async (manager) =>
      (await this.imports.list(manager)).map(toImportResponse),
    );
  }

  problems(tenantId: string, id: string): Promise<{ fileName: string; problems: ImportProblemResponse[] }> {
    return this.database.transaction(tenantId, async (manager) => {
      const row = await this.imports.find(manager, id);
      if (!row) throw new NotFoundError('Import');
      return { fileName: row.file_name, problems: await this.imports.problems(manager, id) };
    });
  }
}
