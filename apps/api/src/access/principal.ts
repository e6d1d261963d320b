import type { ApiKeyScope, Role } from '@rapport/domain';

/** Where a request came from, for the audit log and session lists. */
export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

/** A person signed in to the console. */
export interface UserPrincipal {
  kind: 'user';
  userId: string;
  email: string;
  sessionId: string;
  /** The active business; null when the user belongs to none. */
  tenantId: string | null;
  role: Role | null;
  client: ClientInfo;
}

/** An integration calling with `Authorization: Bearer <key>`; bound to the key's business for good. */
export interface ApiKeyPrincipal {
  kind: 'api-key';
  apiKeyId: string;
  keyName: string;
  tenantId: string;
  scopes: ApiKeyScope[];
  client: ClientInfo;
}

/** Who is calling, established by the access guard from a verified session or key. */
export type Principal = UserPrincipal | ApiKeyPrincipal;

export interface RequestWithPrincipal {
  principal?: Principal;
}

/** Who the audit log names for an action. */
export interface AuditActor {
  userId: string | null;
  apiKeyId: string | null;
  label: string;
  client: ClientInfo;
}

export function auditActorOf(principal: Principal): AuditActor {
  return principal.kind === 'user'
    ? { userId: principal.userId, apiKeyId: null, label: principal.email, client: principal.client }
    : {
        userId: null,
        apiKeyId: principal.apiKeyId,
        label: `API key "${principal.keyName}"`,
        client: principal.client,
      };
}
