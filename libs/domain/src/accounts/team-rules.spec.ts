import { roleChangeProblem } from './team-rules';

describe('roleChangeProblem', () => {
  it.each([
    [{ actorRole: 'owner', currentRole: 'staff', newRole: 'admin', ownerCount: 1 }, null],
    [{ actorRole: 'admin', currentRole: 'staff', newRole: 'admin', ownerCount: 1 }, null],
    [{ actorRole: 'admin', currentRole: 'staff', newRole: null, ownerCount: 1 }, null],
    [{ actorRole: 'owner', currentRole: 'owner', newRole: 'admin', ownerCount: 2 }, null],
    [{ actorRole: 'owner', currentRole: 'admin', newRole: 'owner', ownerCount: 1 }, null],
    [
      { actorRole: 'staff', currentRole: 'staff', newRole: 'admin', ownerCount: 1 },
      'Only owners and admins manage the team',
    ],
    [
      { actorRole: 'admin', currentRole: 'admin', newRole: 'owner', ownerCount: 1 },
      'Only an owner can grant or remove ownership',
    ],
    [
      { actorRole: 'admin', currentRole: 'owner', newRole: null, ownerCount: 2 },
      'Only an owner can grant or remove ownership',
    ],
    [
      { actorRole: 'owner', currentRole: 'owner', newRole: 'admin', ownerCount: 1 },
      'A business needs at least one owner: make someone else an owner first',
    ],
    [
      { actorRole: 'owner', currentRole: 'owner', newRole: null, ownerCount: 1 },
      'A business needs at least one owner: make someone else an owner first',
    ],
  ] as const)('judges %j as %p', (change, problem) => {
    expect(roleChangeProblem(change)).toBe(problem);
  });
});
