import type { BuyerLocale } from '../commerce/customers';

/**
 * The variables a template may use. Tenant text sees only these: a per-message object built by the app,
 * never a live record, so a template cannot reach other data.
 */
export const TEMPLATE_VARIABLES: Readonly<Record<string, string>> = {
  'customer.first_name': "The buyer's first name, or empty",
  'customer.name': "The buyer's full name, or empty",
  'order.number': 'The order number as the shop shows it',
  'order.total': 'The order total, formatted',
  'order.products': 'The names of the products in the order (a list)',
  'interaction.subject': 'What the enquiry, quote or appointment is about, or empty',
  'interaction.amount': "A quote's amount, formatted, or empty",
  'interaction.date':
    'When the appointment is, or until when the quote holds, in the buyer’s language, or empty',
  'referral.url': "The buyer's personal link to recommend the business (requests to recommend)",
  'referral.code': "The buyer's referral code, to mention when ordering (requests to recommend)",
  'business.name': "The business's name",
  'business.phone': "The business's phone for the footer",
  'business.email': "The business's contact email for the footer",
  'business.address': "The business's postal address for the footer",
  'business.logo_url': "The business's logo, or empty",
  'business.brand_color': "The business's colour, as #rrggbb",
  survey_url: 'The link to the short survey (opinion requests)',
  'survey.question': "The survey's first question, when it is a score, in the buyer's language",
  'survey.scale':
    'The scores of that question (a list), each with its score and url: the link to the answer page with it chosen',
  'survey.low_label': 'The words under the lowest score ("Not at all likely")',
  'survey.high_label': 'The words under the highest score ("Extremely likely")',
  unsubscribe_url: 'The one-click unsubscribe link',
};

/** What every saved template must show: the business's contact details and a visible unsubscribe link. */
export const REQUIRED_TEMPLATE_VARIABLES = [
  'business.phone',
  'business.email',
  'business.address',
  'unsubscribe_url',
] as const;

const LIST_PROPERTIES = new Set(['first', 'last', 'size']);
const LIST_VARIABLES = new Set(['order.products', 'survey.scale']);

/**
 * Whether a variable path (as the template wrote it) names something in the catalogue. Lists may be
 * indexed or asked for `first`, `last` and `size`; strings for `size`.
 */
export function isKnownVariable(path: readonly (string | number)[]): boolean {
  const [root, property, extra, ...rest] = path;
  if (rest.length > 0) return false;
  const rootOnly = typeof root === 'string' && root in TEMPLATE_VARIABLES;
  if (rootOnly) return property === undefined || property === 'size';
  const key = `${String(root)}.${String(property)}`;
  if (!(key in TEMPLATE_VARIABLES)) return false;
  if (extra === undefined) return true;
  return LIST_VARIABLES.has(key) ? typeof extra === 'number' || LIST_PROPERTIES.has(extra) : extra === 'size';
}

/** The buyer's language when we have templates in it, else the business's, else English. */
export function templateLocale(buyerLocale: BuyerLocale | null, businessLocale: string): BuyerLocale {
  const supported = ['en', 'es', 'fr', 'de'];
  if (buyerLocale && supported.includes(buyerLocale)) return buyerLocale;
  return (supported.includes(businessLocale) ? businessLocale : 'en') as BuyerLocale;
}
