import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import {
  dateOrderFor,
  type ImportKind,
  type ImportProblemResponse,
  type ImportResponse,
  mappingProblem,
  type Page,
  printableCell,
  type StartImportRequest,
  suggestMapping,
  unsafeTextReason,
} from '@rapport/domain';
import { AccountsRepository } from '../accounts/accounts.repository';
import { AppError, NotFoundError, ValidationFailedError } from '../errors/app-error';
import { TenantDatabase } from '../tenancy/tenant-database';
import { previewCsv } from './csv-preview';
import { toImportResponse } from './import-row';
import { ImportWorker } from './import-worker';
import { ImportsRepository } from './imports.repository';
import { type SpooledUpload, spoolUpload, UploadTooLargeError } from './upload-spool';

/** Large enough for a million buyers; the file is kept in the database in chunks. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;
/** More columns than any export has: the page could not show them, and no one maps them all. */
const MAX_COLUMNS = 500;
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
    private readonly accounts: AccountsRepository,
    private readonly worker: ImportWorker,
  ) {}

  /**
   * Stores the uploaded file (on local disk while it arrives, then in the database, never whole in memory) and describes it: encoding,
   * separator, how its dates are read, columns, first rows and a suggested mapping. Nothing is imported
   * until the import is started.
   */
  async upload(
    tenantId: string,
    kind: ImportKind,
    fileName: string,
    body: Readable,
    createdBy: string | null,
  ): Promise<ImportResponse> {
    let upload: SpooledUpload;
    try {
      upload = await spoolUpload(body, { maxBytes: MAX_IMPORT_BYTES, headBytes: PREVIEW_BYTES });
    } catch (error) {
      if (error instanceof UploadTooLargeError) throw new ImportTooLargeError();
      throw error;
    }
    try {
      return await this.describeUpload(tenantId, kind, fileName, upload, createdBy);
    } finally {
      await upload.discard();
    }
  }

  private describeUpload(
    tenantId: string,
    kind: ImportKind,
    fileName: string,
    upload: SpooledUpload,
    createdBy: string | null,
  ): Promise<ImportResponse> {
    const total = upload.bytes;
    return this.database.transaction(tenantId, async (manager) => {
      if (total === 0) throw new ValidationFailedError([{ field: 'file', reason: 'is empty' }]);
      const { encoding, dates } = upload.sniffed;
      const preview = previewCsv(upload.head, encoding);
      if (preview.columns.length === 0) {
        throw new ValidationFailedError([{ field: 'file', reason: 'has no header row of column names' }]);
      }
      const headers = preview.columns.map((column) => column.header);
      if (headers.length > MAX_COLUMNS)
        throw new ValidationFailedError([
          { field: 'file', reason: `has ${headers.length} columns; at most ${MAX_COLUMNS} can be imported` },
        ]);
      const twice = headers.find((header, index) => header !== '' && headers.indexOf(header) !== index);
      if (twice !== undefined)
        throw new ValidationFailedError([
          {
            field: 'file',
            reason: `has two columns named "${printableCell(twice)}": rename one so each can be told apart`,
          },
        ]);
      for (const header of headers) {
        const fault = unsafeTextReason(header);
        if (fault)
          throw new ValidationFailedError([
            { field: 'file', reason: `has a column name that ${fault}: "${printableCell(header)}"` },
          ]);
      }
      const importId = await this.imports.create(manager, { kind, fileName, createdBy });
      let seq = 0;
      for await (const chunk of upload.chunks(CHUNK_BYTES))
        await this.imports.addChunk(manager, importId, seq++, chunk);
      const tenant = await this.accounts.findTenant(manager);
      await this.imports.describeFile(manager, importId, {
        bytes: total,
        preview,
        encoding,
        dateOrder: dateOrderFor(dates, tenant?.country ?? ''),
        ...suggestMapping(kind, headers),
      });
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
      if (unknown !== undefined)
        throw new ValidationFailedError([
          { field: 'mapping', reason: `names a column the file does not have: "${printableCell(unknown)}"` },
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

  /** Refused rows in line order, a page at a time (`cursor`: the last line of the page before). */
  problemPage(
    tenantId: string,
    id: string,
    query: { cursor?: string; limit?: number },
  ): Promise<Page<ImportProblemResponse>> {
    if (query.cursor !== undefined && !/^\d{1,9}$/.test(query.cursor))
      throw new ValidationFailedError([{ field: 'cursor', reason: 'is not a cursor from a previous page' }]);
    const after = query.cursor === undefined ? 0 : Number(query.cursor);
    return this.database.transaction(tenantId, async (manager) => {
      const row = await this.imports.find(manager, id);
      if (!row) throw new NotFoundError('Import');
      return this.imports.problemPage(manager, id, after, query.limit);
    });
  }

  problems(tenantId: string, id: string): Promise<{ fileName: string; problems: ImportProblemResponse[] }> {
    return this.database.transaction(tenantId, async (manager) => {
      const row = await this.imports.find(manager, id);
      if (!row) throw new NotFoundError('Import');
      return { fileName: row.file_name, problems: await this.imports.problems(manager, id) };
    });
  }
}
