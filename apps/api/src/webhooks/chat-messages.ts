import type { BusinessEventType } from '@rapport/domain';

type Locale = 'en' | 'es' | 'fr' | 'de';

/** What a channel is told of one event: a line, the item's page in the console, the button's words. */
export interface ChatNotice {
  title: string;
  text: string;
  link: string;
  action: string;
}

interface Words {
  title: Record<BusinessEventType, string>;
  action: Record<'case' | 'answer' | 'customer' | 'enquiry' | 'settings', string>;
  due: (when: string) => string;
  reasons: string;
  resolution: string;
}

/**
 * The messages in the business's language. Only what the team needs to act: what happened, how urgent,
 * and the link; no buyer's name, address or comment leaves Rapport for a chat service.
 */
const WORDS: Record<Locale, Words> = {
  en: {
    title: {
      'answer.recorded': 'New answer',
      'case.opened': 'New case: an unhappy buyer',
      'case.assigned': 'A case changed hands',
      'case.resolved': 'Case resolved',
      'reply.received': 'A buyer replied',
      'customer.unsubscribed': 'A buyer unsubscribed',
      'customer.bounced': 'An email to a buyer bounced',
      'customer.complained': 'A buyer marked an email as spam',
      'enquiry.received': 'New enquiry',
      'webhook.test': 'Test message from Rapport',
    },
    action: {
      case: 'Open the case',
      answer: 'Open the answer',
      customer: 'Open the buyer',
      enquiry: 'Open the enquiry',
      settings: 'Open the settings',
    },
    due: (when) => `Due by ${when}.`,
    reasons: 'Answered',
    resolution: 'Resolution',
  },
  es: {
    title: {
      'answer.recorded': 'Nueva respuesta',
      'case.opened': 'Nuevo caso: un cliente descontento',
      'case.assigned': 'Un caso cambió de responsable',
      'case.resolved': 'Caso resuelto',
      'reply.received': 'Un cliente respondió',
      'customer.unsubscribed': 'Un cliente se dio de baja',
      'customer.bounced': 'Un correo a un cliente fue rechazado',
      'customer.complained': 'Un cliente marcó un correo como spam',
      'enquiry.received': 'Nueva consulta',
      'webhook.test': 'Mensaje de prueba de Rapport',
    },
    action: {
      case: 'Abrir el caso',
      answer: 'Abrir la respuesta',
      customer: 'Abrir el cliente',
      enquiry: 'Abrir la consulta',
      settings: 'Abrir los ajustes',
    },
    due: (when) => `Vence el ${when}.`,
    reasons: 'Respondió',
    resolution: 'Resolución',
  },
  fr: {
    title: {
      'answer.recorded': 'Nouvelle réponse',
      'case.opened': 'Nouveau dossier : un client mécontent',
      'case.assigned': 'Un dossier a changé de responsable',
      'case.resolved': 'Dossier résolu',
      'reply.received': 'Un client a répondu',
      'customer.unsubscribed': 'Un client s’est désinscrit',
      'customer.bounced': 'Un e-mail à un client a été rejeté',
      'customer.complained': 'Un client a signalé un e-mail comme spam',
      'enquiry.received': 'Nouvelle demande',
      'webhook.test': 'Message de test de Rapport',
    },
    action: {
      case: 'Ouvrir le dossier',
      answer: 'Ouvrir la réponse',
      customer: 'Ouvrir le client',
      enquiry: 'Ouvrir la demande',
      settings: 'Ouvrir les réglages',
    },
    due: (when) => `À traiter avant le ${when}.`,
    reasons: 'A répondu',
    resolution: 'Résolution',
  },
  de: {
    title: {
      'answer.recorded': 'Neue Antwort',
      'case.opened': 'Neuer Fall: ein unzufriedener Kunde',
      'case.assigned': 'Ein Fall hat jetzt jemand anderen',
      'case.resolved': 'Fall gelöst',
      'reply.received': 'Ein Kunde hat geantwortet',
      'customer.unsubscribed': 'Ein Kunde hat sich abgemeldet',
      'customer.bounced': 'Eine E-Mail an einen Kunden kam zurück',
      'customer.complained': 'Ein Kunde hat eine E-Mail als Spam gemeldet',
      'enquiry.received': 'Neue Anfrage',
      'webhook.test': 'Testnachricht von Rapport',
    },
    action: {
      case: 'Fall öffnen',
      answer: 'Antwort öffnen',
      customer: 'Kunden öffnen',
      enquiry: 'Anfrage öffnen',
      settings: 'Einstellungen öffnen',
    },
    due: (when) => `Fällig bis ${when}.`,
    reasons: 'Antwort',
    resolution: 'Lösung',
  },
};

