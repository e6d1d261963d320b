import { Injectable } from '@nestjs/common';
import type { ReferralSummaryResponse } from '@rapport/domain';
import { randomInt } from 'node:crypto';
import { execute, queryRow, queryRows } from '../database/query-rows';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';

/** Letters and digits a person cannot mistake for one another when reading a code aloud (no 0/O, 1/I). */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function newCode(): string {
  return Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/** The owner of `referral_codes`, and the reads of who recommended whom. */
@Injectable()
export class ReferralsRepository {
  /** The person's code, made the first time it is needed. */
  async codeFor(manager: TenantManager, customerId: string): Promise<string> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await execute(
        manager,
        `INSERT INTO referral_codes (tenant_id, customer_id, code) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [tenantIdOf(manager), customerId, newCode()],
      );
      const row = await queryRow<{ code: string }>(
        manager,
        `SELECT code FROM referral_codes WHERE tenant_id = $1 AND customer_id = $2`,
        [tenantIdOf(manager), customerId],
      );
      // No row means the random code was taken already (32^8 codes make that rare): draw another.
      if (row) return row.code;
    }
    throw new Error('no free referral code was found');
  }

  /** Erased people's codes stop working: their links lead nowhere and bring no one in their name. */
  async forget(manager: TenantManager, customerIds: string[]): Promise<void> {
    await execute(
      manager,
      `DELETE FROM referral_codes WHERE tenant_id = $1 AND customer_id = ANY($2::uuid[])`,
      [tenantIdOf(manager), customerIds],
    );
  }

  /** Who a code belongs to (case-blind, as people type it), or null. */
  /** Whose code it is, and since when it exists: no one came through it before. */
  async referrerOf(
    manager: TenantManager,
    code: string,
  ): Promise<{ customerId: string; createdAt: Date } | null> {
    const row = await queryRow<{ customer_id: string; created_at: Date }>(
      manager,
      `SELECT customer_id, created_at FROM referral_codes WHERE tenant_id = $1 AND code = upper($2)`,
      [tenantIdOf(manager), code.trim()],
    );
    return row ? { customerId: row.customer_id, createdAt: row.created_at } : null;
  }

  /** Requests sent, people who came through a code, and those of them who became customers, since `since`. */
  async summary(manager: TenantManager, since: Date): Promise<ReferralSummaryResponse> {
    const [figures] = await queryRows<{ asked: number; referred: number; converted: number }>(
      manager,
      `SELECT (SELECT count(*)::int FROM messages m
                WHERE m.tenant_id = $1 AND m.kind = 'referral-request' AND m.sent_at >= $2) AS asked,
              (SELECT count(*)::int FROM customers c
                WHERE c.tenant_id = $1 AND c.referred_at >= $2) AS referred,
              (SELECT count(*)::int FROM customers c
                WHERE c.tenant_id = $1 AND c.referred_at >= $2 AND c.became_customer_at >= c.referred_at) AS converted`,
      [tenantIdOf(manager), since],
    );
    const recent = await queryRows<{
      referred_id: string;
      referred_name: string;
      referred_email: string;
      referrer_id: string;
      referrer_name: string;
      referrer_email: string;
      referred_at: Date;
      became_customer_at: Date | null;
    }>(
      manager,
      `SELECT c.id AS referred_id, c.name AS referred_name, c.email AS referred_email, r.id AS referrer_id,
              r.name AS referrer_name, r.email AS referrer_email, c.referred_at, c.became_customer_at
         FROM customers c JOIN customers r ON r.tenant_id = c.tenant_id AND r.id = c.referred_by
        WHERE c.tenant_id = $1 AND c.erased_at IS NULL
        ORDER BY c.referred_at DESC, c.id DESC LIMIT 50`,
      [tenantIdOf(manager)],
    );
    return {
      since: since.toISOString(),
      asked: figures?.asked ?? 0,
      referred: figures?.referred ?? 0,
      converted: figures?.converted ?? 0,
      recent: recent.map((row) => ({
        referred: { id: row.referred_id, name: row.referred_name, email: row.referred_email },
        referrer: { id: row.referrer_id, name: row.referrer_name, email: row.referrer_email },
        referredAt: new Date(row.referred_at).toISOString(),
        becameCustomerAt: row.became_customer_at ? new Date(row.became_customer_at).toISOString() : null,
      })),
    };
  }
}
