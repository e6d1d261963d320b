import { durationWords } from './duration-words';
import type { FunnelStep } from '../contracts/reports';

/** Complaint rate above which mailbox providers start filtering a sender (Google and Yahoo ask for < 0.1%). */
export const COMPLAINT_WARNING_RATE = 0.001;
/** Bounce rate above which the buyer list needs cleaning. */
export const BOUNCE_WARNING_RATE = 0.05;

/** A plain warning when the week's complaint or bounce rate puts delivery at risk; null when it is fine. */
export function deliverabilityWarning(rates: {
  complaintRate: number | null;
  bounceRate: number | null;
}): string | null {
  const warnings: string[] = [];
  if ((rates.complaintRate ?? 0) > COMPLAINT_WARNING_RATE)
    warnings.push(
      `${formatShare(rates.complaintRate ?? 0)} of your emails were reported as spam (keep it under 0.1%): check that buyers expect your emails and that the first one says why they get it`,
    );
  if ((rates.bounceRate ?? 0) > BOUNCE_WARNING_RATE)
    warnings.push(
      `${formatShare(rates.bounceRate ?? 0)} of your emails bounced (keep it under 5%): check the addresses you import`,
    );
  return warnings.length > 0 ? `Delivery is at risk: ${warnings.join('; ')}.` : null;
}

/** "0.15%", "12%": a share in words. */
export function formatShare(share: number): string {
  const percent = share * 100;
  return `${percent < 1 ? Number(percent.toFixed(2)) : Math.round(percent)}%`;
}

/** The change against the week before, in words: "+3", "−2", "same", "new". */
export function changeWords(count: number, previous: number): string {
  if (count === previous) return 'same as the week before';
  if (previous === 0) return 'none the week before';
  const difference = count - previous;
  return `${difference > 0 ? '+' : '−'}${Math.abs(difference)} on the week before`;
}

/** A week with nothing to tell: no orders, emails, answers or cases, and no case left open. */
/**
 * The lines of the week's enquiries, quotes, appointments and recommendations worth showing: none at all for
 * a business that has none this week or the week before (a shop that takes no enquiries sees no section).
 */
export function contactLines(
  steps: readonly { label: string; count: number; previous: number }[],
  medianAnswerMinutes: number | null,
  /** What the counts are compared with, in words. */
  before = 'the week before',
): string[] {
  const shown = steps.filter((step) => step.count > 0 || step.previous > 0);
  const lines = shown.map(
    (step) =>
      `${step.label}: ${step.count} (${changeWords(step.count, step.previous).replace('the week before', before)})`,
  );
  if (medianAnswerMinutes !== null)
    lines.push(`Enquiries were answered in ${durationWords(medianAnswerMinutes)} (median).`);
  return lines;
}

export function isQuietWeek(
  funnel: readonly FunnelStep[],
  openCases: number,
  contacts: readonly { count: number }[] = [],
): boolean {
  return (
    openCases === 0 && funnel.every((step) => step.count === 0) && contacts.every((step) => step.count === 0)
  );
}
