import type {
  AppointmentStatus,
  EnquiryStatus,
  InteractionStatus,
  InteractionType,
  QuoteStatus,
} from '../commerce/interactions';
import { normalizeWord } from './import-values';

/**
 * The statuses of enquiries, quotes and bookings as CRMs, quoting tools and booking tools name them, in
 * English, Spanish, French and German.
 */
const STATUS_WORDS: {
  enquiry: Record<EnquiryStatus, readonly string[]>;
  quote: Record<QuoteStatus, readonly string[]>;
  appointment: Record<AppointmentStatus, readonly string[]>;
} = {
  enquiry: {
    open: [
      'open',
      'new',
      'pending',
      'unanswered',
      'unread',
      'to do',
      'Nuevo',
      'Nueva',
      'Abierto',
      'Abierta',
      'Pendiente',
      'Sin responder',
      'Nouveau',
      'Nouvelle',
      'Ouvert',
      'Ouverte',
      'En attente',
      'Non répondu',
      'Neu',
      'Offen',
      'Unbeantwortet',
      'Ausstehend',
    ],
    answered: [
      'answered',
      'replied',
      'responded',
      'contacted',
      'in progress',
      'Respondido',
      'Respondida',
      'Contestado',
      'Contestada',
      'Contactado',
      'Contactada',
      'Répondu',
      'Contacté',
      'En cours',
      'Beantwortet',
      'Kontaktiert',
      'In Bearbeitung',
    ],
    closed: [
      'closed',
      'done',
      'resolved',
      'archived',
      'won',
      'lost',
      'Cerrado',
      'Cerrada',
      'Resuelto',
      'Resuelta',
      'Archivado',
      'Fermé',
      'Clos',
      'Résolu',
      'Archivé',
      'Geschlossen',
      'Erledigt',
      'Archiviert',
    ],
  },
  quote: {
    sent: [
      'sent',
      'open',
      'pending',
      'awaiting response',
      'awaiting approval',
      'outstanding',
      'Enviado',
      'Enviada',
      'Pendiente',
      'Envoyé',
      'Envoyée',
      'En attente',
      'Gesendet',
      'Versendet',
      'Offen',
      'Ausstehend',
    ],
    accepted: [
      'accepted',
      'approved',
      'converted',
      'signed',
      'won',
      'invoiced',
      'Aceptado',
      'Aceptada',
      'Aprobado',
      'Aprobada',
      'Accepté',
      'Acceptée',
      'Signé',
      'Signée',
      'Angenommen',
      'Akzeptiert',
      'Beauftragt',
    ],
    declined: [
      'declined',
      'rejected',
      'refused',
      'lost',
      'Rechazado',
      'Rechazada',
      'Refusé',
      'Refusée',
      'Abgelehnt',
    ],
    expired: ['expired', 'Caducado', 'Caducada', 'Vencido', 'Vencida', 'Expiré', 'Expirée', 'Abgelaufen'],
  },
  appointment: {
    booked: [
      'booked',
      'scheduled',
      'confirmed',
      'upcoming',
      'pending',
      'active',
      'rescheduled',
      'Reservado',
      'Reservada',
      'Confirmado',
      'Confirmada',
      'Programado',
      'Programada',
      'Réservé',
      'Réservée',
      'Confirmé',
      'Confirmée',
      'Planifié',
      'Gebucht',
      'Bestätigt',
      'Geplant',
    ],
    completed: [
      'completed',
      'complete',
      'done',
      'attended',
      'arrived',
      'checked in',
      'checked out',
      'showed',
      'Asistió',
      'Asistida',
      'finished',
      'Completado',
      'Completada',
      'Realizado',
      'Realizada',
      'Atendido',
      'Terminé',
      'Terminée',
      'Effectué',
      'Effectuée',
      'Honoré',
      'Abgeschlossen',
      'Erledigt',
      'Wahrgenommen',
      'Durchgeführt',
      'Erschienen',
    ],
    no_show: [
      'no-show',
      'no show',
      'noshow',
      'missed',
      'did not attend',
      'not attended',
      'No presentado',
      'No presentada',
      'No se presentó',
      'No asistió',
      'Absent',
      'Absente',
      'Lapin',
      'Nicht erschienen',
      'Versäumt',
      'Ausgefallen',
    ],
    cancelled: [
      'cancelled',
      'canceled',
      'cancelled by client',
      'cancelled by customer',
      'canceled by invitee',
      'canceled by host',
      'Cancelado',
      'Cancelada por el cliente',
      'Cancelada',
      'Anulado',
      'Anulada',
      'Annulé',
      'Annulée',
      'Storniert',
      'Storno',
      'Abgesagt',
    ],
  },
};

const STATUS_BY_WORD = new Map<InteractionType, Map<string, InteractionStatus>>();
for (const [type, statuses] of Object.entries(STATUS_WORDS) as [
  InteractionType,
  Record<string, readonly string[]>,
][]) {
  const byWord = new Map<string, InteractionStatus>();
  for (const [status, words] of Object.entries(statuses))
    for (const word of words) byWord.set(normalizeWord(word), status as InteractionStatus);
  STATUS_BY_WORD.set(type, byWord);
}

/** The status of an enquiry, quote or appointment a word names, or undefined. */
export function interactionStatusNamedBy(type: InteractionType, word: string): InteractionStatus | undefined {
  return STATUS_BY_WORD.get(type)?.get(normalizeWord(word));
}

/** The words a status column of this type is read with, one per status, for the message of a refusal. */
export function interactionStatusExamples(type: InteractionType): string {
  return Object.values(STATUS_WORDS[type])
    .map((words) => words[0])
    .join(', ');
}

const YES_WORDS = new Set(
  ['yes', 'y', 'true', '1', 'x', 'ja', 'sí', 'si', 'oui', 'vrai', 'verdadero', 'wahr'].map(normalizeWord),
);
const NO_WORDS = new Set(
  ['no', 'n', 'false', '0', 'nein', 'non', 'faux', 'falso', 'falsch'].map(normalizeWord),
);

/** A yes/no cell (`Canceled: true`, `No-show: ja`): true, false, or null when it is neither. */
export function yesNo(text: string): boolean | null {
  const key = normalizeWord(text);
  if (key === '' || NO_WORDS.has(key)) return false;
  return YES_WORDS.has(key) ? true : null;
}
