import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { GettingStartedItem, GettingStartedResponse, SenderState } from '@rapport/domain';
import { CurrentTenant, RequirePermission } from '../access/access.decorators';
import { SenderStatus } from '../mail/sender-status';
import { TenantDatabase } from '../tenancy/tenant-database';
import { GettingStartedRepository } from './getting-started.repository';

/** A sender counts once the provider will send from it (or, with no provider, once it is chosen at all). */
const USABLE_SENDER_STATES: readonly SenderState[] = [
  'verified-sender',
  'authenticated-domain',
  'not-needed',
];

/** The dashboard's getting-started checklist, computed each time from what the business has done. */
@ApiTags('business')
@Controller('getting-started')
export class GettingStartedController {
  constructor(
    private readonly database: TenantDatabase,
    private readonly repository: GettingStartedRepository,
    private readonly senders: SenderStatus,
  ) {}

  @RequirePermission('business:read')
  @Get()
  async checklist(@CurrentTenant() tenantId: string): Promise<GettingStartedResponse> {
    const facts = await this.database.transaction(tenantId, (manager) => this.repository.facts(manager));
    // Asked outside the transaction: it may call SendGrid, which must not hold a database connection.
    const sender = facts.sender_email ? await this.senders.of(facts.sender_email) : null;
    const items: GettingStartedItem[] = [
      { step: 'business-details', isDone: facts.has_details },
      { step: 'sender', isDone: sender !== null && USABLE_SENDER_STATES.includes(sender.state) },
      { step: 'first-buyers', isDone: facts.has_buyers },
      { step: 'shop-or-api-key', isDone: facts.has_shop_delivery || facts.has_api_key },
      { step: 'rules-reviewed', isDone: facts.has_rule_change },
      { step: 'test-email', isDone: facts.has_test_email },
    ];
    return { items, isComplete: items.every((item) => item.isDone) };
  }
}
