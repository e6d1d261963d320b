import { Injectable } from '@nestjs/common';
import type { MembershipSummary, Role, SenderSettings } from '@rapport/domain';
import type { EntityManager } from 'typeorm';
import { execute, queryRow, queryRows } from '../database/query-rows';
import type { TenantManager, UserScopedManager } from '../tenancy/tenant-database';
import { tenantIdOf } from '../tenancy/tenant-database';

/** A person who signs in (`users`); the password hash is read only with `findUserWithPassword`. */
export interface UserRow {
  id: string;
  email: string;
  name: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A business (`tenants`), as the business and sign-in features read it: its sender settings and the rest. */
export interface TenantRow extends SenderSettings {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  country: string;
  retentionMonths: number | null;
  pausedAt: Date | null;
  pausedReason: string | null;
  isDemo: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** What a business's owner may change on its row (the settings have their own repository). */
export type TenantChanges = Partial<
  Pick<
    TenantRow,
    | 'name'
    | 'timeZone'
    | 'locale'
    | 'country'
    | 'retentionMonths'
    | 'senderName'
    | 'senderEmail'
    | 'contactPhone'
    | 'contactEmail'
    | 'postalAddress'
    | 'brandColor'
    | 'logoUrl'
    | 'sendWindow'
    | 'pausedAt'
    | 'pausedReason'
  >
>;

/** A user's role in one business (`memberships`). */
export interface MembershipRow {
  tenantId: string;
  id: string;
  userId: string;
  role: Role;
  createdAt: Date;
}

export interface UserWithPassword {
  user: UserRow;
  passwordHash: string | null;
}

const USER_COLUMNS = `id, email, name, created_at AS "createdAt", updated_at AS "updatedAt"`;

const TENANT_COLUMNS = `id, name, time_zone AS "timeZone", locale, country, retention_months AS "retentionMonths",
  sender_name AS "senderName", sender_email AS "senderEmail", contact_phone AS "contactPhone",
  contact_email AS "contactEmail", postal_address AS "postalAddress", brand_color AS "brandColor",
  logo_url AS "logoUrl", send_window AS "sendWindow", paused_at AS "pausedAt", paused_reason AS "pausedReason",
  is_demo AS "isDemo", created_at AS "createdAt", updated_at AS "updatedAt"`;

/** The column each changeable field is stored in. */
const TENANT_CHANGE_COLUMNS: Record<keyof TenantChanges, string> = {
  name: 'name',
  timeZone: 'time_zone',
  locale: 'locale',
  country: 'country',
  retentionMonths: 'retention_months',
  senderName: 'sender_name',
  senderEmail: 'sender_email',
  contactPhone: 'contact_phone',
  contactEmail: 'contact_email',
  postalAddress: 'postal_address',
  brandColor: 'brand_color',
  logoUrl: 'logo_url',
  sendWindow: 'send_window',
  pausedAt: 'paused_at',
  pausedReason: 'paused_reason',
};

const MEMBERSHIP_COLUMNS = `tenant_id AS "tenantId", id, user_id AS "userId", role, created_at AS "createdAt"`;

/** Queries on tenants, users and memberships. */
@Injectable()
export class AccountsRepository {
  async findUserWithPassword(manager: EntityManager, email: string): Promise<UserWithPassword | null> {
    const row = await queryRow<UserRow & { passwordHash: string | null }>(
      manager,
      `SELECT ${USER_COLUMNS}, password_hash AS "passwordHash" FROM users WHERE lower(email) = lower($1)`,
      [email],
    );
    if (!row) return null;
    const { passwordHash, ...user } = row;
    return { user, passwordHash };
  }

  findUserById(manager: EntityManager, id: string): Promise<UserRow | null> {
    return queryRow<UserRow>(manager, `SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
  }

  async createUser(
    manager: EntityManager,
    input: { email: string; name: string; passwordHash: string },
  ): Promise<UserRow> {
    const [user] = await queryRows<UserRow>(
      manager,
      `INSERT INTO users (email, name, password_hash) VALUES ($1, $2, $3) RETURNING ${USER_COLUMNS}`,
      [input.email, input.name, input.passwordHash],
    );
    return user;
  }

  async setPasswordHash(manager: EntityManager, userId: string, passwordHash: string): Promise<void> {
    await execute(manager, `UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [
      userId,
      passwordHash,
    ]);
  }

