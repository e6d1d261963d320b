import type { BuyerLocale, ConsentBasis, CustomerResponse, SubscriptionState } from '@rapport/domain';

/** A customers row as SQL returns it (with the order counts the list joins in). */
export interface CustomerRow {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  locale: BuyerLocale | null;
  time_zone: string | null;
  tags: string[];
  external_ids: Record<string, string>;
  consent_basis: ConsentBasis;
  subscription_state: SubscriptionState;
  subscription_changed_at: Date | null;
  subscription_reason: string | null;
  created_at: Date;
  became_customer_at: Date | null;
  order_count?: string | number;
  last_order_at?: Date | null;
}

export const CUSTOMER_COLUMNS = `c.id, c.email, c.name, c.phone, c.locale, c.time_zone, c.tags, c.external_ids,
  c.consent_basis, c.subscription_state, c.subscription_changed_at, c.subscription_reason, c.became_customer_at, c.created_at`;

export function toCustomerResponse(row: CustomerRow): CustomerResponse {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    phone: row.phone,
    locale: row.locale,
    timeZone: row.time_zone,
    tags: row.tags,
    externalIds: row.external_ids,
    consentBasis: row.consent_basis,
    subscriptionState: row.subscription_state,
    subscriptionChangedAt: row.subscription_changed_at?.toISOString() ?? null,
    subscriptionReason: row.subscription_reason,
    orderCount: Number(row.order_count ?? 0),
    lastOrderAt: row.last_order_at ? new Date(row.last_order_at).toISOString() : null,
    becameCustomerAt: row.became_customer_at ? new Date(row.became_customer_at).toISOString() : null,
    createdAt: row.created_at.toISOString(),
  };
}
