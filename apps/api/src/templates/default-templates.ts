import {
  type BuyerLocale,
  DEFAULT_TEXT_COLOR,
  type MessageKind,
  richTextFromEditable,
  type VisualAction,
  type VisualTemplate,
  visualToSource,
} from '@rapport/domain';
import type { TemplateSource } from './template-compiler';

interface Phrases {
  hello: string;
  thankYouSubject: string;
  thankYou: string[];
  opinionSubject: string;
  opinion: string;
  reminderSubject: string;
  reminder: string;
  surveyButton: string;
  replyWithScore: string;
  manualSubject: string;
  manual: string;
  unsubscribe: string;
}

// Variables are spelled out in the text so a business editing a copy sees what is available; the text is
// read as the visual editor reads what a person types, so every built-in template opens in that editor.
const NAME = (whenEmpty: string): string => `⟦customer.first_name|${whenEmpty}⟧`;
const ORDER = '⟦order.number⟧';
const BUSINESS = '⟦business.name⟧';

const PHRASES: Record<BuyerLocale, Phrases> = {
  en: {
    hello: `Hi ${NAME('there')},`,
    thankYouSubject: `Thank you for your order from ${BUSINESS}`,
    thankYou: [
      `Thank you for your order ${ORDER}. We are glad you chose us.`,
      'If anything is not right, just reply to this email: it comes straight to us.',
    ],
    opinionSubject: `How did we do, ${NAME('there')}?`,
    opinion: `How was your order ${ORDER}? Your opinion takes a minute and helps us do better.`,
    reminderSubject: `A minute for ${BUSINESS}?`,
    reminder: `We would still love to hear how your order ${ORDER} went.`,
    surveyButton: 'Give your opinion',
    replyWithScore: 'Reply to this email with a score from 0 to 10 and a word on why: we read every answer.',
    manualSubject: `A note from ${BUSINESS}`,
    manual:
      'Thank you for being our customer. If there is anything we can do for you, just reply to this email.',
    unsubscribe: 'Unsubscribe',
  },
  es: {
    hello: `Hola, ${NAME('buenos días')}:`,
    thankYouSubject: `Gracias por tu pedido en ${BUSINESS}`,
    thankYou: [
      `Gracias por tu pedido ${ORDER}. Nos alegra que nos hayas elegido.`,
      'Si algo no está bien, responde a este correo: nos llega directamente.',
    ],
    opinionSubject: '¿Qué tal lo hicimos?',
    opinion: `¿Qué tal tu pedido ${ORDER}? Tu opinión lleva un minuto y nos ayuda a mejorar.`,
    reminderSubject: `¿Un minuto para ${BUSINESS}?`,
    reminder: `Nos encantaría saber qué tal fue tu pedido ${ORDER}.`,
    surveyButton: 'Dar mi opinión',
    replyWithScore: 'Responde a este correo con una nota del 0 al 10 y el porqué: leemos cada respuesta.',
    manualSubject: `Un mensaje de ${BUSINESS}`,
    manual: 'Gracias por confiar en nosotros. Si podemos ayudarte en algo, responde a este correo.',
    unsubscribe: 'Darse de baja',
  },
  fr: {
    hello: `Bonjour ${NAME('à vous')},`,
    thankYouSubject: `Merci pour votre commande chez ${BUSINESS}`,
    thankYou: [
      `Merci pour votre commande ${ORDER}. Nous sommes ravis que vous nous ayez choisis.`,
      'Si quelque chose ne va pas, répondez simplement à cet e-mail : il nous parvient directement.',
    ],
    opinionSubject: 'Votre avis compte pour nous',
    opinion: `Comment s'est passée votre commande ${ORDER} ? Votre avis prend une minute et nous aide à progresser.`,
    reminderSubject: `Une minute pour ${BUSINESS} ?`,
    reminder: `Nous aimerions toujours savoir comment s'est passée votre commande ${ORDER}.`,
    surveyButton: 'Donner mon avis',
    replyWithScore:
      'Répondez à cet e-mail avec une note de 0 à 10 et un mot pour l’expliquer : nous lisons chaque réponse.',
    manualSubject: `Un message de ${BUSINESS}`,
    manual: 'Merci de votre confiance. Si nous pouvons faire quelque chose pour vous, répondez à cet e-mail.',
    unsubscribe: 'Se désabonner',
  },
  de: {
    hello: `Hallo ${NAME('zusammen')},`,
    thankYouSubject: `Danke für Ihre Bestellung bei ${BUSINESS}`,
    thankYou: [
      `Danke für Ihre Bestellung ${ORDER}. Wir freuen uns, dass Sie sich für uns entschieden haben.`,
      'Falls etwas nicht stimmt, antworten Sie einfach auf diese E-Mail: Sie erreicht uns direkt.',
    ],
    opinionSubject: 'Wie waren wir?',
    opinion: `Wie war Ihre Bestellung ${ORDER}? Ihre Meinung dauert eine Minute und hilft uns, besser zu werden.`,
    reminderSubject: `Eine Minute für ${BUSINESS}?`,
    reminder: `Wir würden noch gern wissen, wie Ihre Bestellung ${ORDER} war.`,
    surveyButton: 'Meinung abgeben',
    replyWithScore:
      'Antworten Sie auf diese E-Mail mit einer Note von 0 bis 10 und einem Satz dazu: Wir lesen jede Antwort.',
    manualSubject: `Eine Nachricht von ${BUSINESS}`,
    manual:
      'Danke für Ihr Vertrauen. Wenn wir etwas für Sie tun können, antworten Sie einfach auf diese E-Mail.',
    unsubscribe: 'Abmelden',
  },
};

const rich = richTextFromEditable;

function action(kind: MessageKind, phrases: Phrases): VisualAction | null {
  if (kind !== 'opinion-request' && kind !== 'reminder') return null;
  return { kind: 'survey', buttonLabel: rich(phrases.surveyButton), replyHint: rich(phrases.replyWithScore) };
}

function content(kind: MessageKind, phrases: Phrases): { subject: string; paragraphs: string[] } {
  switch (kind) {
    case 'thank-you':
      return { subject: phrases.thankYouSubject, paragraphs: phrases.thankYou };
    case 'opinion-request':
      return { subject: phrases.opinionSubject, paragraphs: [phrases.opinion] };
    case 'reminder':
      return { subject: phrases.reminderSubject, paragraphs: [phrases.reminder] };
    case 'manual':
      return { subject: phrases.manualSubject, paragraphs: [phrases.manual] };
  }
}

/** The built-in template for a kind of follow-up in one language, as the visual editor's blocks. */
export function defaultVisualTemplate(kind: MessageKind, locale: BuyerLocale): VisualTemplate {
  const phrases = PHRASES[locale];
  const { subject, paragraphs } = content(kind, phrases);
  return {
    subject: rich(subject),
    greeting: rich(phrases.hello),
    paragraphs: paragraphs.map(rich),
    action: action(kind, phrases),
    signature: rich(BUSINESS),
    footerNote: [],
    unsubscribeLabel: rich(phrases.unsubscribe),
    brandColor: null,
    textColor: DEFAULT_TEXT_COLOR,
    logoUrl: null,
  };
}

/**
 * The built-in template for a kind of follow-up in one language: the business's logo or name on its
 * colour, the message, and the footer with contact details and the unsubscribe link that every email carries.
 */
export function defaultTemplate(kind: MessageKind, locale: BuyerLocale): TemplateSource {
  return visualToSource(defaultVisualTemplate(kind, locale));
}
