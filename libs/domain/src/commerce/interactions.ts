/**
 * What a business does with a person besides selling them an order: they ask (an enquiry), are quoted (a
 * quote) or come in (an appointment or job). Each moves through its own statuses, and every step is an
 * event that automations can start from.
 */
export const INTERACTION_TYPES = ['enquiry', 'quote', 'appointment'] as const;
export type InteractionType = (typeof INTERACTION_TYPES)[number];

export const ENQUIRY_STATUSES = ['open', 'answered', 'closed'] as const;
export const QUOTE_STATUSES = ['sent', 'accepted', 'declined', 'expired'] as const;
export const APPOINTMENT_STATUSES = ['booked', 'completed', 'no_show', 'cancelled'] as const;
export type EnquiryStatus = (typeof ENQUIRY_STATUSES)[number];
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
export type InteractionStatus = EnquiryStatus | QuoteStatus | AppointmentStatus;

export const INTERACTION_STATUSES: Readonly<Record<InteractionType, readonly InteractionStatus[]>> = {
  enquiry: ENQUIRY_STATUSES,
  quote: QUOTE_STATUSES,
  appointment: APPOINTMENT_STATUSES,
};

/** Where an interaction came from; each source has its own external ids. */
export const INTERACTION_SOURCES = ['api', 'console', 'csv', 'form'] as const;
export type InteractionSource = (typeof INTERACTION_SOURCES)[number];

/** The events automations and timelines see, one per step an interaction took. */
export const INTERACTION_EVENTS = [
  'enquiry_received',
  'enquiry_answered',
  'enquiry_closed',
  'quote_sent',
  'quote_accepted',
  'quote_declined',
  'quote_expired',
  'appointment_booked',
  'appointment_completed',
  'appointment_no_show',
  'appointment_cancelled',
] as const;
export type InteractionEvent = (typeof INTERACTION_EVENTS)[number];

/** Each status, the first and the later ones, and where each may go next. */
const FLOWS: Readonly<Record<InteractionType, Readonly<Record<string, readonly InteractionStatus[]>>>> = {
  enquiry: { open: ['answered', 'closed'], answered: ['closed'], closed: [] },
  quote: { sent: ['accepted', 'declined', 'expired'], accepted: [], declined: [], expired: [] },
  appointment: { booked: ['completed', 'no_show', 'cancelled'], completed: [], no_show: [], cancelled: [] },
};

export function isInteractionStatus(type: InteractionType, status: unknown): status is InteractionStatus {
  return (INTERACTION_STATUSES[type] as readonly unknown[]).includes(status);
}

/** The status every interaction of a type starts in. */
export function initialStatus(type: InteractionType): InteractionStatus {
  return INTERACTION_STATUSES[type][0] as InteractionStatus;
}

/** The event a step into `status` records: an enquiry that is open was received; the others say their status. */
export function eventOf(type: InteractionType, status: InteractionStatus): InteractionEvent {
  return `${type}_${status === 'open' ? 'received' : status}` as InteractionEvent;
}

/**
 * The events a change from `previous` (null when the interaction is new) to `next` records, in order. A
 * quote first seen as accepted was also sent, an appointment first seen as completed was also booked, so
 * automations keyed on the first step see it. Null when the change is not allowed (a completed
 * appointment cannot be booked again); an empty list when nothing changes.
 */
export function interactionEvents(
  type: InteractionType,
  previous: InteractionStatus | null,
  next: InteractionStatus,
): InteractionEvent[] | null {
  if (previous === next) return [];
  const first = initialStatus(type);
  if (previous === null)
    return next === first
      ? [eventOf(type, first)]
      : [eventOf(type, first), ...(interactionEvents(type, first, next) ?? [])];
  const direct = FLOWS[type][previous] ?? [];
  if (direct.includes(next)) return [eventOf(type, next)];
  // An enquiry may close after an answer or without one; going through "answered" is not implied.
  return null;
}

/** The statuses after which nothing more is planned for the interaction. */
export function isSettled(type: InteractionType, status: InteractionStatus): boolean {
  return (FLOWS[type][status] ?? []).length === 0;
}

/** The statuses a person can choose next, for the console's buttons. */
export function nextStatuses(type: InteractionType, status: InteractionStatus): readonly InteractionStatus[] {
  return FLOWS[type][status] ?? [];
}

/** A status in words, as the console and the emails' footers show it. */
export const INTERACTION_STATUS_WORDS: Readonly<Record<InteractionStatus, string>> = {
  open: 'Waiting for an answer',
  answered: 'Answered',
  closed: 'Closed',
  sent: 'Sent',
  accepted: 'Accepted',
  declined: 'Declined',
  expired: 'Expired',
  booked: 'Booked',
  completed: 'Completed',
  no_show: 'No-show',
  cancelled: 'Cancelled',
};

export const INTERACTION_TYPE_WORDS: Readonly<Record<InteractionType, string>> = {
  enquiry: 'Enquiry',
  quote: 'Quote',
  appointment: 'Appointment',
};
