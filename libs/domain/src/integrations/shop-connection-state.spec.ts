import { shopConnectionState } from './shop-connection-state';

describe('shopConnectionState', () => {
  const connectedAt = '2026-11-30T10:00:00.000Z';

  it('is not connected without a connection, and waiting until a delivery arrives after connecting', () => {
    expect(shopConnectionState(null, [])).toBe('not-connected');
    expect(shopConnectionState(connectedAt, [])).toBe('waiting');
    // A delivery before the secret was (re)placed says nothing about the connection as it is now.
    expect(
      shopConnectionState(connectedAt, [
        { receivedAt: '2026-11-29T10:00:00.000Z', outcome: 'processed', isTest: false },
      ]),
    ).toBe('waiting');
  });

  it('follows the latest delivery since connecting', () => {
    const used = { receivedAt: '2026-11-30T11:00:00.000Z', outcome: 'processed', isTest: false } as const;
    const refused = { receivedAt: '2026-11-30T12:00:00.000Z', outcome: 'failed', isTest: false } as const;
    const ignored = { receivedAt: '2026-11-30T13:00:00.000Z', outcome: 'ignored', isTest: false } as const;
    expect(shopConnectionState(connectedAt, [used])).toBe('receiving');
    expect(shopConnectionState(connectedAt, [used, refused])).toBe('refusing');
    expect(shopConnectionState(connectedAt, [refused, ignored, used])).toBe('receiving');
  });

  it('keeps waiting for the shop after a test delivery, and does not count a refused test against it', () => {
    const test = { receivedAt: '2026-11-30T11:00:00.000Z', outcome: 'processed', isTest: true } as const;
    const refusedTest = { receivedAt: '2026-11-30T14:00:00.000Z', outcome: 'failed', isTest: true } as const;
    const used = { receivedAt: '2026-11-30T12:00:00.000Z', outcome: 'processed', isTest: false } as const;
    expect(shopConnectionState(connectedAt, [test])).toBe('waiting');
    expect(shopConnectionState(connectedAt, [test, used, refusedTest])).toBe('receiving');
  });
});
