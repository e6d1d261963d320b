import { Injectable } from '@nestjs/common';
import type { Role } from '@rapport/domain';
import { execute, queryRow, queryRows } from '../database/query-rows';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';

/** An email invited to join a business with a role (`invitations`); single use, valid 7 days. */
export interface InvitationRow {
  id: string;
  email: string;
  role: Role;
  invitedBy: string | null;
  createdAt: Date;
  expiresAt: Date;
}

const INVITATION_COLUMNS = `id, email, role, invited_by AS "invitedBy", created_at AS "createdAt",
  expires_at AS "expiresAt"`;

/** A business's invitations: issued, listed while open, revoked, and accepted once. */
@Injectable()
export class InvitationsRepository {
  async create(
    manager: TenantManager,
    input: { email: string; role: Role; tokenHash: Buffer; invitedBy: string | null; expiresAt: Date },
  ): Promise<void> {
    await execute(
      manager,
      `INSERT INTO invitations (tenant_id, email, role, token_hash, invited_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [tenantIdOf(manager), input.email, input.role, input.tokenHash, input.invitedBy, input.expiresAt],
    );
  }

  /** Invitations neither accepted nor revoked (expired ones included), newest first. */
  listOpen(manager: TenantManager): Promise<InvitationRow[]> {
    return queryRows<InvitationRow>(
      manager,
      `SELECT ${INVITATION_COLUMNS} FROM invitations
        WHERE tenant_id = $1 AND accepted_at IS NULL AND revoked_at IS NULL
        ORDER BY created_at DESC`,
      [tenantIdOf(manager)],
    );
  }

  findOpen(manager: TenantManager, id: string): Promise<InvitationRow | null> {
    return queryRow<InvitationRow>(
      manager,
      `SELECT ${INVITATION_COLUMNS} FROM invitations
        WHERE tenant_id = $1 AND id = $2 AND accepted_at IS NULL AND revoked_at IS NULL`,
      [tenantIdOf(manager), id],
    );
  }

  /** The open invitation with this token hash, held until the transaction ends so it is used once. */
  findOpenByTokenForUpdate(manager: TenantManager, tokenHash: Buffer): Promise<InvitationRow | null> {
    return queryRow<InvitationRow>(
      manager,
      `SELECT ${INVITATION_COLUMNS} FROM invitations
        WHERE tenant_id = $1 AND token_hash = $2 AND accepted_at IS NULL AND revoked_at IS NULL
          FOR UPDATE`,
      [tenantIdOf(manager), tokenHash],
    );
  }

  /** Withdraws the open invitations to an email (any case), so only a newer link works. */
  async revokeOpenFor(manager: TenantManager, email: string): Promise<void> {
    await execute(
      manager,
      `UPDATE invitations SET revoked_at = now()
        WHERE tenant_id = $1 AND lower(email) = lower($2) AND accepted_at IS NULL AND revoked_at IS NULL`,
      [tenantIdOf(manager), email],
    );
  }

  async revoke(manager: TenantManager, id: string, at: Date): Promise<void> {
    await execute(manager, `UPDATE invitations SET revoked_at = $3 WHERE tenant_id = $1 AND id = $2`, [
      tenantIdOf(manager),
      id,
      at,
    ]);
  }

  async markAccepted(manager: TenantManager, id: string, userId: string, at: Date): Promise<void> {
    await execute(
      manager,
      `UPDATE invitations SET accepted_at = $3, accepted_by = $4 WHERE tenant_id = $1 AND id = $2`,
      [tenantIdOf(manager), id, at, userId],
    );
  }
}
