import type { OutboxKind } from '@rapport/domain';

/** What each email of the outbox is, in the console's words: the messages, an order's and a person's timeline. */
export const OUTBOX_KIND_WORDS: Readonly<Record<OutboxKind, string>> = {
  'thank-you': 'Thank you',
  'opinion-request': 'Opinion request',
  reminder: 'Reminder',
  manual: 'Note sent by hand',
  'case-reply': 'Reply from the case',
  'enquiry-thanks': 'Thanks for the enquiry',
  'quote-follow-up': 'Quote follow-up',
  'visit-thanks': 'Thanks for the visit',
  'missed-you': 'Missed appointment',
  'enquiry-reply': 'Answer to the enquiry',
  'referral-request': 'Request to recommend',
  'referral-thanks': 'Thanks for a recommendation',
};
