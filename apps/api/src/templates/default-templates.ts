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
  enquiryThanksSubject: string;
  enquiryThanks: string[];
  quoteFollowUpSubject: string;
  quoteFollowUp: string[];
  visitThanksSubject: string;
  visitThanks: string[];
  missedYouSubject: string;
  missedYou: string[];
  referralSubject: string;
  referral: string[];
  referralThanksSubject: string;
  referralThanks: string[];
  unsubscribe: string;
}

// Variables are spelled out in the text so a business editing a copy sees what is available; the text is
// read as the visual editor reads what a person types, so every built-in template opens in that editor.
const NAME = (whenEmpty: string): string => `⟦customer.first_name|${whenEmpty}⟧`;
const ORDER = '⟦order.number⟧';
const BUSINESS = '⟦business.name⟧';
const ABOUT = (whenEmpty: string): string => `⟦interaction.subject|${whenEmpty}⟧`;
const LINK = '⟦referral.url⟧';
const CODE = '⟦referral.code⟧';

const PHRASES: Record<BuyerLocale, Phrases> = {
  en: {
    hello: `Hi ${NAME('there')},`,
    thankYouSubject: `Thank you for your order from ${BUSINESS}`,
    thankYou: [
      `Thank you for your order ${ORDER}. We are glad you chose us.`,
      'If anything is not right, just reply to this email: it comes straight to us.',
    ],
    opinionSubject: `How did we do, ${NAME('there')}?`,
    opinion: 'How was everything? Your opinion takes a minute and helps us do better.',
    reminderSubject: `A minute for ${BUSINESS}?`,
    reminder: 'We would still love to hear how everything went.',
    surveyButton: 'Give your opinion',
    replyWithScore: 'Reply to this email with a score from 0 to 10 and a word on why: we read every answer.',
    manualSubject: `A note from ${BUSINESS}`,
    manual:
      'Thank you for being our customer. If there is anything we can do for you, just reply to this email.',
    enquiryThanksSubject: `We have your enquiry, ${NAME('there')}`,
    enquiryThanks: [
      'Thank you for getting in touch. We have your message and will answer you soon, in our working hours.',
      'If you want to add anything, just reply to this email: it comes straight to us.',
    ],
    quoteFollowUpSubject: `Your quote from ${BUSINESS}`,
    quoteFollowUp: [
      `A few days ago we sent you a quote for ${ABOUT('your request')}. Do you have any questions about it?`,
      'Just reply to this email: we are happy to explain it, or to adjust it to what you need.',
    ],
    visitThanksSubject: `Thank you for your visit to ${BUSINESS}`,
    visitThanks: [
      'Thank you for coming to see us. It was a pleasure.',
      'If anything was not right, just reply to this email: it comes straight to us.',
    ],
    missedYouSubject: 'We missed you',
    missedYou: [
      'We were expecting you but did not see you. We hope everything is all right.',
      'If you would like another appointment, reply to this email and we will find a time that suits you.',
    ],
    referralSubject: `Would you recommend ${BUSINESS}?`,
    referral: [
      'Thank you for your kind words: they made our day.',
      `If you know someone who would like ${BUSINESS} too, we would be grateful if you passed us on. Here is your personal link: ${LINK}`,
      `Or forward them this: “I can recommend ${BUSINESS}. Have a look: ${LINK} (mention the code ${CODE} when you order).”`,
      'The link holds nothing about you; we only use it to say thank you.',
    ],
    referralThanksSubject: `Thank you for recommending ${BUSINESS}`,
    referralThanks: [
      'Someone you recommended us to has just become our customer.',
      'Thank you for passing us on: there is no kinder thing a customer can do for a small business.',
    ],
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
    opinion: '¿Qué tal todo? Tu opinión lleva un minuto y nos ayuda a mejorar.',
    reminderSubject: `¿Un minuto para ${BUSINESS}?`,
    reminder: 'Nos encantaría saber qué tal fue todo.',
    surveyButton: 'Dar mi opinión',
    replyWithScore: 'Responde a este correo con una nota del 0 al 10 y el porqué: leemos cada respuesta.',
    manualSubject: `Un mensaje de ${BUSINESS}`,
    manual: 'Gracias por confiar en nosotros. Si podemos ayudarte en algo, responde a este correo.',
    enquiryThanksSubject: 'Hemos recibido tu consulta',
    enquiryThanks: [
      'Gracias por escribirnos. Tenemos tu mensaje y te responderemos pronto, en nuestro horario.',
      'Si quieres añadir algo, responde a este correo: nos llega directamente.',
    ],
    quoteFollowUpSubject: `Tu presupuesto de ${BUSINESS}`,
    quoteFollowUp: [
      `Hace unos días te enviamos un presupuesto para ${ABOUT('tu solicitud')}. ¿Tienes alguna pregunta?`,
      'Responde a este correo: te lo explicamos con gusto o lo ajustamos a lo que necesitas.',
    ],
    visitThanksSubject: `Gracias por tu visita a ${BUSINESS}`,
    visitThanks: [
      'Gracias por venir a vernos. Ha sido un placer.',
      'Si algo no estuvo bien, responde a este correo: nos llega directamente.',
    ],
    missedYouSubject: 'Te echamos de menos',
    missedYou: [
      'Te esperábamos, pero no pudimos verte. Esperamos que todo vaya bien.',
      'Si quieres otra cita, responde a este correo y buscamos un momento que te venga bien.',
    ],
    referralSubject: `¿Recomendarías ${BUSINESS}?`,
    referral: [
      'Gracias por tus amables palabras: nos han alegrado el día.',
      `Si conoces a alguien a quien le pueda gustar ${BUSINESS}, te agradeceríamos que nos recomendaras. Este es tu enlace personal: ${LINK}`,
      `O reenvíale esto: «Te recomiendo ${BUSINESS}. Échale un vistazo: ${LINK} (menciona el código ${CODE} al hacer tu pedido).»`,
      'El enlace no contiene nada sobre ti; solo lo usamos para darte las gracias.',
    ],
    referralThanksSubject: `Gracias por recomendar ${BUSINESS}`,
    referralThanks: [
      'Alguien a quien nos recomendaste acaba de hacerse cliente.',
      'Gracias por recomendarnos: no hay nada más generoso que un cliente pueda hacer por un pequeño negocio.',
    ],
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
    opinion: "Comment cela s'est-il passé ? Votre avis prend une minute et nous aide à progresser.",
    reminderSubject: `Une minute pour ${BUSINESS} ?`,
    reminder: "Nous aimerions toujours savoir comment cela s'est passé.",
    surveyButton: 'Donner mon avis',
    replyWithScore:
      'Répondez à cet e-mail avec une note de 0 à 10 et un mot pour l’expliquer : nous lisons chaque réponse.',
    manualSubject: `Un message de ${BUSINESS}`,
    manual: 'Merci de votre confiance. Si nous pouvons faire quelque chose pour vous, répondez à cet e-mail.',
    enquiryThanksSubject: 'Nous avons bien reçu votre demande',
    enquiryThanks: [
      'Merci de nous avoir écrit. Nous avons votre message et vous répondrons bientôt, pendant nos heures d’ouverture.',
      'Pour ajouter quelque chose, répondez simplement à cet e-mail : il nous parvient directement.',
    ],
    quoteFollowUpSubject: `Votre devis de ${BUSINESS}`,
    quoteFollowUp: [
      `Il y a quelques jours, nous vous avons envoyé un devis pour ${ABOUT('votre demande')}. Avez-vous des questions ?`,
      'Répondez simplement à cet e-mail : nous vous l’expliquerons volontiers, ou l’ajusterons à vos besoins.',
    ],
    visitThanksSubject: `Merci de votre visite chez ${BUSINESS}`,
    visitThanks: [
      'Merci d’être venu nous voir. Ce fut un plaisir.',
      'Si quelque chose n’allait pas, répondez simplement à cet e-mail : il nous parvient directement.',
    ],
    missedYouSubject: 'Vous nous avez manqué',
    missedYou: [
      'Nous vous attendions mais ne vous avons pas vu. Nous espérons que tout va bien.',
      'Pour un autre rendez-vous, répondez à cet e-mail et nous trouverons un moment qui vous convient.',
    ],
    referralSubject: `Recommanderiez-vous ${BUSINESS} ?`,
    referral: [
      'Merci pour vos mots aimables : ils nous ont fait très plaisir.',
      `Si vous connaissez quelqu’un à qui ${BUSINESS} plairait, nous vous serions reconnaissants de nous recommander. Voici votre lien personnel : ${LINK}`,
      `Ou transférez-lui ceci : « Je te recommande ${BUSINESS}. Jette un œil : ${LINK} (indique le code ${CODE} en commandant). »`,
      'Le lien ne contient rien sur vous ; il nous sert seulement à vous remercier.',
    ],
    referralThanksSubject: `Merci d’avoir recommandé ${BUSINESS}`,
    referralThanks: [
      'Une personne à qui vous nous avez recommandés vient de devenir notre cliente.',
      'Merci de nous avoir recommandés : c’est le plus beau geste qu’un client puisse faire pour une petite entreprise.',
    ],
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
    opinion: 'Wie war alles? Ihre Meinung dauert eine Minute und hilft uns, besser zu werden.',
    reminderSubject: `Eine Minute für ${BUSINESS}?`,
    reminder: 'Wir würden noch gern wissen, wie alles war.',
    surveyButton: 'Meinung abgeben',
    replyWithScore:
      'Antworten Sie auf diese E-Mail mit einer Note von 0 bis 10 und einem Satz dazu: Wir lesen jede Antwort.',
    manualSubject: `Eine Nachricht von ${BUSINESS}`,
    manual:
      'Danke für Ihr Vertrauen. Wenn wir etwas für Sie tun können, antworten Sie einfach auf diese E-Mail.',
    enquiryThanksSubject: 'Wir haben Ihre Anfrage erhalten',
    enquiryThanks: [
      'Danke für Ihre Nachricht. Wir haben sie erhalten und antworten Ihnen bald, zu unseren Geschäftszeiten.',
      'Wenn Sie etwas ergänzen möchten, antworten Sie einfach auf diese E-Mail: Sie erreicht uns direkt.',
    ],
    quoteFollowUpSubject: `Ihr Angebot von ${BUSINESS}`,
    quoteFollowUp: [
      `Vor einigen Tagen haben wir Ihnen ein Angebot für ${ABOUT('Ihre Anfrage')} geschickt. Haben Sie Fragen dazu?`,
      'Antworten Sie einfach auf diese E-Mail: Wir erklären es gern oder passen es an Ihre Wünsche an.',
    ],
    visitThanksSubject: `Danke für Ihren Besuch bei ${BUSINESS}`,
    visitThanks: [
      'Danke, dass Sie bei uns waren. Es war uns eine Freude.',
      'Falls etwas nicht stimmte, antworten Sie einfach auf diese E-Mail: Sie erreicht uns direkt.',
    ],
    missedYouSubject: 'Wir haben Sie vermisst',
    missedYou: [
      'Wir hatten Sie erwartet, Sie aber nicht gesehen. Wir hoffen, es ist alles in Ordnung.',
      'Wenn Sie einen neuen Termin möchten, antworten Sie auf diese E-Mail, und wir finden eine passende Zeit.',
    ],
    referralSubject: `Würden Sie ${BUSINESS} weiterempfehlen?`,
    referral: [
      'Danke für Ihre freundlichen Worte: Sie haben uns den Tag versüßt.',
      `Wenn Sie jemanden kennen, dem ${BUSINESS} auch gefallen würde, freuen wir uns über Ihre Empfehlung. Hier ist Ihr persönlicher Link: ${LINK}`,
      `Oder leiten Sie dies weiter: „Ich kann ${BUSINESS} empfehlen. Schau mal: ${LINK} (nenne beim Bestellen den Code ${CODE}).“`,
      'Der Link enthält nichts über Sie; wir nutzen ihn nur, um Ihnen zu danken.',
    ],
    referralThanksSubject: `Danke, dass Sie ${BUSINESS} empfohlen haben`,
    referralThanks: [
      'Jemand, dem Sie uns empfohlen haben, ist gerade unser Kunde geworden.',
      'Danke für Ihre Empfehlung: Etwas Schöneres kann ein Kunde für ein kleines Unternehmen nicht tun.',
    ],
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
    case 'enquiry-thanks':
      return { subject: phrases.enquiryThanksSubject, paragraphs: phrases.enquiryThanks };
    case 'quote-follow-up':
      return { subject: phrases.quoteFollowUpSubject, paragraphs: phrases.quoteFollowUp };
    case 'visit-thanks':
      return { subject: phrases.visitThanksSubject, paragraphs: phrases.visitThanks };
    case 'missed-you':
      return { subject: phrases.missedYouSubject, paragraphs: phrases.missedYou };
    case 'referral-request':
      return { subject: phrases.referralSubject, paragraphs: phrases.referral };
    case 'referral-thanks':
      return { subject: phrases.referralThanksSubject, paragraphs: phrases.referralThanks };
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
