import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CustomerExport } from '@rapport/domain';
import { DataSource } from 'typeorm';
import { AccountsRepository } from '../accounts/accounts.repository';
import { AuditLog } from '../audit/audit-log';
import type { AuditActor } from '../access/principal';
import { execute, queryRow, queryRows } from '../database/query-rows';
import { NotFoundError } from '../errors/app-error';
import { OrdersService } from '../orders/orders.service';
import { TenantDatabase, type TenantManager, tenantIdOf } from '../tenancy/tenant-database';
import { toCustomerResponse } from '../customers/customer-row';
import { CustomersRepository } from '../customers/customers.repository';
import { OutboxRepository } from '../outbox/outbox.repository';
import { CasesRepository } from '../cases/cases.repository';
import { InteractionsRepository } from '../interactions/interactions.repository';
import { InteractionsService } from '../interactions/interactions.service';
import { CustomerTimelineRepository } from '../customers/customer-timeline.repository';
import { ReferralsRepository } from '../referrals/referrals.repository';

const RETENTION_EVERY_MS = 60 * 60 * 1000;
/** Any stable number: one replica at a time runs the retention sweep. */
const RETENTION_LOCK_KEY = 7_310_420_002;
const SYSTEM_ACTOR: AuditActor = {
  userId: null,
  apiKeyId: null,
  label: 'Rapport (retention policy)',
  client: { ip: null, userAgent: null },
};

/**
 * A buyer's rights over their data: a full export, and erasure that removes everything personal while
 * orders and totals stay (anonymous) so the business's figures do not change.
 */
@Injectable()
export class PrivacyService {
  private readonly logger = new Logger(PrivacyService.name);

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly cases: CasesRepository,
    private readonly database: TenantDatabase,
    private readonly customers: CustomersRepository,
    private readonly orders: OrdersService,
    private readonly accounts: AccountsRepository,
    private readonly audit: AuditLog,
    private readonly interactions: InteractionsRepository,
    private readonly interactionsService: InteractionsService,
    private readonly timelines: CustomerTimelineRepository,
    private readonly referrals: ReferralsRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async export(tenantId: string, customerId: string, actor: AuditActor): Promise<CustomerExport> {
    const orders = await this.orders.list(tenantId, { customerId, limit: 200 });
    const interactions = await this.interactionsService.list(tenantId, { customerId, limit: 200 });
    return this.database.transaction(tenantId, async (manager) => {
      const row = await this.customers.findById(manager, customerId);
      if (!row) throw new NotFoundError('Customer');
      const tenant = await this.accounts.findTenant(manager);
      await this.audit.record(manager, actor, 'customer.exported', row.email);
      return {
        exportedAt: new Date().toISOString(),
        business: { id: tenantIdOf(manager), name: tenant?.name ?? '' },
        customer: toCustomerResponse(row),
        orders: orders.items,
        interactions: interactions.items,
        timeline: await this.timelines.timeline(manager, customerId),
      };
    });
  }

  erase(tenantId: string, customerId: string, actor: AuditActor): Promise<void> {
    return this.database.transaction(tenantId, async (manager) => {
      const row = await this.customers.findById(manager, customerId);
      if (!row) throw new NotFoundError('Customer');
      await this.eraseWithin(manager, [customerId]);
      // The audit names the erased buyer by id only: the email is exactly what was asked to be forgotten.
      await this.audit.record(manager, actor, 'customer.erased', `customer ${customerId}`);
    });
  }

  /** Erases buyers whose last order (or sign-up, without orders) is older than the business's retention period. */
  @Interval(RETENTION_EVERY_MS)
  async applyRetention(now = new Date()): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    let erased = 0;
    try {
      const lock = await queryRow<{ locked: boolean }>(
        runner.manager,
        `SELECT pg_try_advisory_lock($1) AS locked`,
        [RETENTION_LOCK_KEY],
      );
      if (!lock?.locked) return 0;
      const tenants = await queryRows<{ tenant_id: string; retention_months: number }>(
        runner.manager,
        `SELECT tenant_id, retention_months FROM tenants_with_retention()`,
      );
      for (const { tenant_id: tenantId, retention_months: months } of tenants) {
        erased += await this.database.transaction(tenantId, async (manager) => {
          const stale = await queryRows<{ id: string }>(
            manager,
            `SELECT c.id FROM customers c
              WHERE c.tenant_id = $1 AND c.erased_at IS NULL
                AND coalesce((SELECT max(o.placed_at) FROM orders o WHERE o.tenant_id = c.tenant_id AND o.customer_id = c.id),
                             c.created_at) < $2::timestamptz - make_interval(months => $3)
              LIMIT 5000`,
            [tenantId, now, months],
          );
          if (stale.length === 0) return 0;
          await this.eraseWithin(
            manager,
            stale.map((row) => row.id),
          );
          await this.audit.record(manager, SYSTEM_ACTOR, 'customer.retention_erased', null, {
            count: stale.length,
            olderThanMonths: months,
          });
          return stale.length;
        });
      }
      await execute(runner.manager, `SELECT pg_advisory_unlock($1)`, [RETENTION_LOCK_KEY]);
    } catch (error) {
      this.logger.error({ err: error }, 'Retention sweep failed');
    } finally {
      await runner.release();
    }
    return erased;
  }

  private async eraseWithin(manager: TenantManager, customerIds: string[]): Promise<void> {
    const tenantId = tenantIdOf(manager);
    // The buyers' rows first, in id order, as the dispatcher takes them: an email being sent to one of them
    // finishes (and is marked) before its traces are erased, and the two never wait on each other.
    await execute(
      manager,
      `SELECT 1 FROM customers WHERE tenant_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR NO KEY UPDATE`,
      [tenantId, customerIds],
    );
    // What buyers wrote goes; their scores and product ratings stay, anonymous, in the business's figures.
    await execute(
      manager,
      `DELETE FROM replies r
        WHERE r.tenant_id = $1
          AND (r.message_id IN (SELECT id FROM messages WHERE tenant_id = $1 AND customer_id = ANY($2::uuid[]))
               OR lower(r.from_email) IN (SELECT lower(email) FROM customers
                                           WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND erased_at IS NULL))`,
      [tenantId, customerIds],
    );
    await execute(
      manager,
      `UPDATE answers SET comment = NULL, reply_comment = NULL, updated_at = now(),
              answers = coalesce((SELECT jsonb_object_agg(key, value) FROM jsonb_each(answers)
                                   WHERE jsonb_typeof(value) <> 'string'), '{}')
        WHERE tenant_id = $1 AND customer_id = ANY($2::uuid[])`,
      [tenantId, customerIds],
    );
    await this.cases.eraseBuyerTexts(manager, customerIds);
    await this.interactions.eraseTexts(manager, customerIds);
    await this.referrals.forget(manager, customerIds);
    await execute(
      manager,
      `DELETE FROM mailbox_emails
        WHERE tenant_id = $1 AND message_id IN (SELECT id FROM messages WHERE tenant_id = $1 AND customer_id = ANY($2::uuid[]))`,
      [tenantId, customerIds],
    );
    await this.outbox.forgetContents(manager, customerIds);
    await execute(
      manager,
      `UPDATE customers SET email = 'erased-' || id || '@erased.invalid', name = '', phone = NULL, locale = NULL,
              time_zone = NULL, tags = '{}', external_ids = '{}', subscription_state = 'unsubscribed',
              subscription_reason = 'erased', subscription_changed_at = now(), erased_at = now(), updated_at = now()
        WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND erased_at IS NULL`,
      [tenantIdOf(manager), customerIds],
    );
  }
}
