/** An email caught by the development mailbox (used when no email provider is configured). */
export interface DevMailboxMessageResponse {
  id: string;
  createdAt: string;
  from: string;
  to: string;
  replyTo: string | null;
  subject: string;
  html: string;
  text: string;
  category: string;
}

/** An email a business sent, as its buyer received it (kept while the development mailbox catches email). */
export interface MailboxEmailResponse {
  id: string;
  messageId: string | null;
  to: string;
  subject: string;
  createdAt: string;
}

export interface MailboxEmailDetailResponse extends MailboxEmailResponse {
  html: string;
  text: string;
}

export interface MailboxPageResponse {
  /** False when an email provider delivers the mail: nothing is caught, and the list stays empty. */
  isCatching: boolean;
  items: MailboxEmailResponse[];
  nextCursor: string | null;
}

/** A reply written in the development mailbox as the email's recipient would, for trying replies out. */
export interface DevMailboxReplyRequest {
  text: string;
}

/** Where an emailed reply landed: on the buyer's answer, on a case, unmatched in its business, or nowhere. */
export type ReplyOutcome = 'answer' | 'case' | 'unmatched' | 'unrouted';

export interface DevMailboxReplyResponse {
  stored: ReplyOutcome;
}
