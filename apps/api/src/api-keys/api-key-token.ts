import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

const PREFIX = 'rpk_';
const TOKEN = /^rpk_([A-Za-z0-9_-]{43})_([A-Za-z0-9_-]{43})$/;

export interface ParsedApiKey {
  keyId: string;
  tenantId: string;
  secret: string;
}

/**
 * `rpk_<key id + tenant id, base64url>_<256-bit secret>`. The ids let the key be looked up inside its own
 * tenant's transaction, so authenticating an integration needs no cross-tenant query; the key id comes
 * first, so the visible prefix differs between keys of one business.
 */
export function newApiKey(tenantId: string): {
  token: string;
  keyId: string;
  prefix: string;
  secretHash: Buffer;
} {
  const keyId = randomUUID();
  const ids = Buffer.concat([uuidBytes(keyId), uuidBytes(tenantId)]).toString('base64url');
  const secret = randomBytes(32).toString('base64url');
  const token = `${PREFIX}${ids}_${secret}`;
  return { token, keyId, prefix: token.slice(0, 12), secretHash: hashSecret(secret) };
}

export function parseApiKey(token: string): ParsedApiKey | null {
  const match = TOKEN.exec(token);
  if (!match?.[1] || !match[2]) return null;
  const ids = Buffer.from(match[1], 'base64url');
  if (ids.length !== 32) return null;
  return {
    keyId: bytesToUuid(ids.subarray(0, 16)),
    tenantId: bytesToUuid(ids.subarray(16)),
    secret: match[2],
  };
}

export function isSecretOf(secret: string, secretHash: Buffer): boolean {
  const candidate = hashSecret(secret);
  return candidate.length === secretHash.length && timingSafeEqual(candidate, secretHash);
}

function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

function bytesToUuid(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
