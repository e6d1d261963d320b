import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { execute, queryRows } from '../database/query-rows';

/** A sign-up waiting for its email link to be opened. */
export interface PendingSignUp {
  email: string;
  name: string;
  passwordHash: string;
  businessName: string;
  timeZone: string;
  country: string;
}

interface Row {
  email: string;
  name: string;
  password_hash: string;
  business_name: string;
  time_zone: string;
  country: string;
}

/** Every statement on `sign_up_requests`. */
@Injectable()
export class SignUpRequestsRepository {
  async add(
    manager: EntityManager,
    tokenHash: Buffer,
    pending: PendingSignUp,
    expiresAt: Date,
  ): Promise<void> {
    await execute(
      manager,
      `INSERT INTO sign_up_requests (token_hash, email, name, password_hash, business_name, time_zone, country, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        tokenHash,
        pending.email,
        pending.name,
        pending.passwordHash,
        pending.businessName,
        pending.timeZone,
        pending.country,
        expiresAt,
      ],
    );
    if (Math.random() < 0.05) await execute(manager, `DELETE FROM sign_up_requests WHERE expires_at < now()`);
  }

  /** Uses up the request the token names, if it has not expired; inside the caller's transaction. */
  async take(manager: EntityManager, tokenHash: Buffer): Promise<PendingSignUp | null> {
    const [row] = await queryRows<Row>(
      manager,
      `DELETE FROM sign_up_requests WHERE token_hash = $1 AND expires_at > now()
       RETURNING email, name, password_hash, business_name, time_zone, country`,
      [tokenHash],
    );
    return row
      ? {
          email: row.email,
          name: row.name,
          passwordHash: row.password_hash,
          businessName: row.business_name,
          timeZone: row.time_zone,
          country: row.country,
        }
      : null;
  }

  /** Drops the other requests for an address once it has an account. */
  async forget(manager: EntityManager, email: string): Promise<void> {
    await execute(manager, `DELETE FROM sign_up_requests WHERE email = $1`, [email]);
  }
}
