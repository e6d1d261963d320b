import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { execute, queryRow } from '../database/query-rows';

/** A one-hour, single-use password reset (`password_resets`); only the token's hash is stored. */
export interface PasswordResetRow {
  id: string;
  userId: string;
  expiresAt: Date;
}

/** Password reset links: issued, taken once, and used up together when the password changes. */
@Injectable()
export class PasswordResetsRepository {
  async create(manager: EntityManager, userId: string, tokenHash: Buffer, expiresAt: Date): Promise<void> {
    await execute(
      manager,
      `INSERT INTO password_resets (user_id, token_hash, expires_at) VALUES ($1, $2, $3)`,
      [userId, tokenHash, expiresAt],
    );
  }

  /** The unused reset with this token hash, held until the transaction ends (expired or not). */
  findUnusedForUpdate(manager: EntityManager, tokenHash: Buffer): Promise<PasswordResetRow | null> {
    return queryRow<PasswordResetRow>(
      manager,
      `SELECT id, user_id AS "userId", expires_at AS "expiresAt" FROM password_resets
        WHERE token_hash = $1 AND used_at IS NULL FOR UPDATE`,
      [tokenHash],
    );
  }

  /** Uses up every open reset of the user. */
  async useAllFor(manager: EntityManager, userId: string, usedAt: Date): Promise<void> {
    await execute(manager, `UPDATE password_resets SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL`, [
      userId,
      usedAt,
    ]);
  }
}
