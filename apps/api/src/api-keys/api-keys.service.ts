import { Injectable } from '@nestjs/common';
import type { ApiKeyResponse, CreateApiKeyRequest, CreatedApiKeyResponse } from '@rapport/domain';
import { AuditLog } from '../audit/audit-log';
import type { AuditActor, ClientInfo, ApiKeyPrincipal } from '../access/principal';
import { NotFoundError } from '../errors/app-error';
import { TenantDatabase, type TenantManager } from '../tenancy/tenant-database';
import { ApiKeysRepository, type ApiKeyRow } from './api-keys.repository';
import { isSecretOf, newApiKey, parseApiKey } from './api-key-token';

/** Writing last_used_at on every call would turn integration reads into writes; once a minute is enough. */
const TOUCH_INTERVAL_MS = 60_000;

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly database: TenantDatabase,
    private readonly audit: AuditLog,
    private readonly keys: ApiKeysRepository,
  ) {}

  list(tenantId: string): Promise<ApiKeyResponse[]> {
    return this.database.transaction(tenantId, async (manager) => {
      const keys = await this.keys.listLive(manager);
      const creators = await this.creatorNames(manager, keys);
      return keys.map((key) => toResponse(key, creators));
    });
  }

  create(tenantId: string, actor: AuditActor, input: CreateApiKeyRequest): Promise<CreatedApiKeyResponse> {
    return this.database.transaction(tenantId, async (manager) => {
      const { token, keyId, prefix, secretHash } = newApiKey(tenantId);
      const key = await this.keys.create(manager, {
        id: keyId,
        name: input.name.trim(),
        prefix,
        secretHash,
        scopes: [...input.scopes].sort(),
        createdBy: actor.userId,
      });
      await this.audit.record(manager, actor, 'api_key.created', key.name, { prefix, scopes: key.scopes });
      return { ...toResponse(key, await this.creatorNames(manager, [key])), key: token };
    });
  }

  revoke(tenantId: string, actor: AuditActor, keyId: string): Promise<void> {
    return this.database.transaction(tenantId, async (manager) => {
      const key = await this.keys.findLive(manager, keyId);
      if (!key) throw new NotFoundError('API key');
      await this.keys.revoke(manager, keyId, new Date());
      await this.audit.record(manager, actor, 'api_key.revoked', key.name, { prefix: key.prefix });
    });
  }

  /** The principal for a bearer token, or null for an unknown, revoked or malformed key. */
  async authenticate(token: string, client: ClientInfo): Promise<ApiKeyPrincipal | null> {
    const parsed = parseApiKey(token);
    if (!parsed) return null;
    return this.database.transaction(parsed.tenantId, async (manager) => {
      const key = await this.keys.findLive(manager, parsed.keyId);
      if (!key || !isSecretOf(parsed.secret, key.secretHash)) return null;
      if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
        await this.keys.touch(manager, key.id, new Date());
      }
      return {
        kind: 'api-key',
        apiKeyId: key.id,
        keyName: key.name,
        tenantId: key.tenantId,
        scopes: key.scopes,
        client,
      };
    });
  }

  /** Who created the keys, by user id, read in one query. */
  private async creatorNames(manager: TenantManager, keys: ApiKeyRow[]): Promise<Map<string, string>> {
    const ids = [...new Set(keys.map((key) => key.createdBy).filter((id): id is string => id !== null))];
    if (ids.length === 0) return new Map();
    const users = await this.keys.creatorNames(manager, ids);
    return new Map(users.map((user) => [user.id, user.name]));
  }
}

function toResponse(key: ApiKeyRow, creators: Map<string, string>): ApiKeyResponse {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes,
    createdBy: (key.createdBy && creators.get(key.createdBy)) ?? null,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
  };
}
