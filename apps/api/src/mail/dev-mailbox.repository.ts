import { Injectable } from '@nestjs/common';
import { hasPermission } from '@rapport/domain';
import { Brackets, type SelectQueryBuilder } from 'typeorm';
import type { Viewer } from '../access/access.decorators';
import { TenantDatabase } from '../tenancy/tenant-database';
import { DevMailboxEntity } from './dev-mailbox.entity';

/**
 * Reads the development mailbox as one viewer may: this machine sees every email; a signed-in person the
 * emails addressed to them and, with a role that reads the business's automations, the emails of their
 * active business. An email no rule admits is not there.
 */
@Injectable()
export class DevMailboxRepository {
  constructor(private readonly database: TenantDatabase) {}

  /** The newest 100 emails the viewer may read, optionally to one recipient. */
  list(viewer: Viewer, to?: string): Promise<DevMailboxEntity[]> {
    return this.database.global((manager) => {
      const query = visibleTo(manager.getRepository(DevMailboxEntity).createQueryBuilder('mail'), viewer);
      if (to?.trim()) query.andWhere('mail.to = :to', { to: to.trim().toLowerCase() });
      return query.orderBy('mail.createdAt', 'DESC').take(100).getMany();
    });
  }

  find(viewer: Viewer, id: string): Promise<DevMailboxEntity | null> {
    return this.database.global((manager) =>
      visibleTo(manager.getRepository(DevMailboxEntity).createQueryBuilder('mail'), viewer)
        .andWhere('mail.id = :id', { id })
        .getOne(),
    );
  }
}

function visibleTo(
  query: SelectQueryBuilder<DevMailboxEntity>,
  viewer: Viewer,
): SelectQueryBuilder<DevMailboxEntity> {
  if (viewer.kind === 'local') return query;
  const mayReadBusiness =
    viewer.tenantId !== null && viewer.role !== null && hasPermission(viewer.role, 'automations:read');
  return query.where(
    new Brackets((either) => {
      either.where('mail.to = :self', { self: viewer.email.trim().toLowerCase() });
      if (mayReadBusiness) either.orWhere('mail.senderTenantId = :tenantId', { tenantId: viewer.tenantId });
    }),
  );
}
