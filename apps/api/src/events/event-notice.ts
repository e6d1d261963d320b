import type { BusinessEventType } from '@rapport/domain';

type Locale = 'en' | 'es' | 'fr' | 'de';

/** What people are told of one event: a line, the item's page in the console, the button's words. */
export interface EventNotice {
  title: string;
  text: string;
  link: string;
  action: string;
}

interface Words {
  title: Record<BusinessEventType, string>;
  action: Record<'case' | 'answer' | 'customer' | 'enquiry' | 'settings' | 'report', string>;
  due: (when: string) => string;
  wasDue: (when: string) => string;
  figures: { sent: string; answers: string; nps: string; open: string; overdue: string };
  complaints: (complaints: number, delivered: number) => string;
  bounces: (bounced: number, sent: number) => string;
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
      'case.due_soon': 'A case is due soon',
      'case.overdue': 'A case is overdue',
      'report.ready': 'The weekly report is ready',
      'delivery.at_risk': 'Sending is at risk',
      'follow_up.sent': 'A follow-up email went out',
      'webhook.test': 'Test message from Rapport',
    },
    action: {
      case: 'Open the case',
      answer: 'Open the answer',
      customer: 'Open the buyer',
      enquiry: 'Open the enquiry',
      settings: 'Open the settings',
      report: 'Open the report',
    },
    due: (when) => `Due by ${when}.`,
    wasDue: (when) => `It was due by ${when}.`,
    figures: { sent: 'Emails sent', answers: 'Answers', nps: 'NPS', open: 'Open cases', overdue: 'overdue' },
    complaints: (complaints, delivered) =>
      `Sending is paused: ${complaints} spam complaints for ${delivered} emails delivered in a day.`,
    bounces: (bounced, sent) => `${bounced} of ${sent} emails sent in the last day bounced.`,
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
      'case.due_soon': 'Un caso vence pronto',
      'case.overdue': 'Un caso está vencido',
      'report.ready': 'El informe semanal está listo',
      'delivery.at_risk': 'El envío de correos está en riesgo',
      'follow_up.sent': 'Se envió un correo de seguimiento',
      'webhook.test': 'Mensaje de prueba de Rapport',
    },
    action: {
      case: 'Abrir el caso',
      answer: 'Abrir la respuesta',
      customer: 'Abrir el cliente',
      enquiry: 'Abrir la consulta',
      settings: 'Abrir los ajustes',
      report: 'Abrir el informe',
    },
    due: (when) => `Vence el ${when}.`,
    wasDue: (when) => `Vencía el ${when}.`,
    figures: {
      sent: 'Correos enviados',
      answers: 'Respuestas',
      nps: 'NPS',
      open: 'Casos abiertos',
      overdue: 'vencidos',
    },
    complaints: (complaints, delivered) =>
      `El envío está en pausa: ${complaints} quejas de spam por ${delivered} correos entregados en un día.`,
    bounces: (bounced, sent) => `${bounced} de ${sent} correos enviados en el último día fueron rechazados.`,
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
      'case.due_soon': 'Un dossier arrive à échéance',
      'case.overdue': 'Un dossier est en retard',
      'report.ready': 'Le rapport hebdomadaire est prêt',
      'delivery.at_risk': 'L’envoi des e-mails est menacé',
      'follow_up.sent': 'Un e-mail de suivi est parti',
      'webhook.test': 'Message de test de Rapport',
    },
    action: {
      case: 'Ouvrir le dossier',
      answer: 'Ouvrir la réponse',
      customer: 'Ouvrir le client',
      enquiry: 'Ouvrir la demande',
      settings: 'Ouvrir les réglages',
      report: 'Ouvrir le rapport',
    },
    due: (when) => `À traiter avant le ${when}.`,
    wasDue: (when) => `Il était à traiter avant le ${when}.`,
    figures: {
      sent: 'E-mails envoyés',
      answers: 'Réponses',
      nps: 'NPS',
      open: 'Dossiers ouverts',
      overdue: 'en retard',
    },
    complaints: (complaints, delivered) =>
      `L’envoi est suspendu : ${complaints} plaintes pour spam pour ${delivered} e-mails remis en un jour.`,
    bounces: (bounced, sent) => `${bounced} des ${sent} e-mails envoyés le dernier jour ont été rejetés.`,
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
      'case.due_soon': 'Ein Fall wird bald fällig',
      'case.overdue': 'Ein Fall ist überfällig',
      'report.ready': 'Der Wochenbericht ist fertig',
      'delivery.at_risk': 'Der E-Mail-Versand ist gefährdet',
      'follow_up.sent': 'Eine Folge-E-Mail wurde gesendet',
      'webhook.test': 'Testnachricht von Rapport',
    },
    action: {
      case: 'Fall öffnen',
      answer: 'Antwort öffnen',
      customer: 'Kunden öffnen',
      enquiry: 'Anfrage öffnen',
      settings: 'Einstellungen öffnen',
      report: 'Bericht öffnen',
    },
    due: (when) => `Fällig bis ${when}.`,
    wasDue: (when) => `Er war fällig bis ${when}.`,
    figures: {
      sent: 'E-Mails gesendet',
      answers: 'Antworten',
      nps: 'NPS',
      open: 'Offene Fälle',
      overdue: 'überfällig',
    },
    complaints: (complaints, delivered) =>
      `Der Versand ist pausiert: ${complaints} Spam-Beschwerden bei ${delivered} zugestellten E-Mails an einem Tag.`,
    bounces: (bounced, sent) => `${bounced} von ${sent} am letzten Tag gesendeten E-Mails kamen zurück.`,
    reasons: 'Antwort',
    resolution: 'Lösung',
  },
};

