import type { BuyerLocale, MessageKind } from '@rapport/domain';
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

// Liquid variables are spelled out in the text so a business editing a copy sees what is available.
const NAME_EN = '{{ customer.first_name | default: "there" }}';
/** The first name after a space, or nothing: "Hola:" reads better than "Hola :" when the name is unknown. */
const NAME = '{% if customer.first_name != blank %} {{ customer.first_name }}{% endif %}';
const ORDER = '{% if order.number != blank %} {{ order.number }}{% endif %}';

const PHRASES: Record<BuyerLocale, Phrases> = {
  en: {
    hello: `Hi ${NAME_EN},`,
    thankYouSubject: 'Thank you for your order from {{ business.name }}',
    thankYou: [
      `Thank you for your order${ORDER}. We are glad you chose us.`,
      'If anything is not right, just reply to this email: it comes straight to us.',
    ],
    opinionSubject: `How did we do, ${NAME_EN}?`,
    opinion: `How was your order${ORDER}? Your opinion takes a minute and helps us do better.`,
    reminderSubject: 'A minute for {{ business.name }}?',
    reminder: `We would still love to hear how your order${ORDER} went.`,
    surveyButton: 'Give your opinion',
    replyWithScore: 'Reply to this email with a score from 0 to 10 and a word on why: we read every answer.',
    manualSubject: 'A note from {{ business.name }}',
    manual:
      'Thank you for being our customer. If there is anything we can do for you, just reply to this email.',
    unsubscribe: 'Unsubscribe',
  },
  es: {
    hello: `Hola${NAME}:`,
    thankYouSubject: 'Gracias por tu pedido en {{ business.name }}',
    thankYou: [
      `Gracias por tu pedido${ORDER}. Nos alegra que nos hayas elegido.`,
      'Si algo no está bien, responde a este correo: nos llega directamente.',
    ],
    opinionSubject: '¿Qué tal lo hicimos?',
    opinion: `¿Qué tal tu pedido${ORDER}? Tu opinión lleva un minuto y nos ayuda a mejorar.`,
    reminderSubject: '¿Un minuto para {{ business.name }}?',
    reminder: `Nos encantaría saber qué tal fue tu pedido${ORDER}.`,
    surveyButton: 'Dar mi opinión',
    replyWithScore: 'Responde a este correo con una nota del 0 al 10 y el porqué: leemos cada respuesta.',
    manualSubject: 'Un mensaje de {{ business.name }}',
    manual: 'Gracias por confiar en nosotros. Si podemos ayudarte en algo, responde a este correo.',
    unsubscribe: 'Darse de baja',
  },
  fr: {
    hello: `Bonjour${NAME},`,
    thankYouSubject: 'Merci pour votre commande chez {{ business.name }}',
    thankYou: [
      `Merci pour votre commande${ORDER}. Nous sommes ravis que vous nous ayez choisis.`,
      'Si quelque chose ne va pas, répondez simplement à cet e-mail : il nous parvient directement.',
    ],
    opinionSubject: 'Votre avis compte pour nous',
    opinion: `Comment s'est passée votre commande${ORDER} ? Votre avis prend une minute et nous aide à progresser.`,
    reminderSubject: 'Une minute pour {{ business.name }} ?',
    reminder: `Nous aimerions toujours savoir comment s'est passée votre commande${ORDER}.`,
    surveyButton: 'Donner mon avis',
    replyWithScore:
      'Répondez à cet e-mail avec une note de 0 à 10 et un mot pour l’expliquer : nous lisons chaque réponse.',
    manualSubject: 'Un message de {{ business.name }}',
    manual: 'Merci de votre confiance. Si nous pouvons faire quelque chose pour vous, répondez à cet e-mail.',
    unsubscribe: 'Se désabonner',
  },
  de: {
    hello: `Hallo${NAME},`,
    thankYouSubject: 'Danke für Ihre Bestellung bei {{ business.name }}',
    thankYou: [
      `Danke für Ihre Bestellung${ORDER}. Wir freuen uns, dass Sie sich für uns entschieden haben.`,
      'Falls etwas nicht stimmt, antworten Sie einfach auf diese E-Mail: Sie erreicht uns direkt.',
    ],
    opinionSubject: 'Wie waren wir?',
    opinion: `Wie war Ihre Bestellung${ORDER}? Ihre Meinung dauert eine Minute und hilft uns, besser zu werden.`,
    reminderSubject: 'Eine Minute für {{ business.name }}?',
    reminder: `Wir würden noch gern wissen, wie Ihre Bestellung${ORDER} war.`,
    surveyButton: 'Meinung abgeben',
    replyWithScore:
      'Antworten Sie auf diese E-Mail mit einer Note von 0 bis 10 und einem Satz dazu: Wir lesen jede Antwort.',
    manualSubject: 'Eine Nachricht von {{ business.name }}',
    manual:
      'Danke für Ihr Vertrauen. Wenn wir etwas für Sie tun können, antworten Sie einfach auf diese E-Mail.',
    unsubscribe: 'Abmelden',
  },
};

