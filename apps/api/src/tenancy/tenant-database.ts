import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { preparedExecute } from '../database/prepared-query';
import { MissingTenantContextError } from './tenancy.errors';
import { execute } from '../database/query-rows';

const TENANT_ID = Symbol('tenantId');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An EntityManager bound to one transaction in which `app.tenant_id` is set. Repositories of
 * tenant-owned data take this type, so they cannot be called outside a tenant context.
 */
export type TenantManager = EntityManager & { readonly [TENANT_ID]: string };

/** An EntityManager for one user's own rows across businesses (sign-in, business switcher). */
export type UserScopedManager = EntityManager & { readonly userScope: true };

/** The tenant id a TenantManager is bound to, for INSERTs that must name it. */
export function tenantIdOf(manager: TenantManager): string {
  return manager[TENANT_ID];
}

/**
 * The one way into tenant-owned data. Every call is a transaction whose first statement sets the
 * tenant with `set_config(..., true)`: transaction-local, so a pooled connection never carries it into
 * another request (a session-level SET would).
 */
@Injectable()
export class TenantDatabase {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async transaction<T>(tenantId: string, work: (manager: TenantManager) => Promise<T>): Promise<T> {
    if (!UUID.test(tenantId)) throw new MissingTenantContextError();
    return this.dataSource.transaction(async (manager) => {
      await preparedExecute(manager, 'set-tenant', `SELECT set_config('app.tenant_id', $1, true)`, [
        tenantId,
      ]);
      return work(Object.assign(manager, { [TENANT_ID]: tenantId }) as TenantManager);
    });
  }

  /** Rows a user may see across businesses: their memberships and those businesses' names. */
  async asUser<T>(userId: string, work: (manager: UserScopedManager) => Promise<T>): Promise<T> {
    if (!UUID.test(userId)) throw new MissingTenantContextError();
    return this.dataSource.transaction(async (manager) => {
      await execute(manager, `SELECT set_config('app.user_id', $1, true)`, [userId]);
      return work(Object.assign(manager, { userScope: true as const }));
    });
  }

  /** Tables that no tenant owns (users, sessions); RLS hides every tenant row here. */
  async global<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
