import type { Role } from '../accounts/roles';
import { addDays, instantAt, wallTimeAt } from '../automations/zoned-time';

/** What a member may hear of, each as its own choice. */
export const NOTIFICATION_KINDS = [
  'case.opened',
  'case.assigned',
  'case.due_soon',
  'case.overdue',
  'reply.received',
  'enquiry.received',
  'report.ready',
  'delivery.at_risk',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Each on its own as it happens, gathered into one email a day, or not at all. */
export const NOTIFICATION_DELIVERIES = ['instant', 'summary', 'none'] as const;
export type NotificationDelivery = (typeof NOTIFICATION_DELIVERIES)[number];

export type NotificationChoices = Partial<Record<NotificationKind, NotificationDelivery>>;

export const NOTIFICATION_WORDS: Readonly<Record<NotificationKind, string>> = {
  'case.opened': 'A low score opens a case',
  'case.assigned': 'A case is handed to someone',
  'case.due_soon': 'A case is due soon',
  'case.overdue': 'A case is overdue',
  'reply.received': 'A buyer replies to an email',
  'enquiry.received': 'An enquiry arrives',
  'report.ready': 'The weekly report is ready',
  'delivery.at_risk': 'Sending is at risk',
};

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === 'string' && (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/** The hour of a daily summary when a member has chosen none: the start of a working day. */
export const DEFAULT_SUMMARY_HOUR = 8;

/**
 * What each role hears of until they choose. The owner answers for the business: what needs someone now
 * comes at once, what can wait comes in the summary. An admin keeps an eye on it all, a day at a time,
 * except what cannot wait. Staff hear of their own cases (see `deliveryFor`) and, when they take cases,
 * of the enquiries and replies they will be answering. The weekly report already comes by email to whom
 * the business names, so "ready" is off until chosen.
 */
export function defaultDelivery(
  role: Role,
  kind: NotificationKind,
  takesCases: boolean,
): NotificationDelivery {
  if (kind === 'report.ready') return 'none';
  if (role === 'owner')
    return kind === 'case.assigned' ? 'none' : kind === 'case.due_soon' ? 'summary' : 'instant';
  if (role === 'admin') {
    if (kind === 'case.overdue' || kind === 'delivery.at_risk') return 'instant';
    return kind === 'case.assigned' ? 'none' : 'summary';
  }
  if (!takesCases) return 'none';
  if (kind === 'enquiry.received') return 'instant';
  return kind === 'reply.received' ? 'summary' : 'none';
}

/** Kinds about one case, which its assignee always hears of. */
const CASE_KINDS: ReadonlySet<NotificationKind> = new Set([
  'case.opened',
  'case.assigned',
  'case.due_soon',
  'case.overdue',
  'reply.received',
]);

/**
 * How one member hears of one event: their choice, else their role's default. The assignee of the case
 * always hears of it: in the summary if that is what they chose, else at once, even when they turned the
 * kind off (that choice is about other people's cases).
 */
export function deliveryFor(member: {
  role: Role;
  takesCases: boolean;
  choices: NotificationChoices;
  kind: NotificationKind;
  isAssignee: boolean;
}): NotificationDelivery {
  const chosen = member.choices[member.kind] ?? defaultDelivery(member.role, member.kind, member.takesCases);
  if (member.isAssignee && CASE_KINDS.has(member.kind)) return chosen === 'summary' ? 'summary' : 'instant';
  return chosen;
}

/** The next moment (after `now`) a clock in `timeZone` strikes `hour`: when a daily summary goes. */
export function nextSummaryAt(now: Date, hour: number, timeZone: string): Date {
  const today = wallTimeAt(now, timeZone);
  const todayAt = instantAt(today, { hour, minute: 0 }, timeZone);
  if (todayAt.getTime() > now.getTime()) return todayAt;
  return instantAt(addDays(today, 1), { hour, minute: 0 }, timeZone);
}
