import type { BuyerLocale } from '@rapport/domain';
import { buyerPage, type PageBrand } from '../answers/buyer-page';
import { escapeHtml } from '../mail/html';

const PHRASES: Record<
  BuyerLocale,
  { title: string; intro: string; code: string; ask: string; closed: string }
> = {
  en: {
    title: 'You were recommended to us',
    intro: 'One of our customers thought you would like {business}. Welcome!',
    code: 'Ordering? Mention the code {code}.',
    ask: 'Ask us anything',
    closed: 'This link does not work any more.',
  },
  es: {
    title: 'Te han recomendado',
    intro: 'Uno de nuestros clientes pensó que te gustaría {business}. ¡Bienvenido!',
    code: '¿Vas a pedir? Menciona el código {code}.',
    ask: 'Pregúntanos lo que quieras',
    closed: 'Este enlace ya no funciona.',
  },
  fr: {
    title: 'On vous a recommandé chez nous',
    intro: 'Un de nos clients a pensé que {business} vous plairait. Bienvenue !',
    code: 'Vous commandez ? Indiquez le code {code}.',
    ask: 'Posez-nous vos questions',
    closed: 'Ce lien ne fonctionne plus.',
  },
  de: {
    title: 'Man hat uns Ihnen empfohlen',
    intro: 'Einer unserer Kunden dachte, {business} würde Ihnen gefallen. Willkommen!',
    code: 'Sie bestellen? Nennen Sie den Code {code}.',
    ask: 'Fragen Sie uns',
    closed: 'Dieser Link funktioniert nicht mehr.',
  },
};

/**
 * The page a referral link opens: a welcome, the code to mention when ordering, and the enquiry form with
 * the code in it. Opening it records nothing; the code counts once the person sends the form or orders.
 */
export function renderReferralPage(input: {
  locale: BuyerLocale;
  brand: PageBrand;
  code: string;
  form: string | null;
  extraCss?: string;
}): string {
  const t = PHRASES[input.locale];
  const fill = (text: string) =>
    escapeHtml(text.replace('{business}', input.brand.name)).replace(
      escapeHtml('{code}'),
      `<strong>${escapeHtml(input.code)}</strong>`,
    );
  const body = `<p>${fill(t.intro)}</p><div class="note">${fill(t.code)}</div>${
    input.form ? `<h2>${escapeHtml(t.ask)}</h2>${input.form}` : ''
  }`;
  return buyerPage({
    title: t.title,
    body,
    locale: input.locale,
    brand: input.brand,
    extraCss: input.extraCss,
  });
}

export function renderReferralClosed(locale: BuyerLocale): string {
  const t = PHRASES[locale];
  return buyerPage({ title: t.closed, body: '', locale });
}
