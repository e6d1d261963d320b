import { createHash, randomBytes } from 'node:crypto';

/** A 256-bit random token for a link, and the hash that is stored instead of it. */
export function newSecretToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashSecretToken(token) };
}

export function hashSecretToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

const UUID_HEX = /^[0-9a-f]{32}$/;

/**
 * A token that also names its business (`<tenant id>.<secret>`), so it is looked up inside that tenant's
 * transaction rather than by a query across tenants. The tenant id is not personal data.
 */
export function newTenantToken(tenantId: string): { token: string; hash: Buffer } {
  const { token, hash } = newSecretToken();
  return { token: `${tenantId.replace(/-/g, '')}.${token}`, hash };
}

export function parseTenantToken(token: string): { tenantId: string; hash: Buffer } | null {
  const [tenantHex, secret] = token.split('.');
  if (!tenantHex || !secret || !UUID_HEX.test(tenantHex) || !/^[A-Za-z0-9_-]{43}$/.test(secret)) return null;
  const tenantId = `${tenantHex.slice(0, 8)}-${tenantHex.slice(8, 12)}-${tenantHex.slice(12, 16)}-${tenantHex.slice(16, 20)}-${tenantHex.slice(20)}`;
  return { tenantId, hash: hashSecretToken(secret) };
}
