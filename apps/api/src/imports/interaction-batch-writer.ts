import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ImportMapping, ImportProblemResponse, InteractionImportRow } from '@rapport/domain';
import { withinSavepoint } from '../database/savepoint';
import { AppError, ValidationFailedError } from '../errors/app-error';
import { type InteractionInput, InteractionsService } from '../interactions/interactions.service';
import type { TenantManager } from '../tenancy/tenant-database';

/** Thrown to undo a dry run's row: its savepoint rolls back, and the row counts as one that would go in. */
const DRY_RUN_UNDO = Symbol('dry run');

/** Where a refusal by the interactions' own rules points in the file: the API field's column. */
const COLUMN_OF_FIELD: Record<string, string> = {
  'contact.email': 'email',
  contact: 'email',
  status: 'status',
  message: 'message',
  amount: 'amount',
  currency: 'currency',
};

/**
 * Writes a batch of imported enquiries, quotes or appointments through the same service as the API, so
 * each is idempotent by its id, moves only along its type's steps and plans its follow-ups. A row the
 * service refuses (an id first sent for another person) is undone alone and reported; the batch goes on.
 */
@Injectable()
export class InteractionBatchWriter {
  constructor(private readonly interactions: InteractionsService) {}

  /**
   * A dry run writes each row the same way and undoes it: what the check reports is what the import
   * would do, rules about what is already stored included.
   */
  async write(
    manager: TenantManager,
    rows: readonly { parsed: InteractionImportRow; line: number }[],
    mapping: ImportMapping,
    isDryRun: boolean,
  ): Promise<{ imported: number; problems: ImportProblemResponse[] }> {
    let imported = 0;
    const problems: ImportProblemResponse[] = [];
    for (const { parsed, line } of rows) {
      try {
        await withinSavepoint(manager, async () => {
          await this.interactions.upsertWithin(manager, 'csv', parsed.type, inputOf(parsed));
          if (isDryRun) throw DRY_RUN_UNDO;
        });
        imported += 1;
      } catch (error) {
        if (error === DRY_RUN_UNDO) {
          imported += 1;
          continue;
        }
        if (!(error instanceof ValidationFailedError) && !(error instanceof AppError && error.status < 500))
          throw error;
        const [detail] = error.details ?? [];
        const field = detail ? COLUMN_OF_FIELD[detail.field] : undefined;
        const column = field
          ? (Object.keys(mapping).find((header) => mapping[header] === field) ?? null)
          : null;
        problems.push({
          line,
          column,
          value: null,
          reason: detail ? `${column ?? detail.field}: ${detail.reason}` : error.message,
        });
      }
    }
    return { imported, problems };
  }
}

function inputOf(row: InteractionImportRow): InteractionInput {
  return {
    externalId: row.externalId ?? rowId(row),
    contact: row.contact,
    occurredAt: row.occurredAt.toISOString(),
    subject: row.subject,
    message: row.message,
    amount: row.amount,
    currency: row.currency,
    validUntil: row.validUntil?.toISOString() ?? null,
    startsAt: row.startsAt?.toISOString(),
    status: row.status,
    statusAt: row.statusAt?.toISOString(),
    referralCode: row.referralCode,
  };
}

/**
 * The id of a row whose file has none (a calendar's bookings, a form tool's enquiries): its person and
 * moments as the file writes them, so importing the file again finds the same one, and a slot cancelled
 * and booked again (two rows, two booking times) stays two bookings.
 */
function rowId(row: InteractionImportRow): string {
  return `row-${createHash('sha256').update(row.rowKey).digest('base64url').slice(0, 22)}`;
}
