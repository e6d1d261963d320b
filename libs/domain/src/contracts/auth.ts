import type { Permission } from '../accounts/permissions';
import type { Role } from '../accounts/roles';

export interface LoginRequest {
  email: string;
  password: string;
}

export interface MembershipSummary {
  tenantId: string;
  businessName: string;
  role: Role;
}

/** Who is signed in, in which business, and what they may do there. */
export interface MeResponse {
  user: { id: string; email: string; name: string };
  business: {
    id: string;
    name: string;
    timeZone: string;
    locale: string;
    country: string;
    /** Why sending is paused, when it is. */
    pausedReason: string | null;
  } | null;
  role: Role | null;
  permissions: Permission[];
  memberships: MembershipSummary[];
}
