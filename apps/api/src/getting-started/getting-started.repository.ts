import { Injectable } from '@nestjs/common';
import { queryRows } from '../database/query-rows';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';

export interface GettingStartedFacts {
  has_details: boolean;
  sender_email: string | null;
  has_buyers: boolean;
  has_shop_delivery: boolean;
  has_api_key: boolean;
  has_rule_change: boolean;
  has_test_email: boolean;
}

/**
 * What a business has done so far, read (never written) from the tables that record it: one statement of
 * EXISTS checks, each answered from an index on (tenant_id, ...). The owning modules keep writing their
 * tables; this only looks.
 */
@Injectable()
export class GettingStartedRepository {
  async facts(manager: TenantManager): Promise<GettingStartedFacts> {
    const [row] = await queryRows<GettingStartedFacts>(
      manager,
      `SELECT coalesce(t.postal_address, '') <> ''
                AND (coalesce(t.contact_email, '') <> '' OR coalesce(t.contact_phone, '') <> '') AS has_details,
              nullif(t.sender_email, '') AS sender_email,
              EXISTS (SELECT 1 FROM customers c WHERE c.tenant_id = t.id AND c.erased_at IS NULL) AS has_buyers,
              EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.tenant_id = t.id AND NOT d.is_test) AS has_shop_delivery,
              EXISTS (SELECT 1 FROM api_keys k WHERE k.tenant_id = t.id) AS has_api_key,
              EXISTS (SELECT 1 FROM audit_events a WHERE a.tenant_id = t.id
                         AND a.action IN ('automation.created', 'automation.updated', 'automation.deleted'))
                AS has_rule_change,
              EXISTS (SELECT 1 FROM audit_events a WHERE a.tenant_id = t.id AND a.action = 'template.test_sent')
                AS has_test_email
         FROM tenants t WHERE t.id = $1`,
      [tenantIdOf(manager)],
    );
    if (!row) throw new Error('The tenant of the transaction has no row');
    return row;
  }
}
