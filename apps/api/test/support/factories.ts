import { randomUUID } from 'node:crypto';
import type { Role } from '@rapport/domain';
import { AccountsRepository } from '../../src/accounts/accounts.repository';
import { PasswordHasher } from '../../src/auth/password-hasher';
import { TenantDatabase } from '../../src/tenancy/tenant-database';
import type { TestApp } from './test-app';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  name: string;
}

export interface TestTenant {
  id: string;
  name: string;
  owner: TestUser;
}

let sequence = 0;
function unique(): string {
  sequence += 1;
  return `${Date.now().toString(36)}-${process.env['JEST_WORKER_ID'] ?? '1'}-${sequence}`;
}

/** A user who can sign in; not a member of anything yet. */
export async function createUser(
  testApp: TestApp,
  overrides: Partial<Omit<TestUser, 'id'>> = {},
): Promise<TestUser> {
  const suffix = unique();
  const email = overrides.email ?? `user-${suffix}@example.test`;
  const password = overrides.password ?? `password-${suffix}`;
  const name = overrides.name ?? `User ${suffix}`;
  const passwordHash = await testApp.app.get(PasswordHasher).hash(password);
  const user = await testApp.app
    .get(TenantDatabase)
    .global((manager) =>
      testApp.app.get(AccountsRepository).createUser(manager, { email, name, passwordHash }),
    );
  return { id: user.id, email, password, name };
}

/** A business with its owner, created through the same tenant-scoped path the app uses. */
export async function createTenant(
  testApp: TestApp,
  overrides: { name?: string; timeZone?: string; owner?: TestUser } = {},
): Promise<TestTenant> {
  const owner = overrides.owner ?? (await createUser(testApp));
  const name = overrides.name ?? `Business ${unique()}`;
  const id = await testApp.app.get(TenantDatabase).transaction(randomUUID(), async (manager) => {
    const accounts = testApp.app.get(AccountsRepository);
    const tenant = await accounts.createTenant(manager, {
      name,
      timeZone: overrides.timeZone ?? 'Europe/Madrid',
      locale: 'en',
      country: 'ES',
    });
    await accounts.addMember(manager, owner.id, 'owner');
    return tenant.id;
  });
  return { id, name, owner };
}

/** Adds an existing user to a business with a role. */
export async function addMember(
  testApp: TestApp,
  tenantId: string,
  user: TestUser,
  role: Role,
): Promise<void> {
  await testApp.app
    .get(TenantDatabase)
    .transaction(tenantId, (manager) =>
      testApp.app.get(AccountsRepository).addMember(manager, user.id, role),
    );
}
