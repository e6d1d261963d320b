import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { execute, queryRow } from '../database/query-rows';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';

export interface EnquiryFormRow {
  key: string;
  token_secret: Buffer;
  is_enabled: boolean;
}

/** A new form address: 128 random bits, URL-safe. */
function newKey(): string {
  return randomBytes(16).toString('base64url');
}

/** The owner of `enquiry_forms`: each business's one public form, made the first time it is asked for. */
@Injectable()
export class EnquiryFormsRepository {
  async getOrCreate(manager: TenantManager): Promise<EnquiryFormRow> {
    await execute(
      manager,
      `INSERT INTO enquiry_forms (tenant_id, key, token_secret) VALUES ($1, $2, $3) ON CONFLICT (tenant_id) DO NOTHING`,
      [tenantIdOf(manager), newKey(), randomBytes(32)],
    );
    const row = await this.current(manager);
    if (!row) throw new Error('the enquiry form was not created');
    return row;
  }

  current(manager: TenantManager): Promise<EnquiryFormRow | null> {
    return queryRow<EnquiryFormRow>(
      manager,
      `SELECT key, token_secret, is_enabled FROM enquiry_forms WHERE tenant_id = $1`,
      [tenantIdOf(manager)],
    );
  }

  /** Turns the form on or off, or moves it to a new address (the old one stops working at once). */
  async update(
    manager: TenantManager,
    changes: { isEnabled?: boolean; newAddress?: boolean },
  ): Promise<void> {
    await execute(
      manager,
      `UPDATE enquiry_forms SET is_enabled = coalesce($2, is_enabled),
              key = CASE WHEN $3 THEN $4 ELSE key END,
              token_secret = CASE WHEN $3 THEN $5 ELSE token_secret END, updated_at = now()
        WHERE tenant_id = $1`,
      [
        tenantIdOf(manager),
        changes.isEnabled ?? null,
        changes.newAddress === true,
        newKey(),
        randomBytes(32),
      ],
    );
  }
}
