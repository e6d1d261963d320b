import { Injectable } from '@nestjs/common';
import type { BusinessEventType } from '@rapport/domain';
import { execute, queryRow, queryRows } from '../database/query-rows';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';

/** A notice still to send, with its event and the member it is for. */
export interface WaitingNoticeRow {
  id: string;
  user_id: string;
  email: string;
  event_id: string;
  type: BusinessEventType;
  data: Record<string, unknown>;
  occurred_at: Date;
  /** The member's own time zone; null for the business's. */
  time_zone: string | null;
}

const WAITING_SELECT = `
  SELECT n.id, n.user_id, u.email, n.event_id, e.type, e.data, e.occurred_at, s.time_zone
    FROM member_notices n
    JOIN users u ON u.id = n.user_id
    JOIN business_events e ON e.tenant_id = n.tenant_id AND e.id = n.event_id
    LEFT JOIN notification_settings s ON s.tenant_id = n.tenant_id AND s.user_id = n.user_id
   WHERE n.tenant_id = $1 AND n.sent_at IS NULL`;

/**
 * The owner of `member_notices`: what each member is owed of each event. A notice is taken under a row
 * lock and marked sent in the transaction that sends it, so two workers never send one twice, and a
 * worker that dies before its commit leaves it to be sent again.
 */
@Injectable()
export class MemberNoticesRepository {
  /**
   * Holds the member's summary until the transaction ends: a notice decided while their summary is being
   * sent waits for it, and then sees it sent and plans the next one.
   */
  async lockSummary(manager: TenantManager, userId: string): Promise<void> {
    await queryRows<{ locked: string }>(
      manager,
      `SELECT pg_advisory_xact_lock(hashtextextended($1 || ':summary:' || $2, 0))::text AS locked`,
      [tenantIdOf(manager), userId],
    );
  }

  /** The notice's id; null when the member already has one for this event (the job ran before). */
  async add(
    manager: TenantManager,
    notice: { eventId: string; userId: string; delivery: 'instant' | 'summary' },
  ): Promise<string | null> {
    const row = await queryRow<{ id: string }>(
      manager,
      `INSERT INTO member_notices (tenant_id, event_id, user_id, delivery) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, event_id, user_id) DO NOTHING RETURNING id`,
      [tenantIdOf(manager), notice.eventId, notice.userId, notice.delivery],
    );
    return row?.id ?? null;
  }

  /**
   * When the oldest summary notice waiting for the member was made (leaving out `exceptId`); null when
   * none waits, so a new one needs its summary scheduled.
   */
  async oldestWaitingSummary(manager: TenantManager, userId: string, exceptId: string): Promise<Date | null> {
    const row = await queryRow<{ oldest: Date | null }>(
      manager,
      `SELECT min(created_at) AS oldest FROM member_notices
        WHERE tenant_id = $1 AND user_id = $2 AND delivery = 'summary' AND sent_at IS NULL AND id <> $3`,
      [tenantIdOf(manager), userId, exceptId],
    );
    return row?.oldest ?? null;
  }

  /** The instant notice, locked until the transaction ends; null once it is sent. */
  takeInstant(manager: TenantManager, id: string): Promise<WaitingNoticeRow | null> {
    return queryRow<WaitingNoticeRow>(manager, `${WAITING_SELECT} AND n.id = $2 FOR UPDATE OF n`, [
      tenantIdOf(manager),
      id,
    ]);
  }

  /** Every summary notice waiting for the member, oldest first, locked until the transaction ends. */
  takeSummary(manager: TenantManager, userId: string): Promise<WaitingNoticeRow[]> {
    return queryRows<WaitingNoticeRow>(
      manager,
      `${WAITING_SELECT} AND n.user_id = $2 AND n.delivery = 'summary' ORDER BY n.created_at, n.id FOR UPDATE OF n`,
      [tenantIdOf(manager), userId],
    );
  }

  async markSent(manager: TenantManager, ids: string[], at: Date): Promise<void> {
    await execute(
      manager,
      `UPDATE member_notices SET sent_at = $3 WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
      [tenantIdOf(manager), ids, at],
    );
  }
}
