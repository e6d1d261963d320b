/** Shops that push orders to Rapport through signed webhooks. */
export const SHOP_PROVIDERS = ['shopify', 'woocommerce', 'stripe'] as const;
export type ShopProvider = (typeof SHOP_PROVIDERS)[number];

export const WEBHOOK_OUTCOMES = ['processed', 'ignored', 'failed'] as const;
export type WebhookOutcome = (typeof WEBHOOK_OUTCOMES)[number];

export interface WebhookDeliveryResponse {
  deliveryId: string;
  topic: string;
  receivedAt: string;
  outcome: WebhookOutcome;
  message: string;
  /**
   * A sample Rapport signed and posted to the shop's own webhook address ("Send a test delivery"): read and
   * verified like any delivery, never stored as a buyer, an order or a follow-up.
   */
  isTest: boolean;
}

/**
 * Where a shop connection stands: not connected; connected and waiting for its first delivery; receiving
 * (its latest delivery was used or knowingly ignored); or refusing (its latest delivery was verified but
 * could not be used).
 */
export const SHOP_CONNECTION_STATES = ['not-connected', 'waiting', 'receiving', 'refusing'] as const;
export type ShopConnectionState = (typeof SHOP_CONNECTION_STATES)[number];

export interface IntegrationResponse {
  provider: ShopProvider;
  state: ShopConnectionState;
  /** Where the shop sends its webhooks. */
  webhookUrl: string;
  /** The signing secret, shown to owners and admins; null when not connected. */
  secret: string | null;
  connectedAt: string | null;
  /** The latest deliveries, newest first, test deliveries among them. */
  deliveries: WebhookDeliveryResponse[];
  /** The latest test delivery since connecting, or null. */
  latestTest: WebhookDeliveryResponse | null;
}

/** What became of a test delivery: received and verified, or refused (with the reason in the delivery). */
export interface TestDeliveryResponse {
  isReceived: boolean;
  delivery: WebhookDeliveryResponse;
}

export interface ConnectShopRequest {
  /** The signing secret the shop shows (Shopify, Stripe); leave out to get a new one (WooCommerce). */
  secret?: string;
}
