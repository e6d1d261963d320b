import { BUYER_LOCALES, type BuyerLocale } from '../commerce/customers';
import type { SurveyQuestion } from './survey-schema';

/** The words of the buyer-facing survey pages and of the standard questions, per language. */
export interface SurveyPhrases {
  pageTitle: string;
  npsPrompt: string;
  csatPrompt: string;
  productPrompt: string;
  betterPrompt: string;
  lovedPrompt: string;
  commentPrompt: string;
  npsLow: string;
  npsHigh: string;
  csatLow: string;
  csatHigh: string;
  stars: string;
  optional: string;
  submit: string;
  saved: string;
  thanks: string;
  missing: string;
  problem: string;
  /** The form came back in a shape that could not be read (not a browser's form post). */
  unreadable: string;
  invalidTitle: string;
  invalidBody: string;
  expiredTitle: string;
  expiredBody: string;
  reviewInvite: string;
  reviewButton: string;
  /** A button to one platform: `{platform}` is its name. */
  reviewOn: string;
}

/** `{business}` stands for the business's name, `{n}` for a number. */
export const SURVEY_PHRASES: Record<BuyerLocale, SurveyPhrases> = {
  en: {
    pageTitle: 'Your opinion',
    npsPrompt: 'How likely are you to recommend {business} to a friend?',
    csatPrompt: 'How satisfied are you with your order?',
    productPrompt: 'How would you rate what you bought?',
    betterPrompt: 'What could we do better?',
    lovedPrompt: 'What did you love?',
    commentPrompt: 'Anything else you would like to tell us?',
    npsLow: 'Not at all likely',
    npsHigh: 'Extremely likely',
    csatLow: 'Very unsatisfied',
    csatHigh: 'Very satisfied',
    stars: '{n} of 5 stars',
    optional: 'optional',
    submit: 'Send',
    saved: 'Your answer is saved. You can add to it below.',
    thanks: 'Thank you! Your answer helps {business} do better.',
    missing: 'One more answer is needed:',
    problem: 'Please check this answer:',
    unreadable: 'We could not read what was sent. Please choose your answers again and press Send.',
    invalidTitle: 'This link does not work',
    invalidBody: 'It may be incomplete: copy the whole address from the email. Nothing was recorded.',
    expiredTitle: 'This survey has closed',
    expiredBody:
      'Thank you for wanting to answer. You can still reply to the email: {business} reads every reply.',
    reviewInvite: 'Would you share your experience with others?',
    reviewButton: 'Write a public review',
    reviewOn: 'Review us on {platform}',
  },
  es: {
    pageTitle: 'Tu opinión',
    npsPrompt: '¿Qué probabilidad hay de que recomiendes {business} a un amigo?',
    csatPrompt: '¿Qué tan satisfecho estás con tu pedido?',
    productPrompt: '¿Cómo valorarías lo que compraste?',
    betterPrompt: '¿Qué podríamos mejorar?',
    lovedPrompt: '¿Qué es lo que más te gustó?',
    commentPrompt: '¿Algo más que quieras contarnos?',
    npsLow: 'Nada probable',
    npsHigh: 'Muy probable',
    csatLow: 'Muy insatisfecho',
    csatHigh: 'Muy satisfecho',
    stars: '{n} de 5 estrellas',
    optional: 'opcional',
    submit: 'Enviar',
    saved: 'Tu respuesta está guardada. Puedes añadir algo más abajo.',
    thanks: '¡Gracias! Tu respuesta ayuda a {business} a mejorar.',
    missing: 'Falta una respuesta:',
    problem: 'Revisa esta respuesta:',
    unreadable: 'No hemos podido leer lo que se envió. Vuelve a elegir tus respuestas y pulsa Enviar.',
    invalidTitle: 'Este enlace no funciona',
    invalidBody: 'Puede estar incompleto: copia la dirección completa del correo. No se ha guardado nada.',
    expiredTitle: 'Esta encuesta está cerrada',
    expiredBody:
      'Gracias por querer responder. Aún puedes responder al correo: {business} lee todas las respuestas.',
    reviewInvite: '¿Quieres compartir tu experiencia con otras personas?',
    reviewButton: 'Escribir una reseña pública',
    reviewOn: 'Escribir una reseña en {platform}',
  },
  fr: {
    pageTitle: 'Votre avis',
    npsPrompt: 'Quelle est la probabilité que vous recommandiez {business} à un ami ?',
    csatPrompt: 'Êtes-vous satisfait de votre commande ?',
    productPrompt: 'Comment noteriez-vous vos achats ?',
    betterPrompt: 'Que pourrions-nous améliorer ?',
    lovedPrompt: 'Qu’avez-vous le plus apprécié ?',
    commentPrompt: 'Autre chose à nous dire ?',
    npsLow: 'Pas du tout probable',
    npsHigh: 'Très probable',
    csatLow: 'Pas du tout satisfait',
    csatHigh: 'Très satisfait',
    stars: '{n} étoiles sur 5',
    optional: 'facultatif',
    submit: 'Envoyer',
    saved: 'Votre réponse est enregistrée. Vous pouvez la compléter ci-dessous.',
    thanks: 'Merci ! Votre réponse aide {business} à progresser.',
    missing: 'Il manque une réponse :',
    problem: 'Vérifiez cette réponse :',
    unreadable:
      'Nous n’avons pas pu lire ce qui a été envoyé. Choisissez à nouveau vos réponses et appuyez sur Envoyer.',
    invalidTitle: 'Ce lien ne fonctionne pas',
    invalidBody:
      'Il est peut-être incomplet : copiez l’adresse entière depuis l’e-mail. Rien n’a été enregistré.',
    expiredTitle: 'Ce questionnaire est clos',
    expiredBody:
      'Merci de vouloir répondre. Vous pouvez toujours répondre à l’e-mail : {business} lit chaque réponse.',
    reviewInvite: 'Voulez-vous partager votre expérience ?',
    reviewButton: 'Écrire un avis public',
    reviewOn: 'Donner un avis sur {platform}',
  },
  de: {
    pageTitle: 'Ihre Meinung',
    npsPrompt: 'Wie wahrscheinlich ist es, dass Sie {business} einem Freund empfehlen?',
    csatPrompt: 'Wie zufrieden sind Sie mit Ihrer Bestellung?',
    productPrompt: 'Wie bewerten Sie Ihren Einkauf?',
    betterPrompt: 'Was könnten wir besser machen?',
    lovedPrompt: 'Was hat Ihnen besonders gefallen?',
    commentPrompt: 'Möchten Sie uns noch etwas sagen?',
    npsLow: 'Sehr unwahrscheinlich',
    npsHigh: 'Sehr wahrscheinlich',
    csatLow: 'Sehr unzufrieden',
    csatHigh: 'Sehr zufrieden',
    stars: '{n} von 5 Sternen',
    optional: 'optional',
    submit: 'Senden',
    saved: 'Ihre Antwort ist gespeichert. Sie können unten noch etwas ergänzen.',
    thanks: 'Danke! Ihre Antwort hilft {business}, besser zu werden.',
    missing: 'Eine Antwort fehlt noch:',
    problem: 'Bitte prüfen Sie diese Antwort:',
    unreadable:
      'Das Gesendete konnte nicht gelesen werden. Bitte wählen Sie Ihre Antworten erneut und drücken Sie auf Senden.',
    invalidTitle: 'Dieser Link funktioniert nicht',
    invalidBody:
      'Er ist vielleicht unvollständig: Kopieren Sie die ganze Adresse aus der E-Mail. Es wurde nichts gespeichert.',
    expiredTitle: 'Diese Umfrage ist beendet',
    expiredBody:
      'Danke, dass Sie antworten möchten. Sie können weiterhin auf die E-Mail antworten: {business} liest jede Antwort.',
    reviewInvite: 'Möchten Sie Ihre Erfahrung mit anderen teilen?',
    reviewButton: 'Öffentliche Bewertung schreiben',
    reviewOn: 'Bewerten Sie uns auf {platform}',
  },
};

