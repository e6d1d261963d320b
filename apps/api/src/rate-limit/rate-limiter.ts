import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { TooManyRequestsError } from '../errors/app-error';
import { execute, queryRows } from '../database/query-rows';

export interface RateLimit {
  /** Names the counter, e.g. `login:ip`. */
  name: string;
  limit: number;
  windowSeconds: number;
}

/**
 * Fixed-window counters in PostgreSQL, so every replica counts the same hits. One upsert per key; a
 * stale window is swept now and then by the same statement's neighbour.
 */
@Injectable()
export class RateLimiter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Counts one hit for each subject; throws 429 with Retry-After when any of them is over its limit. */
  async hit(limit: RateLimit, subjects: (string | null | undefined)[]): Promise<void> {
    const windowMs = limit.windowSeconds * 1000;
    const windowStart = new Date(Math.floor(Date.now() / windowMs) * windowMs);
    const allowed = limit.limit * this.config.rateLimitMultiplier;
    for (const subject of subjects) {
      if (!subject) continue;
      const key = `${limit.name}:${subject.toLowerCase()}`;
      const [row] = await queryRows<{ hits: number }>(
        this.dataSource.manager,
        `INSERT INTO rate_limit_buckets (key, window_start, hits) VALUES ($1, $2, 1)
         ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limit_buckets.hits + 1
         RETURNING hits`,
        [key, windowStart],
      );
      if (Number(row.hits) > allowed) {
        const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - Date.now()) / 1000));
        throw new TooManyRequestsError(retryAfter);
      }
    }
    if (Math.random() < 0.01) {
      await execute(
        this.dataSource.manager,
        `DELETE FROM rate_limit_buckets WHERE window_start < now() - interval '1 day'`,
      );
    }
  }
}
