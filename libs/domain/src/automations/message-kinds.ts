/** The life of one planned follow-up (the outbox row). */
export const MESSAGE_STATUSES = [
  'scheduled',
  'sending',
  'sent',
  'delivered',
  'opened',
  'clicked',
  'bounced',
  'dropped',
  'complained',
  'failed',
  'cancelled',
  'skipped',
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** What a follow-up is for; the journey cap counts them differently. */
export const MESSAGE_KINDS = [
  'thank-you',
  'opinion-request',
  'reminder',
  'manual',
  'enquiry-thanks',
  'quote-follow-up',
  'visit-thanks',
  'missed-you',
  'referral-request',
  'referral-thanks',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** What the outbox carries: the follow-ups, and staff's replies from a case or to an enquiry. */
export type OutboxKind = MessageKind | 'case-reply' | 'enquiry-reply';

/** A kind in the words of a reason people read ("thank you sent 1 day ago"). */
export const MESSAGE_KIND_WORDS: Readonly<Record<MessageKind, string>> = {
  'thank-you': 'thank you',
  'opinion-request': 'opinion request',
  reminder: 'reminder',
  manual: 'note',
  'enquiry-thanks': 'thanks for an enquiry',
  'quote-follow-up': 'quote follow-up',
  'visit-thanks': 'thanks for a visit',
  'missed-you': 'missed-appointment note',
  'referral-request': 'request to recommend',
  'referral-thanks': 'thanks for a recommendation',
};
