import type {
  AppointmentStatus,
  EnquiryStatus,
  InteractionSource,
  InteractionStatus,
  InteractionType,
  QuoteStatus,
} from '../commerce/interactions';
import type { MessageStatus } from '../automations/message-kinds';
import type { UpsertCustomerRequest } from './commerce';

/** What every interaction sent by the API carries: its id in the sender's system and the person. */
interface InteractionRequestBase {
  /** The id in your system: sending it again updates the same interaction. */
  externalId: string;
  contact: UpsertCustomerRequest;
  /** When it happened (the enquiry arrived, the quote was sent, the appointment was booked); now when left out. */
  occurredAt?: string;
  /** The code of a customer who recommended the business (from their link); an unknown code is ignored. */
  referralCode?: string;
}

export interface UpsertEnquiryRequest extends InteractionRequestBase {
  subject?: string;
  message: string;
  status?: EnquiryStatus;
}

export interface UpsertQuoteRequest extends InteractionRequestBase {
  subject?: string;
  amount: string | number;
  currency: string;
  /** Until when the quote holds. */
  validUntil?: string | null;
  status?: QuoteStatus;
  /** A note about the quote, for staff. */
  message?: string;
}

export interface UpsertAppointmentRequest extends InteractionRequestBase {
  subject?: string;
  /** When the appointment or job is (or was). */
  startsAt: string;
  status?: AppointmentStatus;
  /** A note about the appointment, for staff. */
  message?: string;
}

export interface ChangeInteractionStatusRequest {
  status: InteractionStatus;
  /** When it happened (defaults to now). */
  at?: string;
}

/** Staff's answer to an enquiry, emailed to the person from the business. */
export interface AnswerEnquiryRequest {
  text: string;
}

export interface InteractionResponse {
  id: string;
  type: InteractionType;
  source: InteractionSource;
  externalId: string;
  status: InteractionStatus;
  contact: { id: string; email: string; name: string };
  subject: string;
  message: string;
  amount: string | null;
  currency: string | null;
  validUntil: string | null;
  startsAt: string | null;
  occurredAt: string;
  /** An open enquiry's answer is due by then (working hours); null for the others. */
  dueAt: string | null;
  /** An open enquiry past its due time. */
  isOverdue: boolean;
  answeredAt: string | null;
  /** The answers staff sent to an enquiry, oldest first, with what became of each email. */
  answers: { at: string; text: string; status: MessageStatus }[];
}

export interface InteractionListQuery {
  type?: InteractionType;
  status?: InteractionStatus;
  customerId?: string;
  /** Part of the subject, or of the person's name or email. */
  search?: string;
  cursor?: string;
  limit?: number;
}

/** A business's public enquiry form (read with `interactions:read`, changed with `business:manage`). */
export interface EnquiryFormResponse {
  isEnabled: boolean;
  /** The hosted page. */
  url: string;
  /** An HTML form that posts to the hosted page; works without JavaScript. */
  snippet: string;
}

export interface UpdateEnquiryFormRequest {
  isEnabled?: boolean;
  /** A new address: the old page and snippets stop working (for a form that draws spam). */
  newAddress?: boolean;
}
