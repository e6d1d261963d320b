import type { Role } from '@rapport/domain';

/** Who is calling, established by the access guard from a verified session. */
export interface Principal {
  userId: string;
  sessionId: string;
  /** The active business; null when the user belongs to none. */
  tenantId: string | null;
  role: Role | null;
}

export interface RequestWithPrincipal {
  principal?: Principal;
}
