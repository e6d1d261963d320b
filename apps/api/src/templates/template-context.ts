/** The business as its emails show it (a row of `tenants`). */
export interface BusinessRow {
  name: string;
  locale: string;
  contact_phone: string | null;
  contact_email: string | null;
  postal_address: string | null;
  logo_url: string | null;
  brand_color: string;
}

export interface ContextInput {
  business: BusinessRow;
  customerName: string;
  order: { number: string; total: string; currency: string; products: string[] } | null;
  /** The enquiry, quote or appointment the message follows up, when it follows one. */
  interaction?: {
    subject: string;
    amount: string | null;
    currency: string | null;
    date: Date | null;
    timeZone: string;
  } | null;
  /** The buyer's own referral link and code, in a request to recommend the business. */
  referral?: { url: string; code: string } | null;
  locale: string;
  unsubscribeUrl: string;
  surveyUrl: string | null;
  /** The survey's first question inline, when it is a score. */
  surveyQuestion?: SurveyQuestionContext | null;
}

/** The opinion request's inline question: its words, and one link per score to the answer page. */
export interface SurveyQuestionContext {
  question: string;
  lowLabel: string;
  highLabel: string;
  scale: { score: number; url: string }[];
}

/** The business columns the context needs, for SELECTs joined to `tenants t`. */
export const BUSINESS_COLUMNS = `t.name, t.locale, t.contact_phone, t.contact_email, t.postal_address, t.logo_url, t.brand_color`;

/**
 * The only data a template sees: plain strings and lists copied out of the rows, named as the editor
 * documents them. Missing values are empty strings so `default` and `!= blank` read naturally.
 */
export function templateContext(input: ContextInput): Record<string, unknown> {
  const { business, order } = input;
  const name = input.customerName.trim();
  return {
    customer: { first_name: name.split(/\s+/)[0] ?? '', name },
    order: order
      ? {
          number: order.number,
          total: formatMoney(order.total, order.currency, input.locale),
          products: order.products,
        }
      : { number: '', total: '', products: [] },
    interaction: interactionContext(input),
    referral: { url: input.referral?.url ?? '', code: input.referral?.code ?? '' },
    business: {
      name: business.name,
      phone: business.contact_phone ?? '',
      email: business.contact_email ?? '',
      address: business.postal_address ?? '',
      logo_url: business.logo_url ?? '',
      brand_color: business.brand_color,
    },
    survey_url: input.surveyUrl ?? '',
    survey: {
      question: input.surveyQuestion?.question ?? '',
      low_label: input.surveyQuestion?.lowLabel ?? '',
      high_label: input.surveyQuestion?.highLabel ?? '',
      scale: input.surveyQuestion?.scale ?? [],
    },
    unsubscribe_url: input.unsubscribeUrl,
  };
}

function interactionContext(input: ContextInput): Record<string, string> {
  const interaction = input.interaction;
  if (!interaction) return { subject: '', amount: '', date: '' };
  return {
    subject: interaction.subject,
    amount:
      interaction.amount !== null && interaction.currency
        ? formatMoney(interaction.amount, interaction.currency, input.locale)
        : '',
    date: interaction.date
      ? new Intl.DateTimeFormat(input.locale, {
          dateStyle: 'full',
          timeStyle: 'short',
          timeZone: interaction.timeZone,
        }).format(interaction.date)
      : '',
  };
}

function formatMoney(amount: string, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(Number(amount));
  } catch {
    return `${amount} ${currency}`;
  }
}
