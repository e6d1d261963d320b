/** One email, rendered and ready to hand to a provider. */
export interface OutgoingMail {
  to: string;
  from: string;
  replyTo?: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  /** A small fixed set (`account`, `follow-up`, ...), for provider statistics. No personal data. */
  category: string;
  /** Opaque ids that come back with the provider's events (message and tenant ids). No personal data. */
  customArgs?: Record<string, string>;
  /** Images the HTML shows by `cid:<contentId>` (the weekly report's charts). */
  inlineImages?: InlineImage[];
  /**
   * The moment the sender sends it: the present, except for a history written at the time it happened (the
   * demo business), whose caught emails are dated then. A provider sends at once whatever it says.
   */
  sentAt?: Date;
}

/** An image attached inline and shown by the HTML as `cid:<contentId>`. */
export interface InlineImage {
  contentId: string;
  filename: string;
  type: 'image/png';
  content: Buffer;
}

export interface SentMail {
  /** The provider's id for the message. */
  providerMessageId: string;
}

/**
 * The port every email leaves through. Adapters: the development mailbox (default) and, with the
 * follow-up engine, SendGrid. Injected by this abstract class as its token.
 */
export abstract class MailTransport {
  abstract send(mail: OutgoingMail): Promise<SentMail>;
}
