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
