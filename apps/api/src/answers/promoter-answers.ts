import type { TenantManager } from '../tenancy/tenant-database';

/**
 * What a promoter's answer sets going, inside the transaction that records it: the referrals feature
 * provides it (it builds on answers, so answers only name what they need).
 */
export abstract class PromoterAnswers {
  abstract askPromoter(manager: TenantManager, customerId: string, now: Date): Promise<void>;
}
