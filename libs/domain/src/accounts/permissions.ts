import type { Role } from './roles';

/**
 * Every permission the API checks and the console uses to hide what a member cannot do.
 * A route names exactly one of these, or is declared public or open to any signed-in user.
 */
export const PERMISSIONS = [
  'business:read',
  'business:manage',
  'business:delete',
  'team:manage',
  'api-keys:manage',
  'audit:read',
  'customers:read',
  'customers:write',
  'orders:read',
  'orders:write',
  'interactions:read',
  'interactions:write',
  'automations:read',
  'automations:write',
  'templates:read',
  'templates:write',
  'surveys:read',
  'surveys:write',
  'answers:read',
  'cases:work',
  'reports:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const STAFF: readonly Permission[] = [
  'business:read',
  'customers:read',
  'customers:write',
  'orders:read',
  'orders:write',
  'interactions:read',
  'interactions:write',
  'automations:read',
  'templates:read',
  'surveys:read',
  'answers:read',
  'cases:work',
  'reports:read',
];

const ADMIN: readonly Permission[] = PERMISSIONS.filter((permission) => permission !== 'business:delete');

/** What each role may do. Admins do all but delete the business (and transfer ownership, a team rule). */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  owner: PERMISSIONS,
  admin: ADMIN,
  staff: STAFF,
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
