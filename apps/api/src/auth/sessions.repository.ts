import { Injectable } from '@nestjs/common';
import type { Role } from '@rapport/domain';
import type { EntityManager } from 'typeorm';
import { execute, queryRow, queryRows } from '../database/query-rows';

/** A signed-in browser (`sessions`). Only the SHA-256 of its token is stored. */
export interface SessionRow {
  id: string;
  userId: string;
  activeTenantId: string | null;
  ip: string | null;
  userAgent: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

/** What `session_principal(hash)` answers for a live session. */
export interface SessionPrincipalRow {
  session_id: string;
  user_id: string;
  email: string;
  active_tenant_id: string | null;
  role: Role | null;
  last_seen_at: Date;
}

const SESSION_COLUMNS = `id, user_id AS "userId", active_tenant_id AS "activeTenantId", ip, user_agent AS "userAgent",
  created_at AS "createdAt", last_seen_at AS "lastSeenAt", expires_at AS "expiresAt"`;

/** Which of a user's live sessions an update ends. */
export type SessionsToEnd =
  | { id: string; userId?: string }
  | { userId: string; exceptId?: string }
  | { userId: string; activeTenantId: string };

/** Console sessions: created at sign-in, resolved on every request, ended one by one or together. */
@Injectable()
export class SessionsRepository {
  async create(
    manager: EntityManager,
    input: {
      userId: string;
      activeTenantId: string | null;
      tokenHash: Buffer;
      ip: string | null;
      userAgent: string | null;
      lastSeenAt: Date;
      expiresAt: Date;
    },
  ): Promise<SessionRow> {
    const [session] = await queryRows<SessionRow>(
      manager,
      `INSERT INTO sessions (user_id, active_tenant_id, token_hash, ip, user_agent, last_seen_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${SESSION_COLUMNS}`,
      [
        input.userId,
        input.activeTenantId,
        input.tokenHash,
        input.ip,
        input.userAgent,
        input.lastSeenAt,
        input.expiresAt,
      ],
    );
    return session;
  }

  /** The live session for a token hash with its user and role, in one statement of its own. */
  principal(manager: EntityManager, tokenHash: Buffer): Promise<SessionPrincipalRow | null> {
    return queryRow<SessionPrincipalRow>(manager, `SELECT * FROM session_principal($1)`, [tokenHash]);
  }

  async touch(manager: EntityManager, sessionId: string): Promise<void> {
    await execute(manager, `UPDATE sessions SET last_seen_at = now() WHERE id = $1`, [sessionId]);
  }

  /** The user's sessions not ended and not expired at `now`, most recently seen first. */
  listLive(manager: EntityManager, userId: string, now: Date): Promise<SessionRow[]> {
    return queryRows<SessionRow>(
      manager,
      `SELECT ${SESSION_COLUMNS} FROM sessions
        WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > $2
        ORDER BY last_seen_at DESC`,
      [userId, now],
    );
  }

  /** Ends the sessions `which` names that are not ended yet; answers how many it ended. */
  end(manager: EntityManager, which: SessionsToEnd, at: Date): Promise<number> {
    const where: string[] = ['revoked_at IS NULL'];
    const values: unknown[] = [at];
    const match = (column: string, value: unknown, operator = '=') => {
      values.push(value);
      where.push(`${column} ${operator} $${values.length}`);
    };
    if ('id' in which) match('id', which.id);
    if (which.userId !== undefined) match('user_id', which.userId);
    if ('exceptId' in which && which.exceptId) match('id', which.exceptId, '<>');
    if ('activeTenantId' in which) match('active_tenant_id', which.activeTenantId);
    return execute(manager, `UPDATE sessions SET revoked_at = $1 WHERE ${where.join(' AND ')}`, values);
  }

  async switchTenant(manager: EntityManager, sessionId: string, tenantId: string): Promise<void> {
    await execute(manager, `UPDATE sessions SET active_tenant_id = $2 WHERE id = $1`, [sessionId, tenantId]);
  }
}
