/**
 * Events a business's endpoints may ask for. Payloads are versioned (`version`); a change that would break
 * a receiver gets a new version, announced in docs/webhooks.md.
 */
export const WEBHOOK_EVENT_TYPES = [
  'answer.recorded',
  'case.opened',
  'case.assigned',
  'case.resolved',
  'reply.received',
  'customer.unsubscribed',
  'customer.bounced',
  'customer.complained',
  'enquiry.received',
  'case.due_soon',
  'case.overdue',
  'report.ready',
  'delivery.at_risk',
  'follow_up.sent',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Every event type, and `webhook.test` sent by "Send a test event". */
export type BusinessEventType = WebhookEventType | 'webhook.test';

export const WEBHOOK_EVENT_WORDS: Readonly<Record<WebhookEventType, string>> = {
  'answer.recorded': 'An answer is recorded',
  'case.opened': 'A case is opened',
  'case.assigned': 'A case is assigned',
  'case.resolved': 'A case is resolved',
  'reply.received': 'A reply to an email is received',
  'customer.unsubscribed': 'Someone unsubscribes',
  'customer.bounced': 'An email to someone bounces',
  'customer.complained': 'Someone marks an email as spam',
  'enquiry.received': 'An enquiry arrives',
  'case.due_soon': 'A case is due soon',
  'case.overdue': 'A case is overdue',
  'report.ready': 'The weekly report is ready',
  'delivery.at_risk': 'Sending is at risk',
  'follow_up.sent': 'A follow-up email is sent',
};

/** What a delivery's body holds: the same for every event, its `data` by type. */
export interface WebhookPayload {
  /** The event's id: the same on every try and resend, for de-duplication. */
  id: string;
  type: BusinessEventType;
  version: 1;
  /** When it happened. */
  occurredAt: string;
  business: { id: string };
  data: Record<string, unknown>;
}

/**
 * What an endpoint receives: signed JSON for a system, or a message for people in a Slack or Microsoft
 * Teams channel (the channel's incoming webhook or workflow URL).
 */
export const ENDPOINT_FORMATS = ['json', 'slack', 'teams'] as const;
export type EndpointFormat = (typeof ENDPOINT_FORMATS)[number];

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface WebhookEndpointResponse {
  id: string;
  format: EndpointFormat;
  /** A Slack or Teams URL is a secret of its own: only its host shows. */
  url: string;
  description: string;
  events: WebhookEventType[];
  /** Set when the business paused it, or when deliveries kept failing. */
  pausedAt: string | null;
  pausedReason: string | null;
  /** Deliveries that failed for good, one after the other (reset by a success). */
  failedInARow: number;
  createdAt: string;
}

/** A new endpoint with its signing secret: shown this once. */
export interface CreatedWebhookEndpointResponse extends WebhookEndpointResponse {
  secret: string;
}

export interface CreateWebhookEndpointRequest {
  /** `json` (signed, for systems) unless given. */
  format?: EndpointFormat;
  url: string;
  events: WebhookEventType[];
  description?: string;
}

export interface UpdateWebhookEndpointRequest {
  url?: string;
  events?: WebhookEventType[];
  description?: string;
  /** false pauses deliveries; true resumes them (and forgets past failures). */
  isActive?: boolean;
}

export interface EndpointDeliveryResponse {
  id: string;
  eventId: string;
  eventType: BusinessEventType;
  status: DeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  lastAttemptAt: string | null;
  finishedAt: string | null;
  createdAt: string;
}
