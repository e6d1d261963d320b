import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type { Role, SessionResponse } from '@rapport/domain';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { TenantDatabase } from '../tenancy/tenant-database';
import type { ClientInfo } from '../access/principal';
import { SessionsRepository, type SessionRow } from './sessions.repository';

export const SESSION_COOKIE = 'rapport_session';
/**
 * Readable by the console (the session cookie is not): says a session may exist, so the sign-in page does
 * not ask /api/me, and log a 401 in the browser, on every visit. It grants nothing.
 */
export const SIGNED_IN_HINT_COOKIE = 'rapport_signed_in';

/** The part of a Fastify reply that sets cookies. */
interface CookieReply {
  setCookie(name: string, value: string, options: Record<string, unknown>): unknown;
  clearCookie(name: string, options: Record<string, unknown>): unknown;
}
/** Writing last_seen_at on every request would turn reads into writes; once a minute is enough. */
const TOUCH_INTERVAL_MS = 60_000;

/** A signed-in session as a request needs it. */
export interface LiveSession {
  id: string;
  userId: string;
  email: string;
  activeTenantId: string | null;
  /** The user's role in the active business; null when none is active or they are no longer a member. */
  role: Role | null;
}

export interface NewSession {
  token: string;
  session: SessionRow;
}

/** Console sessions: a random token in an httpOnly cookie, only its hash in the database, revocable. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly database: TenantDatabase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionsRepository,
  ) {}

  /** 256 random bits; the browser holds the token, the database only its hash. */
  async create(userId: string, activeTenantId: string | null, client: ClientInfo): Promise<NewSession> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const session = await this.database.global((manager) =>
      this.sessions.create(manager, {
        userId,
        activeTenantId,
        tokenHash: hashToken(token),
        ip: client.ip,
        userAgent: client.userAgent?.slice(0, 500) ?? null,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + this.config.session.ttlDays * 86_400_000),
      }),
    );
    return { token, session };
  }

  /**
   * The live session for a token with its user's email and role in the session's business, or null when
   * unknown, revoked or expired. One statement on its own (no transaction): it runs before every signed-in
   * request.
   */
  async resolve(token: string): Promise<LiveSession | null> {
    if (token.length < 20 || token.length > 100) return null;
    const row = await this.sessions.principal(this.dataSource.manager, hashToken(token));
    if (!row) return null;
    if (Date.now() - new Date(row.last_seen_at).getTime() > TOUCH_INTERVAL_MS) {
      await this.sessions.touch(this.dataSource.manager, row.session_id);
    }
    return {
      id: row.session_id,
      userId: row.user_id,
      email: row.email,
      activeTenantId: row.active_tenant_id,
      role: row.role,
    };
  }

  async listForUser(userId: string, currentSessionId: string): Promise<SessionResponse[]> {
    const sessions = await this.database.global((manager) =>
      this.sessions.listLive(manager, userId, new Date()),
    );
    return sessions.map((session) => ({
      id: session.id,
      createdAt: session.createdAt.toISOString(),
      lastSeenAt: session.lastSeenAt.toISOString(),
      ip: session.ip,
      userAgent: session.userAgent,
      isCurrent: session.id === currentSessionId,
    }));
  }

  /** Ends one of the user's own sessions; false when it is not theirs or already ended. */
  async revokeOwn(userId: string, sessionId: string): Promise<boolean> {
    const ended = await this.database.global((manager) =>
      this.sessions.end(manager, { id: sessionId, userId }, new Date()),
    );
    return ended > 0;
  }

  async revoke(sessionId: string): Promise<void> {
    await this.database.global((manager) => this.sessions.end(manager, { id: sessionId }, new Date()));
  }

  /** Ends every session of a user, or every one but `keepSessionId`. */
  async revokeAllForUser(userId: string, keepSessionId?: string, manager?: EntityManager): Promise<void> {
    const work = (m: EntityManager) => this.sessions.end(m, { userId, exceptId: keepSessionId }, new Date());
    await (manager ? work(manager) : this.database.global(work));
  }

  /** Ends a user's sessions that are working in one business (they were removed from it). */
  async revokeForUserInTenant(manager: EntityManager, userId: string, tenantId: string): Promise<void> {
    await this.sessions.end(manager, { userId, activeTenantId: tenantId }, new Date());
  }

  async switchTenant(sessionId: string, tenantId: string): Promise<void> {
    await this.database.global((manager) => this.sessions.switchTenant(manager, sessionId, tenantId));
  }

  cookieOptions(maxAgeSeconds?: number) {
    return {
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: this.config.session.secureCookie,
      path: '/',
      ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
    };
  }

  /** Sets the session cookie and its readable hint. */
  writeCookies(reply: CookieReply, token: string): void {
    reply.setCookie(SESSION_COOKIE, token, this.cookieOptions(this.maxAgeSeconds));
    reply.setCookie(SIGNED_IN_HINT_COOKIE, '1', {
      ...this.cookieOptions(this.maxAgeSeconds),
      httpOnly: false,
    });
  }

  clearCookies(reply: CookieReply): void {
    reply.clearCookie(SESSION_COOKIE, this.cookieOptions());
    reply.clearCookie(SIGNED_IN_HINT_COOKIE, { ...this.cookieOptions(), httpOnly: false });
  }

  get maxAgeSeconds(): number {
    return this.config.session.ttlDays * 86_400;
  }
}

function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
