import type { BuyerLocale } from '@rapport/domain';
import { escapeHtml } from '../mail/html';
import { buyerPage, type PageBrand } from '../answers/buyer-page';

/** What a person typed, shown back when something needs fixing. */
export interface EnquiryFormValues {
  name: string;
  email: string;
  phone: string;
  message: string;
}

export type EnquiryFormField = keyof EnquiryFormValues;

interface FormPhrases {
  title: string;
  intro: string;
  name: string;
  email: string;
  phone: string;
  optional: string;
  message: string;
  send: string;
  honeypot: string;
  checkAgain: string;
  emailMissing: string;
  emailInvalid: string;
  messageMissing: string;
  tooLong: string;
  problemsTitle: string;
  thanksTitle: string;
  thanksBody: string;
  closedTitle: string;
  closedBody: string;
  busyTitle: string;
  busyBody: string;
  nameLink: string;
}

const PHRASES: Record<BuyerLocale, FormPhrases> = {
  en: {
    title: 'Send us a message',
    intro: 'Ask us anything or ask for a quote: we answer by email, in our working hours.',
    name: 'Your name',
    email: 'Your email',
    phone: 'Your phone',
    optional: '(optional)',
    message: 'Your message',
    send: 'Send',
    honeypot: 'Leave this empty',
    checkAgain: 'Please check your details and press Send again.',
    emailMissing: 'Enter your email address, so we can answer you.',
    emailInvalid: 'This does not look like an email address (like name@example.com).',
    messageMissing: 'Write your message.',
    tooLong: 'This is too long.',
    problemsTitle: 'Some details need a look',
    thanksTitle: 'Thank you, we have your message',
    thanksBody: 'We will answer you by email soon.',
    closedTitle: 'This form is not taking messages',
    closedBody: 'Please contact the business another way.',
    busyTitle: 'Too many messages right now',
    busyBody: 'This form has taken many messages in the last hour. Please try again later.',
    nameLink: 'Write your name without web or email addresses.',
  },
  es: {
    title: 'Envíanos un mensaje',
    intro: 'Pregúntanos lo que quieras o pide un presupuesto: respondemos por correo, en nuestro horario.',
    name: 'Tu nombre',
    email: 'Tu correo',
    phone: 'Tu teléfono',
    optional: '(opcional)',
    message: 'Tu mensaje',
    send: 'Enviar',
    honeypot: 'Deja esto vacío',
    checkAgain: 'Revisa tus datos y pulsa Enviar de nuevo.',
    emailMissing: 'Escribe tu correo para que podamos responderte.',
    emailInvalid: 'Esto no parece un correo (como nombre@ejemplo.com).',
    messageMissing: 'Escribe tu mensaje.',
    tooLong: 'Es demasiado largo.',
    problemsTitle: 'Revisa algunos datos',
    thanksTitle: 'Gracias, hemos recibido tu mensaje',
    thanksBody: 'Te responderemos pronto por correo.',
    closedTitle: 'Este formulario no acepta mensajes',
    closedBody: 'Ponte en contacto con el negocio de otra forma.',
    busyTitle: 'Demasiados mensajes ahora mismo',
    busyBody: 'Este formulario ha recibido muchos mensajes en la última hora. Inténtalo más tarde.',
    nameLink: 'Escribe tu nombre sin direcciones web ni de correo.',
  },
  fr: {
    title: 'Envoyez-nous un message',
    intro:
      'Posez-nous vos questions ou demandez un devis : nous répondons par e-mail, pendant nos heures d’ouverture.',
    name: 'Votre nom',
    email: 'Votre e-mail',
    phone: 'Votre téléphone',
    optional: '(facultatif)',
    message: 'Votre message',
    send: 'Envoyer',
    honeypot: 'Laissez ce champ vide',
    checkAgain: 'Vérifiez vos informations et appuyez de nouveau sur Envoyer.',
    emailMissing: 'Indiquez votre e-mail pour que nous puissions vous répondre.',
    emailInvalid: 'Cela ne ressemble pas à une adresse e-mail (comme nom@exemple.fr).',
    messageMissing: 'Écrivez votre message.',
    tooLong: 'C’est trop long.',
    problemsTitle: 'Quelques informations à vérifier',
    thanksTitle: 'Merci, nous avons votre message',
    thanksBody: 'Nous vous répondrons bientôt par e-mail.',
    closedTitle: 'Ce formulaire ne reçoit pas de messages',
    closedBody: 'Contactez l’entreprise autrement.',
    busyTitle: 'Trop de messages en ce moment',
    busyBody: 'Ce formulaire a reçu beaucoup de messages dans la dernière heure. Réessayez plus tard.',
    nameLink: 'Écrivez votre nom sans adresse web ni e-mail.',
  },
  de: {
    title: 'Schreiben Sie uns',
    intro:
      'Fragen Sie uns, was Sie möchten, oder bitten Sie um ein Angebot: Wir antworten per E-Mail, zu unseren Geschäftszeiten.',
    name: 'Ihr Name',
    email: 'Ihre E-Mail',
    phone: 'Ihre Telefonnummer',
    optional: '(freiwillig)',
    message: 'Ihre Nachricht',
    send: 'Senden',
    honeypot: 'Dieses Feld leer lassen',
    checkAgain: 'Bitte prüfen Sie Ihre Angaben und drücken Sie noch einmal auf Senden.',
    emailMissing: 'Geben Sie Ihre E-Mail-Adresse an, damit wir Ihnen antworten können.',
    emailInvalid: 'Das sieht nicht nach einer E-Mail-Adresse aus (wie name@beispiel.de).',
    messageMissing: 'Schreiben Sie Ihre Nachricht.',
    tooLong: 'Das ist zu lang.',
    problemsTitle: 'Einige Angaben bitte prüfen',
    thanksTitle: 'Danke, wir haben Ihre Nachricht',
    thanksBody: 'Wir antworten Ihnen bald per E-Mail.',
    closedTitle: 'Dieses Formular nimmt keine Nachrichten an',
    closedBody: 'Bitte erreichen Sie das Unternehmen auf anderem Weg.',
    busyTitle: 'Gerade zu viele Nachrichten',
    busyBody:
      'Dieses Formular hat in der letzten Stunde viele Nachrichten erhalten. Bitte versuchen Sie es später.',
    nameLink: 'Schreiben Sie Ihren Namen ohne Web- oder E-Mail-Adressen.',
  },
};

