import type { BuyerLocale } from '../commerce/customers';

/** The words of the unsubscribe page, per language; `{business}` stands for the business's name. */
export interface UnsubscribePhrases {
  askTitle: string;
  askBody: string;
  button: string;
  doneTitle: string;
  doneBody: string;
  invalidTitle: string;
  invalidBody: string;
  nothingChanged: string;
}

export const UNSUBSCRIBE_PHRASES: Record<BuyerLocale, UnsubscribePhrases> = {
  en: {
    askTitle: 'Unsubscribe from {business}?',
    askBody: 'You will get no more emails from {business} sent through Rapport.',
    button: 'Unsubscribe',
    doneTitle: 'You are unsubscribed',
    doneBody: '{business} will not email you again.',
    invalidTitle: 'This link is not valid',
    invalidBody: 'It may be incomplete. Copy the whole address from the email.',
    nothingChanged: 'Nothing was changed.',
  },
  es: {
    askTitle: '¿Darte de baja de {business}?',
    askBody: 'No recibirás más correos de {business} enviados con Rapport.',
    button: 'Darme de baja',
    doneTitle: 'Te has dado de baja',
    doneBody: '{business} no volverá a escribirte.',
    invalidTitle: 'Este enlace no es válido',
    invalidBody: 'Puede estar incompleto. Copia la dirección completa del correo.',
    nothingChanged: 'No se ha cambiado nada.',
  },
  fr: {
    askTitle: 'Vous désabonner de {business} ?',
    askBody: 'Vous ne recevrez plus d’e-mails de {business} envoyés par Rapport.',
    button: 'Me désabonner',
    doneTitle: 'Vous êtes désabonné',
    doneBody: '{business} ne vous écrira plus.',
    invalidTitle: 'Ce lien n’est pas valide',
    invalidBody: 'Il est peut-être incomplet. Copiez l’adresse entière depuis l’e-mail.',
    nothingChanged: 'Rien n’a été modifié.',
  },
  de: {
    askTitle: 'Von {business} abmelden?',
    askBody: 'Sie erhalten keine E-Mails mehr von {business}, die über Rapport versendet werden.',
    button: 'Abmelden',
    doneTitle: 'Sie sind abgemeldet',
    doneBody: '{business} schreibt Ihnen nicht mehr.',
    invalidTitle: 'Dieser Link ist ungültig',
    invalidBody: 'Er ist vielleicht unvollständig. Kopieren Sie die ganze Adresse aus der E-Mail.',
    nothingChanged: 'Es wurde nichts geändert.',
  },
};
