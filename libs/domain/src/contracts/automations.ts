import type { SendWindow } from '../automations/send-window';
import type { AutomationConditions } from '../automations/automation-conditions';
import type { AutomationRule, AutomationTrigger, DelayUnit } from '../automations/automations';
import type { OutboxKind, MessageStatus } from '../automations/message-kinds';

export interface AutomationResponse extends AutomationRule {
  id: string;
  /** The rule in plain words. */
  description: string;
  /** The survey an opinion request carries (its first question inline), or null. */
  survey: { id: string; name: string } | null;
}

/** Any of a rule's settings; what is left out stays. Messages already planned keep their time. */
export interface UpdateAutomationRequest {
  isEnabled?: boolean;
  trigger?: AutomationTrigger;
  name?: string;
  delay?: { amount: number; unit: DelayUnit };
  /** Opinion requests waiting on delivery: days after placement when delivery never comes; null for none. */
  fallbackAfterPlacedDays?: number | null;
  /** Replaces the rule's conditions; `{}` for every order. */
  conditions?: AutomationConditions;
  /** The survey an opinion request carries; null for none (the email then asks for a reply). */
  surveyId?: string | null;
  /** For an enquiry's or a quote's rule: stop once the person becomes a customer. */
  stopsWhenCustomer?: boolean;
}

/** A new rule: what starts it, how long after, what it sends and to which orders. */
export interface CreateAutomationRequest {
  name: string;
  trigger: AutomationTrigger;
  delay: { amount: number; unit: DelayUnit };
  kind: AutomationRule['kind'];
  fallbackAfterPlacedDays?: number | null;
  conditions?: AutomationConditions;
  surveyId?: string | null;
  isEnabled?: boolean;
  stopsWhenCustomer?: boolean;
}

/** One buyer a rule will write to soon (a message already planned). */
export interface UpcomingMessageResponse {
  messageId: string;
  dueAt: string;
  customer: { id: string; name: string; email: string };
  orderNumber: string | null;
}

export interface MessageResponse {
  id: string;
  kind: OutboxKind;
  status: MessageStatus;
  automation: string | null;
  customer: { id: string; email: string; name: string };
  orderNumber: string | null;
  dueAt: string;
  sentAt: string | null;
  /** Why it was skipped, cancelled, postponed or failed, as people read it. */
  reason: string | null;
}

export interface MessageListQuery {
  status?: MessageStatus;
  customerId?: string;
  /** Only the messages one rule planned. */
  automationId?: string;
  cursor?: string;
  limit?: number;
}

/** A business's sender details: shown in every follow-up's footer and From line. */
export interface SenderSettings {
  senderName: string | null;
  senderEmail: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  postalAddress: string | null;
  /** The colour of the email header and buttons, `#rrggbb`. */
  brandColor: string;
  /** An HTTPS image shown at the top of every email instead of the name. */
  logoUrl: string | null;
  sendWindow: SendWindow;
}

/** The periods the delivery card covers: the last 7 or 30 local days, today included. */
export const DELIVERY_HEALTH_DAYS = [7, 30] as const;
export type DeliveryHealthDays = (typeof DELIVERY_HEALTH_DAYS)[number];

/** How a business's follow-ups fared over a period (by when they were sent). */
export interface DeliveryHealthResponse {
  days: number;
  /** Emails sent to buyers in the period, every kind: the dashboard's "Emails sent" counts the same. */
  sent: number;
  /** Sent, with no report from the provider yet: neither delivered nor bounced as far as Rapport knows. */
  awaitingReport: number;
  /**
   * Who carries the emails. With no provider connected they stay in the development mailbox and nothing
   * ever reports them delivered, so the card says so instead of showing a delivered share of 0%.
   */
  carrier: 'sendgrid' | 'development-mailbox';
  /** Delivered, opened or clicked: a message's status only moves forward. */
  delivered: number;
  bounced: number;
  dropped: number;
  complained: number;
  failed: number;
  /** Clicked by people: messages whose hidden link a machine (a mail scanner) fetched are left out. */
  clicked: number;
  /** Messages a mail scanner opened (it fetched the hidden link): their opens and clicks are not people's. */
  scanned: number;
  /** Shares, from 0 to 1, of the sent emails the provider reported on; null when it reported on none. */
  deliveredRate: number | null;
  bounceRate: number | null;
  complaintRate: number | null;
}

/** A note sent now (within the send window) to chosen buyers, with the "manual message" template. */
export interface SendNowRequest {
  customerIds: string[];
}

export interface SendNowResponse {
  /** Messages planned, one per buyer who may be written to. */
  planned: number;
  /** Buyers left out, with why (unsubscribed, bounced...). */
  skipped: { customerId: string; reason: string }[];
}

/** One email Rapport planned or sent about an order: a follow-up, a reminder or a reply from a case. */
export interface OrderFollowUpResponse {
  id: string;
  kind: OutboxKind;
  status: MessageStatus;
  /** The rule that planned it; null for replies from a case and notes sent by hand. */
  automation: string | null;
  subject: string | null;
  /** When it is (or was) due, UTC. */
  dueAt: string;
  sentAt: string | null;
  /** Why it was skipped, cancelled, postponed or failed, as people read it. */
  reason: string | null;
  /** The email as the buyer received it, in the business's mailbox; null when none was kept. */
  mailboxEmailId: string | null;
}

/** An order's follow-ups, oldest due first, with the business's time zone to read their times in. */
export interface OrderFollowUpsResponse {
  timeZone: string;
  items: OrderFollowUpResponse[];
}
