/** The themes every business gets: what buyers of shops, cafés and tradespeople talk about. */
export const BUILT_IN_THEMES = [
  'product_quality',
  'freshness_taste',
  'price_value',
  'delivery_shipping',
  'packaging',
  'staff_service',
  'waiting_time',
  'cleanliness',
  'booking_appointment',
  'communication',
  'website_ordering',
] as const;
export type BuiltInTheme = (typeof BUILT_IN_THEMES)[number];

export const THEME_WORDS: Readonly<Record<BuiltInTheme, string>> = {
  product_quality: 'Product quality',
  freshness_taste: 'Freshness and taste',
  price_value: 'Price and value',
  delivery_shipping: 'Delivery and shipping',
  packaging: 'Packaging',
  staff_service: 'Staff and service',
  waiting_time: 'Waiting time',
  cleanliness: 'Cleanliness',
  booking_appointment: 'Booking and appointments',
  communication: 'Communication',
  website_ordering: 'Website and ordering',
};

export const MENTION_SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export type MentionSentiment = (typeof MENTION_SENTIMENTS)[number];

/** The languages comments are read in. */
export const COMMENT_LANGUAGES = ['en', 'es', 'fr', 'de'] as const;
export type CommentLanguage = (typeof COMMENT_LANGUAGES)[number];

/**
 * One theme a comment talks about, how it speaks of it, and the words that said so (as written, for the
 * console to show why). `theme` is a built-in theme or the key of the business's own.
 */
export interface ThemeMention {
  theme: string;
  sentiment: MentionSentiment;
  /** The words that named the theme. */
  cues: string[];
  /** The words that gave the sentiment (negations and intensifiers included), empty for neutral. */
  tone: string[];
}
