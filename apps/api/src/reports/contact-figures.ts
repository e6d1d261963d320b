import { CONTACT_STEPS, type ContactStep, type ContactStepKey } from '@rapport/domain';
import { queryRow } from '../database/query-rows';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';

// What a span did with enquiries, quotes, appointments and recommendations: the counts the weekly report
// and the dashboard show against the span before.

async function counts(manager: TenantManager, from: Date, to: Date): Promise<Record<ContactStepKey, number>> {
  const row = await queryRow<Record<ContactStepKey, number>>(
    manager,
    `SELECT
       (SELECT count(*)::int FROM interaction_events WHERE tenant_id = $1 AND type = 'enquiry_received' AND occurred_at >= $2 AND occurred_at < $3) AS "enquiries",
       (SELECT count(*)::int FROM interactions WHERE tenant_id = $1 AND type = 'enquiry' AND answered_at >= $2 AND answered_at < $3) AS "enquiriesAnswered",
       (SELECT count(*)::int FROM interaction_events WHERE tenant_id = $1 AND type = 'quote_sent' AND occurred_at >= $2 AND occurred_at < $3) AS "quotesSent",
       (SELECT count(*)::int FROM messages WHERE tenant_id = $1 AND kind = 'quote-follow-up' AND sent_at >= $2 AND sent_at < $3) AS "quotesFollowedUp",
       (SELECT count(*)::int FROM interaction_events WHERE tenant_id = $1 AND type = 'quote_accepted' AND occurred_at >= $2 AND occurred_at < $3) AS "quotesAccepted",
       (SELECT count(*)::int FROM interaction_events WHERE tenant_id = $1 AND type = 'appointment_completed' AND occurred_at >= $2 AND occurred_at < $3) AS "appointmentsCompleted",
       (SELECT count(*)::int FROM messages WHERE tenant_id = $1 AND kind = 'visit-thanks' AND sent_at >= $2 AND sent_at < $3) AS "visitsThanked",
       (SELECT count(*)::int FROM messages WHERE tenant_id = $1 AND kind = 'referral-request' AND sent_at >= $2 AND sent_at < $3) AS "referralsAsked",
       (SELECT count(*)::int FROM customers WHERE tenant_id = $1 AND referred_at >= $2 AND referred_at < $3) AS "referralsUsed",
       (SELECT count(*)::int FROM customers WHERE tenant_id = $1 AND referred_by IS NOT NULL
           AND became_customer_at >= referred_at AND became_customer_at >= $2 AND became_customer_at < $3) AS "referralsConverted"`,
    [tenantIdOf(manager), from, to],
  );
  return (
    row ?? (Object.fromEntries(CONTACT_STEPS.map((step) => [step.key, 0])) as Record<ContactStepKey, number>)
  );
}

/** Each step's count in a span and in the span it is compared with (the week or the 30 days before). */
export async function contactSteps(
  manager: TenantManager,
  span: { from: Date; to: Date },
  before: { from: Date; to: Date },
): Promise<ContactStep[]> {
  // One after the other: both run on the transaction's single connection.
  const current = await counts(manager, span.from, span.to);
  const previous = await counts(manager, before.from, before.to);
  return CONTACT_STEPS.map((step) => ({
    key: step.key,
    label: step.label,
    count: current[step.key],
    previous: previous[step.key],
  }));
}

/** Median minutes from an enquiry arriving to its first answer, for the enquiries answered in [from, to). */
export async function medianEnquiryAnswerMinutes(
  manager: TenantManager,
  from: Date,
  to: Date,
): Promise<number | null> {
  const row = await queryRow<{ minutes: number | null }>(
    manager,
    `SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - occurred_at) / 60))::int AS minutes
       FROM interactions WHERE tenant_id = $1 AND type = 'enquiry' AND answered_at >= $2 AND answered_at < $3`,
    [tenantIdOf(manager), from, to],
  );
  return row?.minutes ?? null;
}
