import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { afterFailedLogin, type LoginHistory } from '@rapport/domain';
import type { EntityManager } from 'typeorm';
import { execute, queryRows } from '../database/query-rows';

interface Row {
  failed_logins: number;
  last_failed_at: Date | null;
  locked_until: Date | null;
}

const NO_FAILURES: LoginHistory = { failedLogins: 0, lastFailedLoginAt: null, lockedUntil: null };

/**
 * Wrong passwords per email address typed (`sign_in_failures`), known account or not, so both answer the
 * same. A streak last added to more than a day ago is forgotten.
 */
@Injectable()
export class SignInFailuresRepository {
  async historyOf(manager: EntityManager, email: string): Promise<LoginHistory> {
    const [row] = await queryRows<Row>(
      manager,
      `SELECT failed_logins, last_failed_at, locked_until FROM sign_in_failures
        WHERE email_hash = $1 AND (last_failed_at > now() - interval '1 day' OR locked_until > now())`,
      [emailHash(email)],
    );
    return row ? toHistory(row) : NO_FAILURES;
  }

  /** Counts one more wrong password, under a row lock so concurrent tries all count. */
  async recordFailure(
    manager: EntityManager,
    email: string,
    now: Date,
  ): Promise<LoginHistory & { isNowLocked: boolean }> {
    const hash = emailHash(email);
    await execute(
      manager,
      `INSERT INTO sign_in_failures (email_hash, failed_logins) VALUES ($1, 0) ON CONFLICT (email_hash) DO NOTHING`,
      [hash],
    );
    const [row] = await queryRows<Row>(
      manager,
      `SELECT failed_logins, last_failed_at, locked_until FROM sign_in_failures WHERE email_hash = $1 FOR UPDATE`,
      [hash],
    );
    const current = row ? toHistory(row) : NO_FAILURES;
    const isStale =
      !current.lockedUntil &&
      (!current.lastFailedLoginAt || now.getTime() - current.lastFailedLoginAt.getTime() > 86_400_000);
    const next = afterFailedLogin(isStale ? NO_FAILURES : current, now);
    await execute(
      manager,
      `UPDATE sign_in_failures SET failed_logins = $2, last_failed_at = $3, locked_until = $4 WHERE email_hash = $1`,
      [hash, next.failedLogins, next.lastFailedLoginAt, next.lockedUntil],
    );
    if (Math.random() < 0.01) {
      await execute(
        manager,
        `DELETE FROM sign_in_failures
          WHERE last_failed_at < now() - interval '1 day' AND (locked_until IS NULL OR locked_until < now())`,
      );
    }
    return next;
  }

  /** A right password (or a reset) ends the streak. */
  async clear(manager: EntityManager, email: string): Promise<void> {
    await execute(manager, `DELETE FROM sign_in_failures WHERE email_hash = $1`, [emailHash(email)]);
  }
}

function emailHash(email: string): Buffer {
  return createHash('sha256').update(email.trim().toLowerCase()).digest();
}

function toHistory(row: Row): LoginHistory {
  return {
    failedLogins: row.failed_logins,
    lastFailedLoginAt: row.last_failed_at,
    lockedUntil: row.locked_until,
  };
}
