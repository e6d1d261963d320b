import { pipeline, Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { parse } from 'csv-parse';
import {
  type CustomerImportRow,
  type ImportProblemResponse,
  type InteractionImportKind,
  type InteractionImportRow,
  isInteractionImport,
  type OrderImportRow,
  OrderRowReader,
  readCustomerRow,
  readInteractionRow,
  type RowResult,
} from '@rapport/domain';
import { AccountsRepository } from '../accounts/accounts.repository';
import { decodeStream } from 'iconv-lite';
import { OrdersService } from '../orders/orders.service';
import { TenantDatabase } from '../tenancy/tenant-database';
import { CustomerBatchWriter } from './customer-batch-writer';
import { importFormatOf, type ImportRow } from './import-row';
import { InteractionBatchWriter } from './interaction-batch-writer';
import { ImportsRepository } from './imports.repository';
import { execute } from '../database/query-rows';

const CUSTOMER_BATCH = 5000;
const ORDER_BATCH = 200;
/** Each row is written through the interactions' own rules, a few statements each. */
const INTERACTION_BATCH = 200;
/** Ids of a file remembered to find one given to two people; past this many, the database still does. */
const REMEMBERED_IDS = 200_000;
export const LEASE_SECONDS = 60;
/** Rows from which a finished import refreshes the planner's statistics (autovacuum catches up on fewer). */
export const REFRESH_STATISTICS_FROM = 1000;

interface ParsedRecord {
  record: Record<string, string>;
  line: number;
}

/**
 * Runs one claimed import: streams the stored file chunk by chunk through its decoder and the CSV parser
 * and writes it in batches. Each batch's rows, problems and progress commit together, so a crash loses at
 * most the batch in flight, and the next run resumes after the last committed row. Memory does not grow
 * with the file.
 */
@Injectable()
export class ImportRunner {
  private readonly logger = new Logger(ImportRunner.name);

  constructor(
    private readonly database: TenantDatabase,
    private readonly imports: ImportsRepository,
    private readonly customers: CustomerBatchWriter,
    private readonly orders: OrdersService,
    private readonly interactions: InteractionBatchWriter,
    private readonly accounts: AccountsRepository,
  ) {}

  async run(tenantId: string, importId: string): Promise<void> {
    const job = await this.database.transaction(tenantId, (manager) => this.imports.find(manager, importId));
    if (!job) return;
    try {
      const total =
        job.kind === 'customers'
          ? await this.runCustomers(tenantId, job)
          : isInteractionImport(job.kind)
            ? await this.runInteractions(tenantId, job, job.kind)
            : await this.runOrders(tenantId, job);
      if (!job.is_dry_run && total >= REFRESH_STATISTICS_FROM)
        await this.refreshStatistics(tenantId, importId);
      await this.database.transaction(tenantId, (manager) =>
        this.imports.finish(manager, importId, { rowsTotal: total }),
      );
    } catch (error) {
      const failure = error instanceof Error ? error.message : String(error);
      this.logger.warn({ tenantId, importId, failure }, 'Import failed');
      await this.database.transaction(tenantId, (manager) =>
        this.imports.finish(manager, importId, { failure }),
      );
    }
  }

  /**
   * Before the import shows as finished: the next thing people do is search what they imported, and the
   * planner would still be working from the table's size before it. A failure here is only logged.
   */
  private async refreshStatistics(tenantId: string, importId: string): Promise<void> {
    try {
      await this.database.global((manager) => execute(manager, `SELECT refresh_commerce_statistics()`));
    } catch (error) {
      this.logger.warn({ tenantId, importId, err: error }, 'Refreshing statistics after an import failed');
    }
  }

  private async runCustomers(tenantId: string, job: ImportRow): Promise<number> {
    let rowIndex = 0;
    let batch: { row: ParsedRecord; index: number }[] = [];
    const flush = async () => {
      const valid: CustomerImportRow[] = [];
      const problems: ImportProblemResponse[] = [];
      for (const { row } of batch) {
        const result = readCustomerRow(row.record, job.mapping);
        if (result.ok) valid.push(result.value);
        else problems.push(problemOf(row.line, result));
      }
      await this.database.transaction(tenantId, async (manager) => {
        if (!job.is_dry_run) await this.customers.write(manager, valid);
        await this.imports.recordBatch(
          manager,
          job.id,
          { rowsProcessed: rowIndex, imported: valid.length, problems },
          LEASE_SECONDS,
        );
      });
      batch = [];
    };
    await forEachRecord(
      this.records(tenantId, job),
      async (row) => {
        rowIndex += 1;
        if (rowIndex <= job.rows_processed) return;
        batch.push({ row, index: rowIndex });
        if (batch.length >= CUSTOMER_BATCH) await flush();
      },
      async () => {
        if (batch.length > 0) await flush();
      },
    );
    if (batch.length > 0) await flush();
    return rowIndex;
  }

  /**
   * One enquiry, quote or appointment per row. Dates without a zone are the business's wall-clock time
   * (a booking at 10:00 is at 10:00 where the business is), and "now" is fixed when the run starts, so a
   * resumed run reads its rows as the first part did.
   */
  private async runInteractions(
    tenantId: string,
    job: ImportRow,
    kind: InteractionImportKind,
  ): Promise<number> {
    const tenant = await this.database.transaction(tenantId, (manager) => this.accounts.findTenant(manager));
    const format = { ...importFormatOf(job), timeZone: tenant?.timeZone ?? 'UTC' };
    const now = job.started_at ?? new Date();
    let rowIndex = 0;
    let batch: { parsed: InteractionImportRow; line: number }[] = [];
    let problems: ImportProblemResponse[] = [];
    const flush = async () => {
      await this.database.transaction(tenantId, async (manager) => {
        const written = await this.interactions.write(manager, batch, job.mapping, job.is_dry_run);
        await this.imports.recordBatch(
          manager,
          job.id,
          {
            rowsProcessed: rowIndex,
            imported: written.imported,
            problems: [...problems, ...written.problems].sort((a, b) => a.line - b.line),
          },
          LEASE_SECONDS,
        );
      });
      batch = [];
      problems = [];
    };
    // An id the file gives two people is refused at its second row, in a dry run too (whose rows are
    // undone one by one, so the database cannot see the first).
    const firstPerson = new Map<string, string>();
    const emailColumn = Object.keys(job.mapping).find((header) => job.mapping[header] === 'email') ?? null;
    await forEachRecord(
      this.records(tenantId, job),
      async (row) => {
        rowIndex += 1;
        const result = readInteractionRow(kind, row.record, job.mapping, now, format);
        const id = result.ok ? result.value.externalId : null;
        const email = result.ok ? result.value.contact.email.toLowerCase() : '';
        const first = id === null ? undefined : firstPerson.get(id);
        if (id !== null && first === undefined && firstPerson.size < REMEMBERED_IDS)
          firstPerson.set(id, email);
        if (rowIndex <= job.rows_processed) return;
        if (first !== undefined && first !== email)
          problems.push({
            line: row.line,
            column: emailColumn,
            value: null,
            reason: `${emailColumn ?? 'Email'}: is not the person ${id} was first sent for`,
          });
        else if (result.ok) batch.push({ parsed: result.value, line: row.line });
        else problems.push(problemOf(row.line, result));
        if (batch.length + problems.length >= INTERACTION_BATCH) await flush();
      },
      // The rows read before an unreadable one are kept, as the page says.
      async () => {
        if (batch.length > 0 || problems.length > 0) await flush();
      },
    );
    if (batch.length > 0 || problems.length > 0) await flush();
    return rowIndex;
  }

  /**
   * Rows are order lines; consecutive rows with one order number make one order. A batch ends where an
   * order begins, so a resumed run starts at an order's first row.
   */
  private async runOrders(tenantId: string, job: ImportRow): Promise<number> {
    const reader = new OrderRowReader(job.mapping, importFormatOf(job));
    let rowIndex = 0;
    let groups: { rows: { parsed: OrderImportRow; line: number }[] }[] = [];
    let problems: ImportProblemResponse[] = [];
    let currentId: string | null = null;
    let flushedThrough = job.rows_processed;
    const flush = async (throughRow: number) => {
      const pending = groups;
      const pendingProblems = problems;
      groups = [];
      problems = [];
      let imported = 0;
      await this.database.transaction(tenantId, async (manager) => {
        for (const group of pending) {
          const [first] = group.rows;
          if (!first) continue;
          const lines = group.rows.flatMap(({ parsed }) => (parsed.line ? [parsed.line] : []));
          if (!job.is_dry_run) {
            await this.orders.upsertWithin(manager, 'csv', {
              externalId: first.parsed.externalId,
              customer: first.parsed.customer,
              placedAt: first.parsed.placedAt.toISOString(),
              status: first.parsed.status,
              total: first.parsed.total,
              currency: first.parsed.currency,
              lines,
            });
          }
          imported += group.rows.length;
        }
        await this.imports.recordBatch(
          manager,
          job.id,
          { rowsProcessed: throughRow, imported, problems: pendingProblems },
          LEASE_SECONDS,
        );
      });
      flushedThrough = throughRow;
    };
    for await (const row of this.records(tenantId, job)) {
      rowIndex += 1;
      if (rowIndex <= job.rows_processed) continue;
      const result = reader.read(row.record, row.line);
      if (!result.ok) {
        problems.push(problemOf(row.line, result));
        continue;
      }
      if (currentId !== result.value.externalId || groups.length === 0) {
        // An order boundary: a safe place to commit, since no order is split across batches.
        if (groups.length >= ORDER_BATCH) await flush(rowIndex - 1);
        currentId = result.value.externalId;
        groups.push({ rows: [] });
      }
      groups[groups.length - 1]?.rows.push({ parsed: result.value, line: row.line });
    }
    if (groups.length > 0 || problems.length > 0 || flushedThrough < rowIndex) await flush(rowIndex);
    return rowIndex;
  }

  /** The stored file's records, reading one chunk at a time. */
  private records(tenantId: string, job: ImportRow): AsyncIterable<ParsedRecord> {
    const database = this.database;
    const imports = this.imports;
    async function* chunks(): AsyncGenerator<Buffer> {
      for (let seq = 0; ; seq++) {
        const chunk = await database.transaction(tenantId, (manager) => imports.chunk(manager, job.id, seq));
        if (!chunk) return;
        yield chunk;
      }
    }
    // One stored chunk (1 MiB) read ahead, not Readable.from's default of sixteen. A failure anywhere
    // (reading a chunk, decoding) ends the parser with it, so the run fails instead of waiting.
    const parser = pipeline(
      Readable.from(chunks(), { highWaterMark: 1 }),
      decodeStream(job.encoding ?? 'utf-8'),
      parse({
        bom: true,
        delimiter: job.delimiter ?? ',',
        columns: (headers: string[]) => headers.map((header) => header.trim()),
        relax_column_count: true,
        skip_empty_lines: true,
        info: true,
      }),
      () => undefined,
    );
    return (async function* () {
      // The parser reports where a record ends; people look for where it starts (a quoted field may span lines).
      let previousEnd = 1;
      let previousEmpty = 0;
      const parsed = (
        parser as AsyncIterable<{
          record: Record<string, string>;
          info: { lines: number; empty_lines: number };
        }>
      )[Symbol.asyncIterator]();
      for (;;) {
        let next: IteratorResult<{
          record: Record<string, string>;
          info: { lines: number; empty_lines: number };
        }>;
        try {
          next = await parsed.next();
        } catch (error) {
          // Where the unreadable row starts, not where the parser gave up (a quote left open runs to the end).
          const reason = error instanceof Error ? error.message : String(error);
          throw new Error(`line ${previousEnd + 1}: ${reason}`);
        }
        if (next.done) return;
        const { record, info } = next.value;
        const start = previousEnd + 1 + (info.empty_lines - previousEmpty);
        previousEnd = info.lines;
        previousEmpty = info.empty_lines;
        yield { record, line: start };
      }
    })();
  }
}

/** Each record in turn; when the file cannot be read further, `keep` saves what came before, then it fails. */
async function forEachRecord(
  records: AsyncIterable<ParsedRecord>,
  visit: (row: ParsedRecord) => Promise<void>,
  keep: () => Promise<void>,
): Promise<void> {
  const iterator = records[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<ParsedRecord>;
    try {
      next = await iterator.next();
    } catch (error) {
      await keep();
      throw error;
    }
    if (next.done) return;
    await visit(next.value);
  }
}

function problemOf(line: number, refusal: Extract<RowResult<unknown>, { ok: false }>): ImportProblemResponse {
  return { line, column: refusal.column, value: refusal.value, reason: refusal.reason };
}