export function fillPhrase(
  phrase: string,
  values: { business?: string; n?: number; platform?: string },
): string {
  return phrase
    .replace('{business}', values.business ?? '')
    .replace('{platform}', values.platform ?? '')
    .replace('{n}', values.n === undefined ? '' : String(values.n));
}

/**
 * The question as the buyer reads it: the business's words for their language, else its words for every
 * language, else the standard wording in their language; a choice question, which has no standard
 * wording, falls back to the business's words in another language.
 */
export function questionPrompt(question: SurveyQuestion, locale: BuyerLocale, business: string): string {
  const own = question.prompts?.[locale] ?? question.prompt;
  if (own) return own;
  const standard = standardPrompt(question, locale, business);
  if (standard !== null) return standard;
  return BUYER_LOCALES.map((other) => question.prompts?.[other]).find((text) => text) ?? '';
}

/** The standard wording of a question in one language; null for choice questions, which have none. */
export function standardPrompt(
  question: Pick<SurveyQuestion, 'type' | 'showWhen'>,
  locale: BuyerLocale,
  business: string,
): string | null {
  const phrases = SURVEY_PHRASES[locale];
  switch (question.type) {
    case 'nps':
      return fillPhrase(phrases.npsPrompt, { business });
    case 'csat':
      return phrases.csatPrompt;
    case 'product-rating':
      return phrases.productPrompt;
    case 'text':
      if (question.showWhen?.atMost !== undefined && question.showWhen.atLeast === undefined)
        return phrases.betterPrompt;
      if (question.showWhen?.atLeast !== undefined && question.showWhen.atMost === undefined)
        return phrases.lovedPrompt;
      return phrases.commentPrompt;
    default:
      return null;
  }
}

/** The words at each end of a score scale. */
export function scaleEnds(type: 'nps' | 'csat', locale: BuyerLocale): { low: string; high: string } {
  const phrases = SURVEY_PHRASES[locale];
  return type === 'nps'
    ? { low: phrases.npsLow, high: phrases.npsHigh }
    : { low: phrases.csatLow, high: phrases.csatHigh };
}
