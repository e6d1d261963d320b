import type { RateLimit } from './rate-limiter';

/**
 * Every limit in one place, so they can be reviewed together. Each is multiplied by RATE_LIMIT_MULTIPLIER;
 * a client over one is answered 429 with Retry-After (the seconds left in the window).
 */
export const RATE_LIMITS = {
  loginPerIp: { name: 'login:ip', limit: 30, windowSeconds: 300 },
  signUpPerIp: { name: 'signup:ip', limit: 10, windowSeconds: 3600 },
  /** Each sign-up emails the address, an account or not: a few an hour, so no one is flooded. */
  signUpPerEmail: { name: 'signup:email', limit: 3, windowSeconds: 3600 },
  signUpConfirmPerIp: { name: 'signup-confirm:ip', limit: 20, windowSeconds: 600 },
  resetPerIp: { name: 'reset:ip', limit: 10, windowSeconds: 3600 },
  resetPerEmail: { name: 'reset:email', limit: 3, windowSeconds: 3600 },
  /** New businesses of one signed-in user: a person runs a few; each adds tenant rows and default rules. */
  businessPerUser: { name: 'business:user', limit: 10, windowSeconds: 3600 },
  invitePerUser: { name: 'invite:user', limit: 30, windowSeconds: 3600 },
  invitePerIp: { name: 'invite:ip', limit: 60, windowSeconds: 3600 },
  acceptPerIp: { name: 'accept:ip', limit: 20, windowSeconds: 600 },
  /** Every request authenticated by one API key, whatever the route: 20 a second on average. */
  apiKey: { name: 'api-key', limit: 1200, windowSeconds: 60 },
  /** The answer page, GET and POST: a buyer needs two or three; 60 leave room for a shared office address. */
  answerPagePerIp: { name: 'answer:ip', limit: 60, windowSeconds: 60 },
  /** Unsubscribes: one-click posts come from mailbox providers' servers, many buyers behind one address. */
  unsubscribePerIp: { name: 'unsubscribe:ip', limit: 300, windowSeconds: 60 },
  /** The honeypot link: mail scanners fetch every link of every email, from few addresses. */
  honeypotPerIp: { name: 'honeypot:ip', limit: 600, windowSeconds: 60 },
  /** Shop webhooks: a shop bursts (a sale, a bulk edit), and shops of many businesses share senders. */
  shopWebhookPerIp: { name: 'shop-webhook:ip', limit: 1200, windowSeconds: 60 },
  /** SendGrid's Event Webhook posts batches of events, every few seconds at most. */
  sendGridEventsPerIp: { name: 'sendgrid-events:ip', limit: 600, windowSeconds: 60 },
  /** The public enquiry form, shown and posted: a visitor needs two or three; a spammer is held here. */
  enquiryFormPerIp: { name: 'enquiry-form:ip', limit: 30, windowSeconds: 600 },
  /** Enquiries one business's form takes: far above a small business's day, a ceiling for a flood. */
  enquiryFormPerBusiness: { name: 'enquiry-form:business', limit: 100, windowSeconds: 3600 },
  /** Inbound Parse: one post per reply to any business's email. */
  inboundParsePerIp: { name: 'inbound:ip', limit: 600, windowSeconds: 60 },
} as const satisfies Record<string, RateLimit>;
