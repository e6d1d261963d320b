import { Injectable } from '@nestjs/common';
import type { UpsertCustomerRequest } from '@rapport/domain';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';
import { execute } from '../database/query-rows';

/**
 * Upserts a batch of buyers with one statement. Within a batch the last row for an email wins (one
 * statement may not touch a row twice); a row that changes nothing is not written.
 */
@Injectable()
export class CustomerBatchWriter {
  async write(
    manager: TenantManager,
    customers: (UpsertCustomerRequest & { email: string })[],
  ): Promise<void> {
    if (customers.length === 0) return;
    const byEmail = new Map<string, UpsertCustomerRequest & { email: string }>();
    for (const customer of customers) byEmail.set(customer.email, customer);
    const rows = [...byEmail.values()].map((customer) => ({
      email: customer.email,
      name: customer.name ?? null,
      phone: customer.phone ?? null,
      locale: customer.locale ?? null,
      tags: customer.tags ?? null,
      consent: customer.consentBasis ?? null,
    }));
    await execute(
      manager,
      `INSERT INTO customers AS c (tenant_id, email, name, phone, locale, tags, consent_basis)
       SELECT $1, r.email, coalesce(r.name, ''), r.phone, r.locale,
              coalesce(ARRAY(SELECT jsonb_array_elements_text(r.tags)), '{}'), coalesce(r.consent, 'unknown')
         FROM jsonb_to_recordset($2::jsonb) AS r(email text, name text, phone text, locale text, tags jsonb, consent text)
       ON CONFLICT (tenant_id, lower(email)) DO UPDATE SET
         name = coalesce(nullif(EXCLUDED.name, ''), c.name),
         phone = coalesce(EXCLUDED.phone, c.phone),
         locale = coalesce(EXCLUDED.locale, c.locale),
         tags = CASE WHEN EXCLUDED.tags = '{}' THEN c.tags ELSE EXCLUDED.tags END,
         consent_basis = CASE WHEN EXCLUDED.consent_basis = 'unknown' THEN c.consent_basis ELSE EXCLUDED.consent_basis END,
         updated_at = now()
       WHERE (c.name, c.phone, c.locale, c.tags, c.consent_basis) IS DISTINCT FROM (
         coalesce(nullif(EXCLUDED.name, ''), c.name), coalesce(EXCLUDED.phone, c.phone), coalesce(EXCLUDED.locale, c.locale),
         CASE WHEN EXCLUDED.tags = '{}' THEN c.tags ELSE EXCLUDED.tags END,
         CASE WHEN EXCLUDED.consent_basis = 'unknown' THEN c.consent_basis ELSE EXCLUDED.consent_basis END)`,
      [tenantIdOf(manager), JSON.stringify(rows)],
    );
  }
}
