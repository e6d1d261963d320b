import { Injectable } from '@nestjs/common';
import type { MembershipSummary, Role } from '@rapport/domain';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../database/query-rows';
import type { TenantManager, UserScopedManager } from '../tenancy/tenant-database';
import { tenantIdOf } from '../tenancy/tenant-database';
import { MembershipEntity } from './membership.entity';
import { TenantEntity } from './tenant.entity';
import { UserEntity } from './user.entity';

export interface UserWithPassword {
  user: UserEntity;
  passwordHash: string | null;
}

/** Queries on tenants, users and memberships. */
@Injectable()
export class AccountsRepository {
  async findUserWithPassword(manager: EntityManager, email: string): Promise<UserWithPassword | null> {
    const row = await manager
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('lower(user.email) = lower(:email)', { email })
      .getOne();
    return row ? { user: row, passwordHash: row.passwordHash } : null;
  }

  findUserById(manager: EntityManager, id: string): Promise<UserEntity | null> {
    return manager.getRepository(UserEntity).findOneBy({ id });
  }

  createUser(
    manager: EntityManager,
    input: { email: string; name: string; passwordHash: string },
  ): Promise<UserEntity> {
    const repository = manager.getRepository(UserEntity);
    return repository.save(repository.create(input));
  }

  /** The businesses a user belongs to, oldest membership first. */
  async membershipsOf(manager: UserScopedManager, userId: string): Promise<MembershipSummary[]> {
    const rows = await queryRows<{ tenant_id: string; name: string; role: Role }>(
      manager,
      `SELECT m.tenant_id, t.name, m.role
         FROM memberships m JOIN tenants t ON t.id = m.tenant_id
        WHERE m.user_id = $1
        ORDER BY m.created_at, t.name`,
      [userId],
    );
    return rows.map((row) => ({ tenantId: row.tenant_id, businessName: row.name, role: row.role }));
  }

  findTenant(manager: TenantManager): Promise<TenantEntity | null> {
    return manager.getRepository(TenantEntity).findOneBy({ id: tenantIdOf(manager) });
  }

  /** Inserts the tenant row of the manager's own tenant id (the id is chosen before the transaction). */
  createTenant(
    manager: TenantManager,
    input: { name: string; timeZone: string; locale: string; country: string; isDemo?: boolean },
  ): Promise<TenantEntity> {
    const repository = manager.getRepository(TenantEntity);
    return repository.save(repository.create({ ...input, id: tenantIdOf(manager) }));
  }

  addMember(manager: TenantManager, userId: string, role: Role): Promise<MembershipEntity> {
    const repository = manager.getRepository(MembershipEntity);
    return repository.save(repository.create({ tenantId: tenantIdOf(manager), userId, role }));
  }
}