function localeOf(locale: string): Locale {
  return locale === 'es' || locale === 'fr' || locale === 'de' ? locale : 'en';
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** One event as people are told of it, in a chat channel or an email. */
export function eventNotice(
  event: { type: BusinessEventType; data: Record<string, unknown> },
  business: { name: string; locale: string; timeZone: string },
  publicUrl: string,
): EventNotice {
  const locale = localeOf(business.locale);
  const words = WORDS[locale];
  const data = event.data;
  const title = `${business.name}: ${words.title[event.type]}`;
  const when = (value: unknown): string =>
    text(value)
      ? new Intl.DateTimeFormat(locale, {
          dateStyle: 'medium',
          timeStyle: 'short',
          timeZone: business.timeZone,
        }).format(new Date(text(value)))
      : '';
  const link = (path: string, action: keyof Words['action']) => ({
    link: `${publicUrl}${path}`,
    action: words.action[action],
  });
  switch (event.type) {
    case 'case.opened': {
      const due = when(data['dueAt']);
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
      if (text(data['caseId'])) return { title, text: '', ...link(`/cases/${text(data['caseId'])}`, 'case') };
      if (text(data['customerId']))
        return { title, text: '', ...link(`/customers/${text(data['customerId'])}`, 'customer') };
      // A reply that matched none of the business's emails is kept among the answers' replies.
      return { title, text: '', ...link('/answers?channel=reply', 'answer') };
    case 'enquiry.received':
      return { title, text: '', ...link(`/enquiries/${text(data['interactionId'])}`, 'enquiry') };
    case 'case.due_soon':
    case 'case.overdue': {
      const due = when(data['dueAt']);
      const line = !due ? '' : event.type === 'case.overdue' ? words.wasDue(due) : words.due(due);
      return { title, text: line, ...link(`/cases/${text(data['caseId'])}`, 'case') };
    }
    case 'report.ready':
      return {
        title,
        text: reportFigures(data, words, locale),
        ...link(`/reports/${text(data['weekStart'])}`, 'report'),
      };
    case 'delivery.at_risk': {
      const count = (key: string) => (typeof data[key] === 'number' ? (data[key] as number) : 0);
      return {
        title,
        text:
          data['reason'] === 'complaints'
            ? words.complaints(count('complaints'), count('delivered'))
            : words.bounces(count('bounced'), count('sent')),
        ...link('/settings/business', 'settings'),
      };
    }
    case 'webhook.test':
      return { title, text: '', ...link('/settings/webhooks', 'settings') };
    default:
      return { title, text: '', ...link(`/customers/${text(data['customerId'])}`, 'customer') };
  }
}

/** The report's headline figures in one line: "Emails sent 120 · Answers 34 · NPS 42 · Open cases 2 (1 overdue)". */
function reportFigures(data: Record<string, unknown>, words: Words, locale: Locale): string {
  const number = (value: unknown) =>
    typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : null;
  const open = number(data['openCases']);
  const overdue =
    typeof data['overdueCases'] === 'number' && data['overdueCases'] > 0
      ? number(data['overdueCases'])
      : null;
  return [
    number(data['sent']) === null ? '' : `${words.figures.sent} ${number(data['sent'])}`,
    number(data['answers']) === null ? '' : `${words.figures.answers} ${number(data['answers'])}`,
    number(data['nps']) === null ? '' : `${words.figures.nps} ${number(data['nps'])}`,
    open === null
      ? ''
      : `${words.figures.open} ${open}${overdue ? ` (${overdue} ${words.figures.overdue})` : ''}`,
  ]
    .filter(Boolean)
    .join(' · ');
}
