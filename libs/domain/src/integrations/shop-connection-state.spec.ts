import { shopConnectionState } from './shop-connection-state';

describe('shopConnectionState', () => {
  const connectedAt = '2026-11-30T10:00:00.000Z';

  it('is not connected without a connection, and waiting until a delivery arrives after connecting', () => {
    expect(shopConnectionState(null, [])).toBe('not-connected');
    expect(shopConnectionState(connectedAt, [])).toBe('waiting');
    // A delivery before the secret was (re)placed says nothing about the connection as it is now.
    expect(
      shopConnectionState(connectedAt, [{ receivedAt: '2026-11-29T10:00:00.000Z', outcome: 'processed' }]),
    ).toBe('waiting');
  });

  it('follows the latest delivery since connecting', () => {
    const used = { receivedAt: '2026-11-30T11:00:00.000Z', outcome: 'processed' } as const;
    const refused = { receivedAt: '2026-11-30T12:00:00.000Z', outcome: 'failed' } as const;
    const ignored = { receivedAt: '2026-11-30T13:00:00.000Z', outcome: 'ignored' } as const;
    expect(shopConnectionState(connectedAt, [used])).toBe('receiving');
    expect(shopConnectionState(connectedAt, [used, refused])).toBe('refusing');
    expect(shopConnectionState(connectedAt, [refused, ignored, used])).toBe('receiving');
  });
});
