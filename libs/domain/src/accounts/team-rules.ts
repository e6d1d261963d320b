import type { Role } from './roles';

export interface RoleChange {
  actorRole: Role;
  currentRole: Role;
  newRole: Role | null;
  ownerCount: number;
}

/**
 * Why a member's role may not change (newRole null means removal), or null when it may.
 * Only owners grant or take away ownership, and a business always keeps at least one owner.
 */
export function roleChangeProblem({
  actorRole,
  currentRole,
  newRole,
  ownerCount,
}: RoleChange): string | null {
  if (actorRole === 'staff') return 'Only owners and admins manage the team';
  const touchesOwnership = currentRole === 'owner' || newRole === 'owner';
  if (touchesOwnership && actorRole !== 'owner') return 'Only an owner can grant or remove ownership';
  if (currentRole === 'owner' && newRole !== 'owner' && ownerCount <= 1) {
    return 'A business needs at least one owner: make someone else an owner first';
  }
  return null;
}
