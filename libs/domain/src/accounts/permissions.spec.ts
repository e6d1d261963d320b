import { hasPermission, PERMISSIONS, ROLE_PERMISSIONS } from './permissions';

describe('role permissions', () => {
  it('gives the owner every permission', () => {
    expect([...ROLE_PERMISSIONS.owner].sort()).toEqual([...PERMISSIONS].sort());
  });

  it.each([
    ['admin', 'team:manage', true],
    ['admin', 'business:delete', false],
    ['staff', 'cases:work', true],
    ['staff', 'customers:write', true],
    ['staff', 'automations:read', true],
    ['staff', 'automations:write', false],
    ['staff', 'team:manage', false],
    ['staff', 'api-keys:manage', false],
    ['staff', 'business:manage', false],
  ] as const)('lets %s use %s: %s', (role, permission, allowed) => {
    expect(hasPermission(role, permission)).toBe(allowed);
  });

  it('gives each lower role a subset of the role above it', () => {
    for (const permission of ROLE_PERMISSIONS.staff) expect(ROLE_PERMISSIONS.admin).toContain(permission);
    for (const permission of ROLE_PERMISSIONS.admin) expect(ROLE_PERMISSIONS.owner).toContain(permission);
  });
});
