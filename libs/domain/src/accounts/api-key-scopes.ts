import type { Permission } from './permissions';

/** What an integration's API key may be allowed to do: a subset of the permissions, never team or keys. */
export const API_KEY_SCOPES = [
  'business:read',
  'customers:read',
  'customers:write',
  'orders:read',
  'orders:write',
  'interactions:read',
  'interactions:write',
  'answers:read',
  'reports:read',
] as const satisfies readonly Permission[];
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export function isApiKeyScope(value: unknown): value is ApiKeyScope {
  return typeof value === 'string' && (API_KEY_SCOPES as readonly string[]).includes(value);
}
