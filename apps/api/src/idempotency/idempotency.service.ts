import { createHash } from 'node:crypto';
import { createParamDecorator, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppError, ValidationFailedError } from '../errors/app-error';
import { TenantDatabase, type TenantManager, tenantIdOf } from '../tenancy/tenant-database';
import { execute, queryRow } from '../database/query-rows';

export interface StoredResponse<T> {
  statusCode: number;
  body: T;
}

export class IdempotencyKeyReusedError extends AppError {
  readonly status = 422;
  readonly code = 'idempotency_key_reused';
  constructor() {
    super('This Idempotency-Key was already used for a different request');
  }
}

/** The `Idempotency-Key` header, checked for shape; undefined when absent. */
export const IdempotencyKey = createParamDecorator(
  (_: unknown, context: ExecutionContext): string | undefined => {
    const header = context.switchToHttp().getRequest<FastifyRequest>().headers['idempotency-key'];
    if (header === undefined) return undefined;
    if (typeof header !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(header)) {
      throw new ValidationFailedError([
        { field: 'Idempotency-Key', reason: 'must be 1 to 200 visible ASCII characters' },
      ]);
    }
    return header;
  },
);

/**
 * Runs a write once per Idempotency-Key: a retried request gets the first answer back, whatever happened
 * to the network in between. The key, the work and the stored answer share one transaction, and
 * concurrent requests with one key wait for each other on an advisory lock.
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly database: TenantDatabase) {}

  run<T>(
    tenantId: string,
    key: string | undefined,
    request: { route: string; body: unknown },
    work: (manager: TenantManager) => Promise<StoredResponse<T>>,
  ): Promise<StoredResponse<T>> {
    if (key === undefined) return this.database.transaction(tenantId, work);
    const requestHash = createHash('sha256')
      .update(`${request.route}\n${JSON.stringify(request.body)}`)
      .digest();
    return this.database.transaction(tenantId, async (manager) => {
      await execute(manager, `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
        `${tenantIdOf(manager)}:${key}`,
      ]);
      const stored = await queryRow<{ request_hash: Buffer; status_code: number; response: T }>(
        manager,
        `SELECT request_hash, status_code, response FROM idempotency_keys WHERE tenant_id = $1 AND key = $2`,
        [tenantIdOf(manager), key],
      );
      if (stored) {
        if (!Buffer.from(stored.request_hash).equals(requestHash)) throw new IdempotencyKeyReusedError();
        return { statusCode: stored.status_code, body: stored.response };
      }
      const response = await work(manager);
      await execute(
        manager,
        `INSERT INTO idempotency_keys (tenant_id, key, request_hash, status_code, response) VALUES ($1, $2, $3, $4, $5)`,
        [tenantIdOf(manager), key, requestHash, response.statusCode, JSON.stringify(response.body)],
      );
      return response;
    });
  }
}
