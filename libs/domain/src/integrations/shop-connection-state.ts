import type { ShopConnectionState, WebhookDeliveryResponse } from '../contracts/integrations';

/**
 * The state of a connection from when it was connected and its deliveries (any order). Test deliveries
 * are Rapport's own samples: they say nothing of whether the shop itself sends.
 */
export function shopConnectionState(
  connectedAt: string | null,
  deliveries: readonly Pick<WebhookDeliveryResponse, 'receivedAt' | 'outcome' | 'isTest'>[],
): ShopConnectionState {
  if (connectedAt === null) return 'not-connected';
  const since = deliveries
    .filter((delivery) => !delivery.isTest && delivery.receivedAt >= connectedAt)
    .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  const latest = since[0];
  if (!latest) return 'waiting';
  return latest.outcome === 'failed' ? 'refusing' : 'receiving';
}