/** The field names of the form; `website` is the trap only a machine fills in. */
export const FORM_FIELDS = {
  honeypot: 'website',
  shownAt: 'shown',
  locale: 'lang',
  referral: 'ref',
} as const;

export const ENQUIRY_FORM_CSS = `
label.field{display:block;font-weight:600;margin:0 0 4px}
input.text{width:100%;min-height:44px;font:inherit;padding:8px;border:2px solid #5c6a6a;border-radius:8px;margin:0 0 4px}
input.text:focus-visible{outline:3px solid #1a1c1c;outline-offset:2px}
.row{margin:0 0 16px}
.error{color:#b3261e;margin:0}
.trap{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
`;

/** What the form shows: where it posts, its stamp, and what was typed with a note per field to fix. */
export interface EnquiryFormInput {
  locale: BuyerLocale;
  brand: PageBrand;
  action: string;
  shownToken: string;
  values?: EnquiryFormValues;
  problems?: Partial<Record<EnquiryFormField, string>>;
  notice?: 'check-again' | null;
  /** The code of the customer who recommended the business, carried with the post. */
  referralCode?: string | null;
}

/** The form as its own page. */
export function renderEnquiryForm(input: EnquiryFormInput): string {
  const t = PHRASES[input.locale];
  return buyerPage({
    title: t.title,
    body: enquiryFormHtml(input),
    locale: input.locale,
    brand: input.brand,
    extraCss: ENQUIRY_FORM_CSS,
  });
}

/** The form and the note above it, for a page of its own or inside another (a referral link's). */
export function enquiryFormHtml(input: EnquiryFormInput): string {
  const t = PHRASES[input.locale];
  const values = input.values ?? { name: '', email: '', phone: '', message: '' };
  const problems = input.problems ?? {};
  const field = (
    name: EnquiryFormField,
    label: string,
    control: (attributes: string) => string,
    optional = false,
  ): string => {
    const problem = problems[name];
    const describedBy = problem ? ` aria-describedby="${name}-problem" aria-invalid="true"` : '';
    return `<div class="row"><label class="field" for="${name}">${escapeHtml(label)}${
      optional ? ` <span class="optional">${escapeHtml(t.optional)}</span>` : ''
    }</label>${control(`id="${name}" name="${name}"${describedBy}`)}${
      problem ? `<p class="error" id="${name}-problem">${escapeHtml(problem)}</p>` : ''
    }</div>`;
  };
  const problemList = Object.values(problems);
  const note =
    problemList.length > 0
      ? `<div class="note problem" role="alert"><strong>${escapeHtml(t.problemsTitle)}</strong></div>`
      : input.notice === 'check-again'
        ? `<div class="note" role="status">${escapeHtml(t.checkAgain)}</div>`
        : `<p>${escapeHtml(t.intro)}</p>`;
  const body = `${note}
<form method="post" action="${escapeHtml(input.action)}" accept-charset="utf-8">
${field('name', t.name, (a) => `<input class="text" type="text" ${a} autocomplete="name" maxlength="200" value="${escapeHtml(values.name)}">`)}
${field('email', t.email, (a) => `<input class="text" type="email" ${a} autocomplete="email" maxlength="254" required value="${escapeHtml(values.email)}">`)}
${field('phone', t.phone, (a) => `<input class="text" type="tel" ${a} autocomplete="tel" maxlength="40" value="${escapeHtml(values.phone)}">`, true)}
${field('message', t.message, (a) => `<textarea ${a} maxlength="5000" required>${escapeHtml(values.message)}</textarea>`)}
<div class="trap" aria-hidden="true"><label for="${FORM_FIELDS.honeypot}">${escapeHtml(t.honeypot)}</label><input type="text" id="${FORM_FIELDS.honeypot}" name="${FORM_FIELDS.honeypot}" tabindex="-1" autocomplete="off"></div>
<input type="hidden" name="${FORM_FIELDS.shownAt}" value="${escapeHtml(input.shownToken)}">
<input type="hidden" name="${FORM_FIELDS.locale}" value="${input.locale}">
${input.referralCode ? `<input type="hidden" name="${FORM_FIELDS.referral}" value="${escapeHtml(input.referralCode)}">` : ''}
<button type="submit">${escapeHtml(t.send)}</button>
</form>`;
  return body;
}