  /** Deletes users by id or by the exact email they were created with (the demo's own accounts). */
  async deleteUsers(manager: EntityManager, match: { id: string } | { email: string }): Promise<void> {
    if ('id' in match) await execute(manager, `DELETE FROM users WHERE id = $1`, [match.id]);
    else await execute(manager, `DELETE FROM users WHERE email = $1`, [match.email]);
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

  findTenant(manager: TenantManager): Promise<TenantRow | null> {
    return queryRow<TenantRow>(manager, `SELECT ${TENANT_COLUMNS} FROM tenants WHERE id = $1`, [
      tenantIdOf(manager),
    ]);
  }

  /** Inserts the tenant row of the manager's own tenant id (the id is chosen before the transaction). */
  async createTenant(
    manager: TenantManager,
    input: { name: string; timeZone: string; locale: string; country: string; isDemo?: boolean },
  ): Promise<TenantRow> {
    const [tenant] = await queryRows<TenantRow>(
      manager,
      `INSERT INTO tenants (id, name, time_zone, locale, country, is_demo)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${TENANT_COLUMNS}`,
      [tenantIdOf(manager), input.name, input.timeZone, input.locale, input.country, input.isDemo ?? false],
    );
    return tenant;
  }

  /** Writes only the fields given, so a change made meanwhile to another field stays. */
  async updateTenant(manager: TenantManager, changes: TenantChanges): Promise<void> {
    const fields = (Object.keys(changes) as (keyof TenantChanges)[]).filter(
      (field) => changes[field] !== undefined,
    );
    if (fields.length === 0) return;
    const values = fields.map((field) =>
      field === 'sendWindow' ? JSON.stringify(changes[field]) : changes[field],
    );
    const assignments = fields.map((field, index) => `${TENANT_CHANGE_COLUMNS[field]} = $${index + 2}`);
    await execute(manager, `UPDATE tenants SET ${assignments.join(', ')}, updated_at = now() WHERE id = $1`, [
      tenantIdOf(manager),
      ...values,
    ]);
  }

  /** Stops the business's sending with its reason, unless it is stopped already (the first reason stays). */
  async pauseSending(manager: TenantManager, reason: string): Promise<void> {
    await execute(
      manager,
      `UPDATE tenants SET paused_at = now(), paused_reason = $2 WHERE id = $1 AND paused_at IS NULL`,
      [tenantIdOf(manager), reason],
    );
  }

  /** Deletes the manager's business and, through cascading keys, everything it owns. */
  async deleteTenant(manager: TenantManager, options: { onlyDemo?: boolean } = {}): Promise<void> {
    await execute(manager, `DELETE FROM tenants WHERE id = $1 ${options.onlyDemo ? 'AND is_demo' : ''}`, [
      tenantIdOf(manager),
    ]);
  }

  /** Whether someone with this email (any case) already belongs to the manager's business. */
  async hasMemberWithEmail(manager: TenantManager, email: string): Promise<boolean> {
    const row = await queryRow<{ member: 1 }>(
      manager,
      `SELECT 1 AS member FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.tenant_id = $1 AND lower(u.email) = lower($2)`,
      [tenantIdOf(manager), email],
    );
    return row !== null;
  }

  /** Whether the user already belongs to the manager's business. */
  async isMember(manager: TenantManager, userId: string): Promise<boolean> {
    const row = await queryRow<{ id: string }>(
      manager,
      `SELECT id FROM memberships WHERE tenant_id = $1 AND user_id = $2`,
      [tenantIdOf(manager), userId],
    );
    return row !== null;
  }

  async setMemberRole(manager: TenantManager, membershipId: string, role: Role): Promise<void> {
    await execute(manager, `UPDATE memberships SET role = $3 WHERE tenant_id = $1 AND id = $2`, [
      tenantIdOf(manager),
      membershipId,
      role,
    ]);
  }

  async removeMember(manager: TenantManager, membershipId: string): Promise<void> {
    await execute(manager, `DELETE FROM memberships WHERE tenant_id = $1 AND id = $2`, [
      tenantIdOf(manager),
      membershipId,
    ]);
  }

  async addMember(manager: TenantManager, userId: string, role: Role): Promise<MembershipRow> {
    const [membership] = await queryRows<MembershipRow>(
      manager,
      `INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, $3) RETURNING ${MEMBERSHIP_COLUMNS}`,
      [tenantIdOf(manager), userId, role],
    );
    return membership;
  }
}
