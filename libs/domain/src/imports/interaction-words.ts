import type {
  AppointmentStatus,
  EnquiryStatus,
  InteractionStatus,
  InteractionType,
  QuoteStatus,
} from '../commerce/interactions';
import type { ImportField } from './import-fields';
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
    open: ['open', 'new', 'pending', 'unanswered', 'unread', 'to do', 'Nuevo', 'Abierto', 'Pendiente'],
    answered: [
      'answered',
      'replied',
      'responded',
      'contacted',
      'in progress',
      'Respondido',
      'Contestado',
      'Contactado',
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
      'Resuelto',
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
      'checked out',
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
    ],
    no_show: [
      'no-show',
      'no show',
      'noshow',
      'missed',
      'did not attend',
      'not attended',
      'No presentado',
      'No se presentó',
      'No asistió',
      'Absent',
      'Absente',
      'Lapin',
      'Nicht erschienen',
      'Versäumt',
    ],
    cancelled: [
      'cancelled',
      'canceled',
      'Cancelado',
      'Cancelada',
      'Anulado',
      'Anulada',
      'Annulé',
      'Annulée',
      'Storniert',
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

/**
 * Column names of enquiry, quote and booking files, in the four languages. Read before the names that
 * orders and customers files use, so `Date` is when the enquiry came and `Amount` the quote's.
 */
export const INTERACTION_HEADER_NAMES: Readonly<Partial<Record<ImportField, readonly string[]>>> = {
  externalId: [
    'ID',
    'Reference',
    'Ref',
    'Quote number',
    'Quote #',
    'Quote no',
    'Quote ID',
    'Estimate number',
    'Estimate #',
    'Enquiry ID',
    'Inquiry ID',
    'Lead ID',
    'Booking ID',
    'Booking reference',
    'Appointment ID',
    'Número de presupuesto',
    'Presupuesto',
    'Referencia',
    'Numéro de devis',
    'Devis',
    'Référence',
    'Angebotsnummer',
    'Angebot',
    'Buchungsnummer',
    'Termin-ID',
    'Referenz',
  ],
  occurredAt: [
    'Date',
    'Created',
    'Created at',
    'Created date',
    'Submitted at',
    'Submitted',
    'Received',
    'Received at',
    'Sent',
    'Sent at',
    'Sent date',
    'Quote date',
    'Issue date',
    'Booked at',
    'Booked on',
    'Date booked',
    'Date scheduled',
    'Scheduled at',
    'Fecha',
    'Fecha de envío',
    'Fecha del presupuesto',
    'Fecha de reserva',
    'Date du devis',
    "Date d'envoi",
    'Date de réservation',
    'Datum',
    'Angebotsdatum',
    'Gesendet am',
    'Gebucht am',
    'Buchungsdatum',
  ],
  subject: [
    'Subject',
    'Title',
    'Topic',
    'Service',
    'Type',
    'Appointment type',
    'Event type',
    'Asunto',
    'Servicio',
    'Título',
    'Objet',
    'Sujet',
    'Prestation',
    'Titre',
    'Betreff',
    'Leistung',
    'Dienstleistung',
    'Titel',
  ],
  message: [
    'Message',
    'Notes',
    'Note',
    'Comment',
    'Comments',
    'Description',
    'Question',
    'Details',
    'Mensaje',
    'Notas',
    'Comentario',
    'Descripción',
    'Pregunta',
    'Commentaire',
    'Remarques',
    'Nachricht',
    'Notizen',
    'Kommentar',
    'Beschreibung',
    'Anmerkungen',
    'Frage',
  ],
  amount: [
    'Amount',
    'Total',
    'Quote total',
    'Quote amount',
    'Price',
    'Value',
    'Importe',
    'Total del presupuesto',
    'Precio',
    'Montant',
    'Total TTC',
    'Montant du devis',
    'Prix',
    'Betrag',
    'Summe',
    'Gesamt',
    'Gesamtbetrag',
    'Angebotssumme',
    'Preis',
  ],
  validUntil: [
    'Valid until',
    'Expiry date',
    'Expires',
    'Expires at',
    'Expiration date',
    'Válido hasta',
    'Fecha de vencimiento',
    "Valable jusqu'au",
    "Date d'expiration",
    'Gültig bis',
    'Ablaufdatum',
  ],
  startsAt: [
    'Start',
    'Starts at',
    'Start time',
    'Start date',
    'Start date & time',
    'Appointment date',
    'Appointment time',
    'Date and time',
    'When',
    'Inicio',
    'Fecha de la cita',
    'Hora de inicio',
    'Début',
    'Date du rendez-vous',
    'Heure de début',
    'Beginn',
    'Termin',
    'Startzeit',
    'Termindatum',
  ],
  endsAt: [
    'End',
    'Ends at',
    'End time',
    'End date & time',
    'Fin',
    'Hora de fin',
    'Heure de fin',
    'Ende',
    'Endzeit',
  ],
  status: ['Status', 'Stage', 'State', 'Estado', 'Etapa', 'Statut', 'État', 'Étape', 'Zustand', 'Phase'],
  isCancelled: ['Canceled', 'Cancelled', 'Is cancelled', 'Cancelado', 'Annulé', 'Storniert', 'Abgesagt'],
  isNoShow: ['No-show', 'No show', 'Marked as no-show', 'No presentado', 'Absent', 'Nicht erschienen'],
  referralCode: [
    'Referral code',
    'Referral',
    'Referred by',
    'Código de recomendación',
    'Code de parrainage',
    'Empfehlungscode',
  ],
};

const INTERACTION_FIELD_BY_NAME = new Map<string, ImportField>();
for (const [field, names] of Object.entries(INTERACTION_HEADER_NAMES) as [ImportField, readonly string[]][])
  for (const name of names) {
    const key = normalizeWord(name);
    if (!INTERACTION_FIELD_BY_NAME.has(key)) INTERACTION_FIELD_BY_NAME.set(key, field);
  }

/** The field a column of an enquiry, quote or booking file names, if its header is a known name of one. */
export function interactionFieldNamedBy(header: string): ImportField | undefined {
  return INTERACTION_FIELD_BY_NAME.get(normalizeWord(header));
}