export function renderEnquiryThanks(locale: BuyerLocale, brand: PageBrand): string {
  const t = PHRASES[locale];
  return buyerPage({ title: t.thanksTitle, body: `<p>${escapeHtml(t.thanksBody)}</p>`, locale, brand });
}

export function renderEnquiryFormBusy(locale: BuyerLocale, brand: PageBrand): string {
  const t = PHRASES[locale];
  return buyerPage({ title: t.busyTitle, body: `<p>${escapeHtml(t.busyBody)}</p>`, locale, brand });
}

export function renderEnquiryFormClosed(locale: BuyerLocale, brand?: PageBrand): string {
  const t = PHRASES[locale];
  return buyerPage({ title: t.closedTitle, body: `<p>${escapeHtml(t.closedBody)}</p>`, locale, brand });
}

/** Each problem with what was typed, in the person's language; empty when it can be sent. */
export function enquiryFormProblems(
  values: EnquiryFormValues,
  locale: BuyerLocale,
  isEmail: (value: string) => boolean,
): Partial<Record<EnquiryFormField, string>> {
  const t = PHRASES[locale];
  const problems: Partial<Record<EnquiryFormField, string>> = {};
  if (!values.email) problems.email = t.emailMissing;
  else if (!isEmail(values.email)) problems.email = t.emailInvalid;
  if (!values.message.trim()) problems.message = t.messageMissing;
  // The name greets the person in the business's emails: an address in it would make those emails carry a
  // stranger's link to whatever inbox was typed in.
  if (/(:\/\/|www\.|@|\b[\w-]+\.(com|net|org|info|io|co|biz|xyz|ru|cn|top)\b)/i.test(values.name))
    problems.name = t.nameLink;
  const limits: Record<EnquiryFormField, number> = { name: 200, email: 254, phone: 40, message: 5000 };
  for (const key of Object.keys(limits) as EnquiryFormField[])
    if (values[key].length > limits[key]) problems[key] = t.tooLong;
  return problems;
}

/** The snippet a website pastes: a plain form posting to the hosted page, which asks once to confirm. */
export function enquirySnippet(action: string, locale: BuyerLocale): string {
  const t = PHRASES[locale];
  return [
    `<form method="post" action="${escapeHtml(action)}" accept-charset="utf-8">`,
    `  <p><label for="rp-name">${escapeHtml(t.name)}</label><br><input id="rp-name" name="name" autocomplete="name" maxlength="200"></p>`,
    `  <p><label for="rp-email">${escapeHtml(t.email)}</label><br><input id="rp-email" name="email" type="email" autocomplete="email" maxlength="254" required></p>`,
    `  <p><label for="rp-phone">${escapeHtml(t.phone)} ${escapeHtml(t.optional)}</label><br><input id="rp-phone" name="phone" type="tel" autocomplete="tel" maxlength="40"></p>`,
    `  <p><label for="rp-message">${escapeHtml(t.message)}</label><br><textarea id="rp-message" name="message" rows="5" maxlength="5000" required></textarea></p>`,
    `  <p style="position:absolute;left:-10000px" aria-hidden="true"><label for="rp-website">${escapeHtml(t.honeypot)}</label><input id="rp-website" name="${FORM_FIELDS.honeypot}" tabindex="-1" autocomplete="off"></p>`,
    `  <input type="hidden" name="${FORM_FIELDS.locale}" value="${locale}">`,
    `  <p><button type="submit">${escapeHtml(t.send)}</button></p>`,
    `</form>`,
  ].join('\n');
}
