import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportKind, ImportProblemResponse, ImportResponse, Page } from '@rapport/domain';
import type { HttpClient } from './http-client';
import { withClient } from './test-database';

/** A file under apps/api/test/commerce/fixtures, as bytes. */
export function fixture(name: string): Buffer {
  return readFileSync(join(__dirname, '..', 'commerce', 'fixtures', name));
}

/** Uploads a file as the console does (the raw body); fails the test unless it is accepted. */
export async function uploadImport(
  staff: HttpClient,
  kind: ImportKind,
  file: string | Buffer,
  fileName: string,
): Promise<ImportResponse> {
  const result = await staff.request<ImportResponse>(
    'POST',
    `/api/imports/${kind}?fileName=${encodeURIComponent(fileName)}`,
    file,
    { 'content-type': 'text/csv' },
  );
  if (result.status !== 201)
    throw new Error(`Upload failed: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body;
}

/** Starts an import (or a dry run) and waits until it has finished. */
export async function runImport(
  staff: HttpClient,
  id: string,
  mapping: Record<string, string>,
  dryRun = false,
): Promise<ImportResponse> {
  const started = await staff.post<ImportResponse>(`/api/imports/${id}/start`, { mapping, dryRun });
  if (started.status !== 202)
    throw new Error(`Start failed: ${started.status} ${JSON.stringify(started.body)}`);
  for (let attempt = 0; attempt < 200; attempt++) {
    const current = await staff.get<ImportResponse>(`/api/imports/${id}`);
    if (current.body.status === 'completed' || current.body.status === 'failed') return current.body;
    await new Promise((wait) => setTimeout(wait, 100));
  }
  throw new Error('The import did not finish');
}

/** Every refused row, through the paged list the console shows. */
export async function importProblems(staff: HttpClient, id: string): Promise<ImportProblemResponse[]> {
  const problems: ImportProblemResponse[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `?cursor=${cursor}` : '';
    const page = await staff.get<Page<ImportProblemResponse>>(`/api/imports/${id}/problems${query}`);
    problems.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return problems;
}

export interface StoredOrder {
  externalId: string;
  status: string;
  total: string;
  buyer: string;
  lines: number;
  events: string[];
}

/** A business's CSV orders as stored, read below the API: status, total, buyer, lines and events. */
export async function storedOrders(ownerUrl: string, tenantId: string): Promise<Map<string, StoredOrder>> {
  return withClient(ownerUrl, async (db) => {
    const { rows } = await db.query<StoredOrder>(
      `SELECT o.external_id AS "externalId", o.status, o.total::text AS total, c.name AS buyer,
              (SELECT count(*)::int FROM order_lines l WHERE l.tenant_id = o.tenant_id AND l.order_id = o.id) AS lines,
              (SELECT coalesce(array_agg(e.type ORDER BY e.type), '{}') FROM order_events e
                WHERE e.tenant_id = o.tenant_id AND e.order_id = o.id) AS events
         FROM orders o JOIN customers c ON c.tenant_id = o.tenant_id AND c.id = o.customer_id
        WHERE o.tenant_id = $1 AND o.source = 'csv'`,
      [tenantId],
    );
    return new Map(rows.map((row) => [row.externalId, row]));
  });
}
