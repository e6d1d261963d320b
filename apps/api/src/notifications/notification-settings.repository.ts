import { Injectable } from '@nestjs/common';
import type { NotificationChoices, Role } from '@rapport/domain';
import { execute, queryRow, queryRows } from '../database/query-rows';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';

/** A member of the business with how they want to hear of things (their role's defaults when unset). */
export interface MemberSettingsRow {
  user_id: string;
  email: string;
  name: string;
  role: Role;
  takes_cases: boolean;
  choices: NotificationChoices;
  summary_hour: number;
  /** Theirs, or null for the business's. */
  time_zone: string | null;
}

const MEMBER_SELECT = `
  SELECT m.user_id, u.email, u.name, m.role, m.takes_cases,
         coalesce(s.choices, '{}'::jsonb) AS choices, coalesce(s.summary_hour, 8)::int AS summary_hour, s.time_zone
    FROM memberships m
    JOIN users u ON u.id = m.user_id
    LEFT JOIN notification_settings s ON s.tenant_id = m.tenant_id AND s.user_id = m.user_id
   WHERE m.tenant_id = $1`;

/** The owner of `notification_settings`: each member's choices of how they hear of what happens. */
@Injectable()
export class NotificationSettingsRepository {
  members(manager: TenantManager): Promise<MemberSettingsRow[]> {
    return queryRows<MemberSettingsRow>(manager, `${MEMBER_SELECT} ORDER BY m.created_at`, [
      tenantIdOf(manager),
    ]);
  }

  member(manager: TenantManager, userId: string): Promise<MemberSettingsRow | null> {
    return queryRow<MemberSettingsRow>(manager, `${MEMBER_SELECT} AND m.user_id = $2`, [
      tenantIdOf(manager),
      userId,
    ]);
  }

  /**
   * Holds the member's settings row until the transaction ends (made with the defaults if they have none),
   * so two saves at once apply one after the other instead of one undoing the other.
   */
  async lock(manager: TenantManager, userId: string): Promise<void> {
    await execute(
      manager,
      `INSERT INTO notification_settings (tenant_id, user_id) VALUES ($1, $2) ON CONFLICT (tenant_id, user_id) DO NOTHING`,
      [tenantIdOf(manager), userId],
    );
    await queryRows<{ locked: number }>(
      manager,
      `SELECT 1 AS locked FROM notification_settings WHERE tenant_id = $1 AND user_id = $2 FOR UPDATE`,
      [tenantIdOf(manager), userId],
    );
  }

  async save(
    manager: TenantManager,
    userId: string,
    settings: { choices: NotificationChoices; summaryHour: number; timeZone: string | null },
  ): Promise<void> {
    await execute(
      manager,
      `INSERT INTO notification_settings (tenant_id, user_id, choices, summary_hour, time_zone, updated_at)
       VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (tenant_id, user_id) DO UPDATE
          SET choices = excluded.choices, summary_hour = excluded.summary_hour,
              time_zone = excluded.time_zone, updated_at = excluded.updated_at`,
      [
        tenantIdOf(manager),
        userId,
        JSON.stringify(settings.choices),
        settings.summaryHour,
        settings.timeZone,
      ],
    );
  }
}
