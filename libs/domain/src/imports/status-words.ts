import type { OrderStatus } from '../commerce/orders';
import { normalizeWord } from './import-values';

/**
 * Order statuses as shops export them (Shopify's fulfillment status, WooCommerce's order status with or
 * without its `wc-` prefix), also as WooCommerce labels them in Spanish, French and German.
 */
const ORDER_STATUS_WORDS: Record<OrderStatus, readonly string[]> = {
  placed: [
    'placed',
    'pending',
    'pending payment',
    'processing',
    'on-hold',
    'unfulfilled',
    'paid',
    'open',
    'new',
    'checkout-draft',
    'draft',
    'Zahlung ausstehend',
    'In Bearbeitung',
    'In Wartestellung',
    'Offen',
    'Neu',
    'Pendiente',
    'Pendiente de pago',
    'Procesando',
    'En espera',
    'Nuevo',
    'En attente',
    'En attente de paiement',
    'En cours',
    'Nouvelle',
  ],
  fulfilled: [
    'fulfilled',
    'partial',
    'completed',
    'complete',
    'shipped',
    'Fertiggestellt',
    'Abgeschlossen',
    'Versandt',
    'Completado',
    'Completada',
    'Enviado',
    'Terminée',
    'Terminé',
    'Expédiée',
    'Expédié',
  ],
  delivered: ['delivered', 'Zugestellt', 'Geliefert', 'Entregado', 'Livrée', 'Livré'],
  cancelled: [
    'cancelled',
    'canceled',
    'failed',
    'voided',
    'restocked',
    'Storniert',
    'Fehlgeschlagen',
    'Abgebrochen',
    'Cancelado',
    'Cancelada',
    'Fallido',
    'Annulée',
    'Annulé',
    'Échouée',
    'Échoué',
  ],
  refunded: [
    'refunded',
    'partially refunded',
    'Rückerstattet',
    'Erstattet',
    'Teilweise erstattet',
    'Reembolsado',
    'Reembolsada',
    'Parcialmente reembolsado',
    'Remboursée',
    'Remboursé',
    'Partiellement remboursé',
  ],
};

const STATUS_BY_WORD = new Map<string, OrderStatus>();
for (const [status, words] of Object.entries(ORDER_STATUS_WORDS) as [OrderStatus, readonly string[]][])
  for (const word of words) STATUS_BY_WORD.set(normalizeWord(word), status);

/** The order status a word names, or undefined. */
export function orderStatusNamedBy(word: string): OrderStatus | undefined {
  const key = normalizeWord(word);
  return STATUS_BY_WORD.get(key) ?? (key.startsWith('wc') ? STATUS_BY_WORD.get(key.slice(2)) : undefined);
}

/**
 * What a payment status says about the order, if anything: money given back (Shopify's `refunded` and
 * `partially_refunded`), or a payment voided before it was taken. Other payment states say nothing.
 */
export function orderStatusOfPayment(word: string): 'refunded' | 'cancelled' | undefined {
  const status = orderStatusNamedBy(word);
  if (status === 'refunded') return 'refunded';
  return normalizeWord(word) === 'voided' ? 'cancelled' : undefined;
}
