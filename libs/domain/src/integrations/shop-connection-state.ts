import type { ShopConnectionState, WebhookDeliveryResponse } from '../contracts/integrations';

/** The state of a connection from when it was connected and its deliveries (any order). */
export function shopConnectionState(
  connectedAt: string | null,
  deliveries: readonly Pick<WebhookDeliveryResponse, 'receivedAt' | 'outcome'>[],
): ShopConnectionState {
  if (connectedAt === null) return 'not-connected';
  const since = deliveries
    .filter((delivery) => delivery.receivedAt >= connectedAt)
    .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  const latest = since[0];
  if (!latest) return 'waiting';
  return latest.outcome === 'failed' ? 'refusing' : 'receiving';
}