const text = (line: string): string => `        <mj-text>${line}</mj-text>`;

/** An invitation to answer: the survey button when there is a survey, else a reply with a score. */
function askForOpinion(phrases: Phrases): string[] {
  return [
    '        <mj-raw>{% if survey.scale.size > 0 %}</mj-raw>',
    text('<strong>{{ survey.question }}</strong>'),
    // One row from 320 px up: a fixed-layout table shares the width among the scores (0-10 would wrap as
    // inline boxes), and each cell ends a line in the plain-text part, so every score keeps its own link.
    text(
      '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="table-layout:fixed;width:100%;border-collapse:separate;border-spacing:2px 0"><tr>{% for choice in survey.scale %}<td style="padding:0;text-align:center"><a href="{{ choice.url }}" style="display:block;padding:10px 0;border:2px solid {{ business.brand_color }};border-radius:6px;color:#1a1c1c;font-weight:600;font-size:14px;line-height:20px;white-space:nowrap;text-decoration:none">{{ choice.score }}</a></td>{% endfor %}</tr></table>' +
        '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="width:100%;margin-top:6px"><tr><td style="text-align:left;font-size:13px;color:#555555">{{ survey.low_label }}</td><td style="text-align:right;font-size:13px;color:#555555">{{ survey.high_label }}</td></tr></table>',
    ),
    '        <mj-raw>{% elsif survey_url != blank %}</mj-raw>',
    `        <mj-button href="{{ survey_url }}" background-color="{{ business.brand_color }}" align="left">${phrases.surveyButton}</mj-button>`,
    '        <mj-raw>{% else %}</mj-raw>',
    text(phrases.replyWithScore),
    '        <mj-raw>{% endif %}</mj-raw>',
  ];
}

function content(kind: MessageKind, phrases: Phrases): { subject: string; lines: string[] } {
  switch (kind) {
    case 'thank-you':
      return { subject: phrases.thankYouSubject, lines: phrases.thankYou.map(text) };
    case 'opinion-request':
      return { subject: phrases.opinionSubject, lines: [text(phrases.opinion), ...askForOpinion(phrases)] };
    case 'reminder':
      return { subject: phrases.reminderSubject, lines: [text(phrases.reminder), ...askForOpinion(phrases)] };
    case 'manual':
      return { subject: phrases.manualSubject, lines: [text(phrases.manual)] };
  }
}

/**
 * The built-in template for a kind of follow-up in one language: the business's logo or name on its
 * colour, the message, and the footer with contact details and the unsubscribe link that every email carries.
 */
export function defaultTemplate(kind: MessageKind, locale: BuyerLocale): TemplateSource {
  const phrases = PHRASES[locale];
  const { subject, lines } = content(kind, phrases);
  const body = [
    '<mjml>',
    '  <mj-head>',
    '    <mj-title>{{ business.name }}</mj-title>',
    '    <mj-attributes>',
    '      <mj-all font-family="system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif" />',
    '      <mj-text font-size="16px" line-height="24px" color="#1a1c1c" />',
    '    </mj-attributes>',
    '  </mj-head>',
    '  <mj-body background-color="#f4f7f7">',
    '    <mj-section background-color="{{ business.brand_color }}" padding="12px 24px">',
    '      <mj-column>',
    '        <mj-text color="#ffffff" font-size="20px" font-weight="600">{% if business.logo_url != blank %}<img src="{{ business.logo_url }}" alt="{{ business.name }}" height="40" style="height:40px;border:0">{% else %}{{ business.name }}{% endif %}</mj-text>',
    '      </mj-column>',
    '    </mj-section>',
    '    <mj-section background-color="#ffffff" padding="16px 8px">',
    '      <mj-column>',
    text(phrases.hello),
    ...lines,
    text('{{ business.name }}'),
    '      </mj-column>',
    '    </mj-section>',
    '    <mj-section padding="8px 24px">',
    '      <mj-column>',
    '        <mj-text font-size="12px" line-height="18px" color="#555555" align="center">{{ business.name }}{% if business.phone != blank %} · {{ business.phone }}{% endif %}{% if business.email != blank %} · {{ business.email }}{% endif %}<br>{{ business.address }}</mj-text>',
    `        <mj-text font-size="12px" color="#555555" align="center"><a href="{{ unsubscribe_url }}" style="color:#555555">${phrases.unsubscribe}</a></mj-text>`,
    '      </mj-column>',
    '    </mj-section>',
    '  </mj-body>',
    '</mjml>',
  ].join('\n');
  return { subject, body };
}
