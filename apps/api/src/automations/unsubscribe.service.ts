import { EventLog } from '../events/event-log';
import { Injectable } from '@nestjs/common';
import { CustomersRepository } from '../customers/customers.repository';
import { type BuyerLocale, type SubscriptionState, templateLocale } from '@rapport/domain';
import type { PageBrand } from '../answers/buyer-page';
import { parseTenantToken } from '../access/secret-token';
import { TenantDatabase, type TenantManager, tenantIdOf } from '../tenancy/tenant-database';
import { OutboxRepository } from '../outbox/outbox.repository';
import { queryRow } from '../database/query-rows';

export interface UnsubscribeTarget {
  customerId: string;
  brand: PageBrand;
  /** The buyer's language when Rapport has pages in it, else the business's. */
  locale: BuyerLocale;
  isUnsubscribed: boolean;
}

/** Unsubscribes the buyer a follow-up's link belongs to, and cancels what is still planned for them. */
@Injectable()
export class UnsubscribeService {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly database: TenantDatabase,
    private readonly customers: CustomersRepository,
    private readonly events: EventLog,
  ) {}

  async describe(token: string): Promise<UnsubscribeTarget | null> {
    const parsed = parseTenantToken(token);
    if (!parsed) return null;
    return this.database.transaction(parsed.tenantId, (manager) => this.find(manager, parsed.hash));
  }

  /** The buyer and business of the link, or null for an unknown link. Doing it twice changes nothing. */
  async unsubscribe(token: string): Promise<UnsubscribeTarget | null> {
    const parsed = parseTenantToken(token);
    if (!parsed) return null;
    return this.database.transaction(parsed.tenantId, async (manager) => {
      const target = await this.find(manager, parsed.hash);
      if (!target) return null;
      if (!target.isUnsubscribed) {
        await this.customers.stopEmail(manager, target.customerId, 'unsubscribed', 'unsubscribe link');
        await this.outbox.cancelScheduled(
          manager,
          { customerId: target.customerId },
          'the buyer unsubscribed',
        );
        await this.events.record(
          manager,
          'customer.unsubscribed',
          { customerId: target.customerId, reason: 'unsubscribe link' },
          new Date(),
        );
      }
      return target;
    });
  }

  private async find(manager: TenantManager, hash: Buffer): Promise<UnsubscribeTarget | null> {
    const row = await queryRow<{
      customer_id: string;
      name: string;
      logo_url: string | null;
      brand_color: string;
      locale: string;
      buyer_locale: BuyerLocale | null;
      subscription_state: SubscriptionState;
    }>(
      manager,
      `SELECT m.customer_id, t.name, t.logo_url, t.brand_color, t.locale, c.locale AS buyer_locale, c.subscription_state
         FROM messages m
         JOIN customers c ON c.tenant_id = m.tenant_id AND c.id = m.customer_id
         JOIN tenants t ON t.id = m.tenant_id
        WHERE m.tenant_id = $1 AND m.unsubscribe_token_hash = $2`,
      [tenantIdOf(manager), hash],
    );
    return row
      ? {
          customerId: row.customer_id,
          brand: { name: row.name, logoUrl: row.logo_url, color: row.brand_color },
          locale: templateLocale(row.buyer_locale, row.locale),
          isUnsubscribed: row.subscription_state !== 'subscribed',
        }
      : null;
  }
}
