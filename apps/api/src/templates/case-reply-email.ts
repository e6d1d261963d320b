import type { BuyerLocale } from '@rapport/domain';
import { escapeHtml, textColorOn } from '../mail/html';
import type { BusinessRow } from './template-context';
import type { RenderedEmail } from './template-compiler';

const UNSUBSCRIBE: Record<BuyerLocale, string> = {
  en: 'Unsubscribe',
  es: 'Darse de baja',
  fr: 'Se désabonner',
  de: 'Abmelden',
};

const ENQUIRY_ANSWER_SUBJECT: Record<BuyerLocale, string> = {
  en: 'Your enquiry to {business}',
  es: 'Tu consulta a {business}',
  fr: 'Votre demande à {business}',
  de: 'Ihre Anfrage an {business}',
};

/** The subject of staff's answer to an enquiry that had none of its own (one sent from the form). */
export function enquiryAnswerSubject(locale: BuyerLocale, businessName: string): string {
  return ENQUIRY_ANSWER_SUBJECT[locale].replace('{business}', businessName);
}

/**
 * A reply written by staff in a case: their words, as a personal email in the business's colours, with the
 * footer every email carries. Not a template the business edits: the text is the message.
 */
export function caseReplyEmail(
  business: BusinessRow,
  context: Record<string, unknown>,
  subject: string,
  body: string,
  locale: BuyerLocale,
): RenderedEmail {
  const unsubscribeUrl = String(context['unsubscribe_url'] ?? '');
  const footer = [business.name, business.contact_phone, business.contact_email].filter(Boolean).join(' · ');
  const paragraphs = body
    .split(/\n{2,}/)
    .map((paragraph) => `<p style="margin:0 0 12px">${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('');
  const color = /^#[0-9a-f]{6}$/i.test(business.brand_color) ? business.brand_color : '#006a6a';
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;background:#f4f7f7;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1a1c1c">
<div style="max-width:600px;margin:0 auto">
<div style="background:${color};color:${textColorOn(color)};padding:12px 24px;font-size:20px;font-weight:600">${escapeHtml(business.name)}</div>
<div style="background:#ffffff;padding:24px;font-size:16px;line-height:24px">${paragraphs}</div>
<p style="font-size:12px;line-height:18px;color:#555555;text-align:center;padding:8px 24px">${escapeHtml(footer)}<br>${escapeHtml(business.postal_address ?? '')}<br><a href="${escapeHtml(unsubscribeUrl)}" style="color:#555555">${UNSUBSCRIBE[locale]}</a></p>
</div></body></html>`;
  const text = `${body}\n\n--\n${footer}\n${business.postal_address ?? ''}\n${UNSUBSCRIBE[locale]}: ${unsubscribeUrl}\n`;
  return { subject, html, text };
}