function localeOf(locale: string): Locale {
  return locale === 'es' || locale === 'fr' || locale === 'de' ? locale : 'en';
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** One event as a channel is told of it. */
export function chatNotice(
  event: { type: BusinessEventType; data: Record<string, unknown> },
  business: { name: string; locale: string; timeZone: string },
  publicUrl: string,
): ChatNotice {
  const locale = localeOf(business.locale);
  const words = WORDS[locale];
  const data = event.data;
  const title = `${business.name}: ${words.title[event.type]}`;
  const link = (path: string, action: keyof Words['action']) => ({
    link: `${publicUrl}${path}`,
    action: words.action[action],
  });
  switch (event.type) {
    case 'case.opened': {
      const due = text(data['dueAt'])
        ? new Intl.DateTimeFormat(locale, {
            dateStyle: 'medium',
            timeStyle: 'short',
            timeZone: business.timeZone,
          }).format(new Date(text(data['dueAt'])))
        : '';
      const reasons = Array.isArray(data['reasons']) ? data['reasons'].map(String).join(', ') : '';
      return {
        title,
        text: [reasons ? `${words.reasons}: ${reasons}.` : '', due ? words.due(due) : '']
          .filter(Boolean)
          .join(' '),
        ...link(`/cases/${text(data['caseId'])}`, 'case'),
      };
    }
    case 'case.assigned':
      return { title, text: '', ...link(`/cases/${text(data['caseId'])}`, 'case') };
    case 'case.resolved':
      return {
        title,
        text: text(data['resolution'])
          ? `${words.resolution}: ${text(data['resolution']).slice(0, 300)}`
          : '',
        ...link(`/cases/${text(data['caseId'])}`, 'case'),
      };
    case 'answer.recorded': {
      const score = typeof data['score'] === 'number' ? String(data['score']) : '';
      const kind = data['scoreType'] === 'csat' ? 'CSAT' : 'NPS';
      return {
        title,
        text: score ? `${kind} ${score}` : '',
        ...link(`/answers/${text(data['answerId'])}`, 'answer'),
      };
    }
    case 'reply.received':
      return text(data['caseId'])
        ? { title, text: '', ...link(`/cases/${text(data['caseId'])}`, 'case') }
        : { title, text: '', ...link(`/customers/${text(data['customerId'])}`, 'customer') };
    case 'enquiry.received':
      return { title, text: '', ...link(`/enquiries/${text(data['interactionId'])}`, 'enquiry') };
    case 'webhook.test':
      return { title, text: '', ...link('/settings/webhooks', 'settings') };
    default:
      return { title, text: '', ...link(`/customers/${text(data['customerId'])}`, 'customer') };
  }
}

/** Slack's incoming webhook: `text` for notifications, Block Kit for the channel. */
export function slackMessage(notice: ChatNotice): Record<string, unknown> {
  return {
    text: [notice.title, notice.text].filter(Boolean).join(' · '),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${escapeSlack(notice.title)}*` } },
      ...(notice.text ? [{ type: 'section', text: { type: 'plain_text', text: notice.text } }] : []),
      {
        type: 'actions',
        elements: [{ type: 'button', text: { type: 'plain_text', text: notice.action }, url: notice.link }],
      },
    ],
  };
}

/** A Teams workflow or incoming webhook: one Adaptive Card. */
export function teamsMessage(notice: ChatNotice): Record<string, unknown> {
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            { type: 'TextBlock', text: notice.title, weight: 'Bolder', size: 'Medium', wrap: true },
            ...(notice.text ? [{ type: 'TextBlock', text: notice.text, wrap: true }] : []),
          ],
          actions: [{ type: 'Action.OpenUrl', title: notice.action, url: notice.link }],
        },
      },
    ],
  };
}

/** Slack's mrkdwn reads `&`, `<` and `>` as markup: a business name is shown as written. */
function escapeSlack(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
