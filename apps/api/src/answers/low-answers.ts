import type { TenantManager } from '../tenancy/tenant-database';

/** What the assignee's email needs once the transaction that opened the case has committed. */
export interface OpenedCase {
  caseId: string;
  assignee: { email: string; name: string } | null;
  businessName: string;
  buyerName: string;
  reasons: string[];
  comment: string | null;
  dueAt: Date;
  timeZone: string;
}

/**
 * What a low answer sets going, inside the transaction that records it: the cases feature provides it
 * (answers come first, cases build on them, so answers only name what they need).
 */
export abstract class LowAnswers {
  abstract open(
    manager: TenantManager,
    answer: { id: string; customerId: string; orderId: string | null; comment: string | null },
    reasons: string[],
    now: Date,
  ): Promise<OpenedCase | null>;
}
