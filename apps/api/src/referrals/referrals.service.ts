import { Injectable } from '@nestjs/common';
import type { ReferralSummaryResponse } from '@rapport/domain';
import { BusinessSettingsRepository } from '../accounts/business-settings.repository';
import { CustomersRepository } from '../customers/customers.repository';
import { OutboxRepository } from '../outbox/outbox.repository';
import { PromoterAnswers } from '../answers/promoter-answers';
import { TenantDatabase, type TenantManager } from '../tenancy/tenant-database';
import { ReferralsRepository } from './referrals.repository';

/** A promoter is asked a day after their answer, not while they are still on the thank-you page. */
export const REFERRAL_REQUEST_DELAY_MS = 86_400_000;

/**
 * The recommendation loop: a promoter is asked once for a recommendation with a code of their own; a
 * person who arrives with that code is the promoter's referral; when they become a customer, the promoter
 * is thanked. Every way a person becomes a customer goes through `becameCustomer`.
 */
/** A person who became a customer longer ago than this: their referrer is not thanked for it now. */
const THANKS_TOO_LATE_MS = 2 * 86_400_000;

@Injectable()
export class ReferralsService extends PromoterAnswers {
  constructor(
    private readonly database: TenantDatabase,
    private readonly referrals: ReferralsRepository,
    private readonly customers: CustomersRepository,
    private readonly settings: BusinessSettingsRepository,
    private readonly outbox: OutboxRepository,
  ) {
    super();
  }

  /** A promoter answered: plans their one request to recommend, when the business asks for them. */
  async askPromoter(manager: TenantManager, customerId: string, now: Date): Promise<void> {
    if (!(await this.settings.feedbackSettings(manager)).referralRequests) return;
    await this.referrals.codeFor(manager, customerId);
    await this.outbox.planReferralRequest(
      manager,
      customerId,
      new Date(now.getTime() + REFERRAL_REQUEST_DELAY_MS),
    );
  }

  /**
   * A person arrived with a code (the enquiry form, an order or enquiry sent with it): they are the code's
   * owner's referral if they are not a customer yet and nobody recommended them before. An unknown code
   * changes nothing (a typo at a shop's checkout must not stop the order).
   */
  async attribute(
    manager: TenantManager,
    customerId: string,
    code: string | undefined,
    at: Date,
  ): Promise<void> {
    if (!code?.trim()) return;
    const referrer = await this.referrals.referrerOf(manager, code);
    if (!referrer) return;
    const since = new Date(Math.max(at.getTime(), referrer.createdAt.getTime()));
    await this.customers.markReferred(manager, customerId, referrer.customerId, since);
  }

  /** The person became a customer at `at`; the first time, whoever recommended them is thanked. */
  async becameCustomer(manager: TenantManager, customerId: string, at: Date): Promise<void> {
    const marked = await this.customers.markCustomer(manager, customerId, at);
    if (!marked?.isFirstTime || !marked.referredBy) return;
    // An order from before the recommendation (an imported history) was not the recommendation's doing,
    // and thanks for one long past would come too late to mean anything.
    if (marked.referredAt && at.getTime() < marked.referredAt.getTime()) return;
    if (Date.now() - at.getTime() > THANKS_TOO_LATE_MS) return;
    if (!(await this.customers.markReferrerThanked(manager, customerId, new Date()))) return;
    await this.outbox.planReferralThanks(
      manager,
      { referrerId: marked.referredBy, referredId: customerId },
      new Date(),
    );
  }

  summary(tenantId: string, since: Date): Promise<ReferralSummaryResponse> {
    return this.database.transaction(tenantId, (manager) => this.referrals.summary(manager, since));
  }
}
