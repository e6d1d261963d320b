import { Injectable } from '@nestjs/common';
import type { ApiKeyScope } from '@rapport/domain';
import { execute, queryRow, queryRows } from '../database/query-rows';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';

/** An integration's key (`api_keys`). Only the SHA-256 of its secret is stored; the key is shown once. */
export interface ApiKeyRow {
  tenantId: string;
  id: string;
  name: string;
  prefix: string;
  secretHash: Buffer;
  scopes: ApiKeyScope[];
  createdBy: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
}

const API_KEY_COLUMNS = `tenant_id AS "tenantId", id, name, prefix, secret_hash AS "secretHash", scopes,
  created_by AS "createdBy", created_at AS "createdAt", last_used_at AS "lastUsedAt"`;

/** A business's API keys: issued, listed, revoked, and checked on every call made with one. */
@Injectable()
export class ApiKeysRepository {
  /** The keys not revoked, newest first. */
  listLive(manager: TenantManager): Promise<ApiKeyRow[]> {
    return queryRows<ApiKeyRow>(
      manager,
      `SELECT ${API_KEY_COLUMNS} FROM api_keys WHERE tenant_id = $1 AND revoked_at IS NULL ORDER BY created_at DESC`,
      [tenantIdOf(manager)],
    );
  }

  findLive(manager: TenantManager, id: string): Promise<ApiKeyRow | null> {
    return queryRow<ApiKeyRow>(
      manager,
      `SELECT ${API_KEY_COLUMNS} FROM api_keys WHERE tenant_id = $1 AND id = $2 AND revoked_at IS NULL`,
      [tenantIdOf(manager), id],
    );
  }

  async create(
    manager: TenantManager,
    input: {
      id: string;
      name: string;
      prefix: string;
      secretHash: Buffer;
      scopes: ApiKeyScope[];
      createdBy: string | null;
    },
  ): Promise<ApiKeyRow> {
    const [key] = await queryRows<ApiKeyRow>(
      manager,
      `INSERT INTO api_keys (tenant_id, id, name, prefix, secret_hash, scopes, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${API_KEY_COLUMNS}`,
      [
        tenantIdOf(manager),
        input.id,
        input.name,
        input.prefix,
        input.secretHash,
        input.scopes,
        input.createdBy,
      ],
    );
    return key;
  }

  async revoke(manager: TenantManager, id: string, at: Date): Promise<void> {
    await execute(manager, `UPDATE api_keys SET revoked_at = $3 WHERE tenant_id = $1 AND id = $2`, [
      tenantIdOf(manager),
      id,
      at,
    ]);
  }

  async touch(manager: TenantManager, id: string, at: Date): Promise<void> {
    await execute(manager, `UPDATE api_keys SET last_used_at = $3 WHERE tenant_id = $1 AND id = $2`, [
      tenantIdOf(manager),
      id,
      at,
    ]);
  }

  /** The names of the users who created keys, by id. */
  creatorNames(manager: TenantManager, userIds: string[]): Promise<{ id: string; name: string }[]> {
    return queryRows<{ id: string; name: string }>(manager, `SELECT id, name FROM users WHERE id = ANY($1)`, [
      userIds,
    ]);
  }
}
