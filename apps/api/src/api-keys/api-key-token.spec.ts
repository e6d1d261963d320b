import { randomUUID } from 'node:crypto';
import { isSecretOf, newApiKey, parseApiKey } from './api-key-token';

describe('API key tokens', () => {
  it('carries the key and tenant ids and a secret that only its hash verifies', () => {
    const tenantId = randomUUID();
    const created = newApiKey(tenantId);
    const parsed = parseApiKey(created.token);
    expect(parsed).toEqual({ keyId: created.keyId, tenantId, secret: expect.any(String) });
    expect(isSecretOf(parsed?.secret ?? '', created.secretHash)).toBe(true);
    expect(isSecretOf('x'.repeat(43), created.secretHash)).toBe(false);
    expect(created.token.startsWith(created.prefix)).toBe(true);
  });

  it('gives two keys of one business different visible prefixes', () => {
    const tenantId = randomUUID();
    expect(newApiKey(tenantId).prefix).not.toBe(newApiKey(tenantId).prefix);
  });

  it.each([
    '',
    'rpk_short',
    'Bearer rpk_x',
    `rpk_${'a'.repeat(43)}`,
    `xyz_${'a'.repeat(43)}_${'b'.repeat(43)}`,
  ])('refuses the malformed key %p', (token) => {
    expect(parseApiKey(token)).toBeNull();
  });
});
