import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { IsNull } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { TenantDatabase } from '../tenancy/tenant-database';
import { SessionEntity } from './session.entity';

export const SESSION_COOKIE = 'rapport_session';
/** Writing last_seen_at on every request would turn reads into writes; once a minute is enough. */
const TOUCH_INTERVAL_MS = 60_000;

export interface SessionClient {
  ip: string | null;
  userAgent: string | null;
}

export interface NewSession {
  token: string;
  session: SessionEntity;
}

@Injectable()
export class SessionsService {
  constructor(
    private readonly database: TenantDatabase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** 256 random bits; the browser holds the token, the database only its hash. */
  async create(userId: string, activeTenantId: string | null, client: SessionClient): Promise<NewSession> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const session = await this.database.global((manager) => {
      const repository = manager.getRepository(SessionEntity);
      return repository.save(
        repository.create({
          userId,
          activeTenantId,
          tokenHash: hashToken(token),
          ip: client.ip,
          userAgent: client.userAgent?.slice(0, 500) ?? null,
          lastSeenAt: now,
          expiresAt: new Date(now.getTime() + this.config.session.ttlDays * 86_400_000),
        }),
      );
    });
    return { token, session };
  }

  /** The live session for a token, or null when unknown, revoked or expired. */
  async resolve(token: string): Promise<SessionEntity | null> {
    if (token.length < 20 || token.length > 100) return null;
    return this.database.global(async (manager) => {
      const repository = manager.getRepository(SessionEntity);
      const session = await repository.findOneBy({ tokenHash: hashToken(token), revokedAt: IsNull() });
      if (!session || session.expiresAt.getTime() <= Date.now()) return null;
      if (Date.now() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
        await repository.update({ id: session.id }, { lastSeenAt: new Date() });
      }
      return session;
    });
  }

  async revoke(sessionId: string): Promise<void> {
    await this.database.global((manager) =>
      manager
        .getRepository(SessionEntity)
        .update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() }),
    );
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

  get maxAgeSeconds(): number {
    return this.config.session.ttlDays * 86_400;
  }
}

function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
