import { Injectable } from '@nestjs/common';
import { hasPermission } from '@rapport/domain';
import type { Viewer } from '../access/access.decorators';
import { queryRow, queryRows } from '../database/query-rows';
import { TenantDatabase } from '../tenancy/tenant-database';

/** An email caught by the development mailbox (`dev_mailbox`) instead of being delivered. */
export interface DevMailboxRow {
  id: string;
  createdAt: Date;
  from: string;
  to: string;
  replyTo: string | null;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  category: string;
  /** The business that sent it (its follow-ups, its test sends); null for Rapport's own emails. */
  senderTenantId: string | null;
}

export type NewDevMail = Omit<DevMailboxRow, 'id' | 'createdAt'> & { createdAt: Date | null };

const DEV_MAILBOX_COLUMNS = `id, created_at AS "createdAt", from_address AS "from", to_address AS "to",
  reply_to AS "replyTo", subject, html, text, headers, category, sender_tenant_id AS "senderTenantId"`;

/**
 * Reads the development mailbox as one viewer may: this machine sees every email; a signed-in person the
 * emails addressed to them and, with a role that reads the business's automations, the emails of their
 * active business. An email no rule admits is not there.
 */
@Injectable()
export class DevMailboxRepository {
  constructor(private readonly database: TenantDatabase) {}

  /** Keeps one email; its time is now unless the mail says when it was sent. */
  add(mail: NewDevMail): Promise<DevMailboxRow> {
    return this.database.global(async (manager) => {
      const [saved] = await queryRows<DevMailboxRow>(
        manager,
        `INSERT INTO dev_mailbox (from_address, to_address, reply_to, subject, html, text, headers, category,
                                  sender_tenant_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, coalesce($10, now()))
         RETURNING ${DEV_MAILBOX_COLUMNS}`,
        [
          mail.from,
          mail.to,
          mail.replyTo,
          mail.subject,
          mail.html,
          mail.text,
          JSON.stringify(mail.headers),
          mail.category,
          mail.senderTenantId,
          mail.createdAt,
        ],
      );
      return saved;
    });
  }

  /** The newest 100 emails the viewer may read, optionally to one recipient. */
  list(viewer: Viewer, to?: string): Promise<DevMailboxRow[]> {
    const visible = visibleTo(viewer);
    if (to?.trim()) {
      visible.values.push(to.trim().toLowerCase());
      visible.where.push(`to_address = $${visible.values.length}`);
    }
    return this.database.global((manager) =>
      queryRows<DevMailboxRow>(
        manager,
        `SELECT ${DEV_MAILBOX_COLUMNS} FROM dev_mailbox ${whereClause(visible.where)}
          ORDER BY created_at DESC LIMIT 100`,
        visible.values,
      ),
    );
  }

  find(viewer: Viewer, id: string): Promise<DevMailboxRow | null> {
    const visible = visibleTo(viewer);
    visible.values.push(id);
    visible.where.push(`id = $${visible.values.length}`);
    return this.database.global((manager) =>
      queryRow<DevMailboxRow>(
        manager,
        `SELECT ${DEV_MAILBOX_COLUMNS} FROM dev_mailbox ${whereClause(visible.where)}`,
        visible.values,
      ),
    );
  }
}

/** The conditions that admit an email for this viewer, with their values from $1. */
function visibleTo(viewer: Viewer): { where: string[]; values: unknown[] } {
  if (viewer.kind === 'local') return { where: [], values: [] };
  const mayReadBusiness =
    viewer.tenantId !== null && viewer.role !== null && hasPermission(viewer.role, 'automations:read');
  return mayReadBusiness
    ? {
        where: ['(to_address = $1 OR sender_tenant_id = $2)'],
        values: [viewer.email.trim().toLowerCase(), viewer.tenantId],
      }
    : { where: ['(to_address = $1)'], values: [viewer.email.trim().toLowerCase()] };
}

function whereClause(conditions: string[]): string {
  return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
}
