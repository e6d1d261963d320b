import type { NpsBand } from '../scores/nps';
import type { BuyerLocale, ConsentBasis, CustomerSort, SubscriptionState } from '../commerce/customers';
import type { OrderSource, OrderStatus } from '../commerce/orders';
import type { InteractionEvent, InteractionStatus, InteractionType } from '../commerce/interactions';
import type { InteractionResponse } from './interactions';
import type { MessageKind, MessageStatus } from '../automations/message-kinds';

export interface CustomerResponse {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  locale: BuyerLocale | null;
  timeZone: string | null;
  tags: string[];
  externalIds: Record<string, string>;
  consentBasis: ConsentBasis;
  subscriptionState: SubscriptionState;
  subscriptionChangedAt: string | null;
  subscriptionReason: string | null;
  orderCount: number;
  lastOrderAt: string | null;
  /** When the person first ordered or had a job completed; null for a prospect. */
  becameCustomerAt: string | null;
  createdAt: string;
}

/** A prospect has not ordered or had a job completed yet; a customer has. */
export const CONTACT_KINDS = ['prospect', 'customer'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** Create or update by email (case-blind): sending the same buyer twice changes nothing. */
export interface UpsertCustomerRequest {
  email: string;
  name?: string;
  phone?: string | null;
  locale?: BuyerLocale | null;
  timeZone?: string | null;
  tags?: string[];
  externalIds?: Record<string, string>;
  consentBasis?: ConsentBasis;
}

export interface UpdateCustomerRequest {
  name?: string;
  phone?: string | null;
  locale?: BuyerLocale | null;
  timeZone?: string | null;
  tags?: string[];
  consentBasis?: ConsentBasis;
}

export interface CustomerListQuery {
  /** Part of the name or email. */
  search?: string;
  tag?: string;
  subscriptionState?: SubscriptionState;
  /** Buyers who answered (or replied to) a follow-up at least once; false for those who never did. */
  hasAnswered?: boolean;
  /** Buyers whose latest score falls in this band. */
  band?: NpsBand;
  /** Prospects only, or customers only. */
  kind?: ContactKind;
  /** Newest first when left out. A cursor belongs to the sort it was made for. */
  sort?: CustomerSort;
  cursor?: string;
  limit?: number;
}

export type TimelineEntry =
  | {
      kind: 'order';
      at: string;
      orderId: string;
      externalId: string;
      status: OrderStatus;
      total: string;
      currency: string;
    }
  | { kind: 'order-event'; at: string; orderId: string; externalId: string; event: OrderStatus }
  | { kind: 'subscription'; at: string; state: SubscriptionState; reason: string | null }
  | {
      kind: 'email';
      at: string;
      messageKind: MessageKind;
      status: MessageStatus;
      subject: string | null;
      reason: string | null;
    }
  | {
      kind: 'answer';
      at: string;
      answerId: string;
      score: number | null;
      scoreType: 'nps' | 'csat' | null;
      band: NpsBand | null;
      comment: string | null;
    }
  | { kind: 'case'; at: string; caseId: string; status: 'open' | 'waiting' | 'resolved'; reasons: string }
  | {
      kind: 'interaction';
      at: string;
      interactionId: string;
      type: InteractionType;
      status: InteractionStatus;
      subject: string;
    }
  | { kind: 'interaction-event'; at: string; interactionId: string; event: InteractionEvent }
  | {
      kind: 'referral';
      at: string;
      /** `referrer`: this person recommended the other; `referred`: this person came through the other. */
      role: 'referrer' | 'referred';
      otherCustomerId: string;
      otherName: string;
      /** Whether the person recommended has become a customer. */
      converted: boolean;
    };

export interface CustomerDetailResponse extends CustomerResponse {
  timeline: TimelineEntry[];
}

export interface ProductResponse {
  id: string;
  name: string;
  sku: string | null;
  imageUrl: string | null;
  createdAt: string;
  orderCount: number;
}

export interface UpsertProductRequest {
  name: string;
  sku?: string | null;
  imageUrl?: string | null;
}

export interface OrderLineRequest {
  /** Matches an existing product by SKU, or creates it with `productName`. */
  sku?: string | null;
  productName: string;
  quantity: number;
  /** Decimal string or number, in the order's currency (e.g. "12.50"). */
  unitPrice: string | number;
}

/** Create or update by (source, externalId): sending the same order twice changes nothing. */
export interface UpsertOrderRequest {
  externalId: string;
  customer: UpsertCustomerRequest;
  placedAt: string;
  status?: OrderStatus;
  total: string | number;
  currency: string;
  lines?: OrderLineRequest[];
  /** The code of a customer who recommended the business (from their link); an unknown code is ignored. */
  referralCode?: string;
}

export interface ChangeOrderStatusRequest {
  status: OrderStatus;
  /** When it happened (defaults to now). */
  at?: string;
}

export interface OrderLineResponse {
  id: string;
  productId: string | null;
  productName: string;
  quantity: number;
  unitPrice: string;
}

export interface OrderResponse {
  id: string;
  externalId: string;
  source: OrderSource;
  customer: { id: string; email: string; name: string };
  placedAt: string;
  status: OrderStatus;
  fulfilledAt: string | null;
  deliveredAt: string | null;
  cancelledAt: string | null;
  refundedAt: string | null;
  total: string;
  currency: string;
  lines: OrderLineResponse[];
}

export interface OrderListQuery {
  search?: string;
  status?: OrderStatus;
  customerId?: string;
  productId?: string;
  cursor?: string;
  limit?: number;
}

/** Everything Rapport holds about one buyer, for a data-access request. */
export interface CustomerExport {
  exportedAt: string;
  business: { id: string; name: string };
  customer: CustomerResponse;
  orders: OrderResponse[];
  /** Their enquiries (with what they wrote), quotes and appointments. */
  interactions: InteractionResponse[];
  timeline: TimelineEntry[];
}

/** How the recommendation loop went since a day: requests sent, people who came, those who bought. */
export interface ReferralSummaryResponse {
  since: string;
  /** Requests to recommend sent to promoters. */
  asked: number;
  /** People who came through someone's link or code. */
  referred: number;
  /** Of those, the ones who became customers. */
  converted: number;
  /** The latest recommendations, newest first. */
  recent: {
    referred: { id: string; name: string; email: string };
    referrer: { id: string; name: string; email: string };
    referredAt: string;
    becameCustomerAt: string | null;
  }[];
}
