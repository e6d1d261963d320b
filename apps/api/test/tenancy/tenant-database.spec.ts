import { randomUUID } from 'node:crypto';
import { MembershipEntity } from '../../src/accounts/membership.entity';
import { TenantEntity } from '../../src/accounts/tenant.entity';
import { CustomersRepository } from '../../src/customers/customers.repository';
import { TenantDatabase } from '../../src/tenancy/tenant-database';
import { MissingTenantContextError } from '../../src/tenancy/tenancy.errors';
import { createTenant, createUser, type TestTenant } from '../support/factories';
import { startedApp } from '../support/spec-app';

describe('TenantDatabase', () => {
  const spec = startedApp();
  let database: TenantDatabase;
  let alpha: TestTenant;
  let beta: TestTenant;

  beforeAll(async () => {
    database = spec.testApp.app.get(TenantDatabase);
    alpha = await createTenant(spec.testApp, { name: 'Alpha Shop' });
    beta = await createTenant(spec.testApp, { name: 'Beta Shop' });
  });

  it("shows a tenant only its own rows, even when the query asks for another tenant's", async () => {
    const seen = await database.transaction(alpha.id, (manager) =>
      manager
        .getRepository(MembershipEntity)
        .find({ where: [{ tenantId: alpha.id }, { tenantId: beta.id }] }),
    );
    expect(seen.map((membership) => membership.tenantId)).toEqual([alpha.id]);
    const tenants = await database.transaction(alpha.id, (manager) =>
      manager.getRepository(TenantEntity).find(),
    );
    expect(tenants.map((tenant) => tenant.name)).toEqual(['Alpha Shop']);
  });

  it("refuses to write a row into another tenant from inside a tenant's transaction", async () => {
    const stranger = await createUser(spec.testApp);
    await expect(
      database.transaction(alpha.id, (manager) =>
        manager
          .getRepository(MembershipEntity)
          .insert({ tenantId: beta.id, userId: stranger.id, role: 'admin' }),
      ),
    ).rejects.toThrow(/row-level security/);
    const betaMembers = await database.transaction(beta.id, (manager) =>
      manager.getRepository(MembershipEntity).countBy({ userId: stranger.id }),
    );
    expect(betaMembers).toBe(0);
  });

  it("cannot update or delete another tenant's rows", async () => {
    const result = await database.transaction(alpha.id, async (manager) => {
      const updated = await manager.getRepository(TenantEntity).update({ id: beta.id }, { name: 'Hijacked' });
      const deleted = await manager.getRepository(MembershipEntity).delete({ tenantId: beta.id });
      return { updated: updated.affected, deleted: deleted.affected };
    });
    expect(result).toEqual({ updated: 0, deleted: 0 });
    const name = await database.transaction(
      beta.id,
      async (manager) => (await manager.getRepository(TenantEntity).findOneByOrFail({ id: beta.id })).name,
    );
    expect(name).toBe('Beta Shop');
  });

  it('sees no tenant rows at all outside a tenant transaction', async () => {
    const counts = await database.global(async (manager) => ({
      tenants: await manager.getRepository(TenantEntity).count(),
      memberships: await manager.getRepository(MembershipEntity).count(),
    }));
    expect(counts).toEqual({ tenants: 0, memberships: 0 });
  });

  it('does not leave the tenant set on the pooled connection after the transaction', async () => {
    // Run many times so every connection of the small pool has served a tenant transaction.
    for (let i = 0; i < 10; i++) await database.transaction(alpha.id, (manager) => manager.query('SELECT 1'));
    const settings = await Promise.all(
      Array.from({ length: 10 }, () =>
        spec.testApp.dataSource.query(`SELECT current_setting('app.tenant_id', true) AS tenant`),
      ),
    );
    for (const [row] of settings) expect(row.tenant ?? '').toBe('');
  });

  it('throws instead of running when the tenant id is missing or malformed', async () => {
    for (const tenantId of ['', 'not-a-uuid', "x' OR '1'='1"]) {
      await expect(database.transaction(tenantId, async () => 'ran')).rejects.toBeInstanceOf(
        MissingTenantContextError,
      );
    }
  });

  it("lists a user's own memberships across businesses, and nothing of others", async () => {
    const shared = await createUser(spec.testApp);
    await createTenant(spec.testApp, { owner: shared, name: 'Gamma' });
    await createTenant(spec.testApp, { owner: shared, name: 'Delta' });
    const rows = await database.asUser(shared.id, (manager) =>
      manager.getRepository(MembershipEntity).find(),
    );
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.userId === shared.id)).toBe(true);
    const names = await database.asUser(shared.id, (manager) => manager.getRepository(TenantEntity).find());
    expect(names.map((tenant) => tenant.name).sort()).toEqual(['Delta', 'Gamma']);
  });

  it('answers the indexed customer search only for the tenant of the transaction', async () => {
    const repository = spec.testApp.app.get(CustomersRepository);
    const alphaBuyer = await database.transaction(alpha.id, (manager) =>
      repository.upsert(manager, { email: 'zelda@alpha.example', name: 'Zelda Searchable' }),
    );
    await database.transaction(beta.id, (manager) =>
      repository.upsert(manager, { email: 'zelda@beta.example', name: 'Zelda Searchable' }),
    );
    const search = `SELECT id FROM search_customer_ids('%zelda%', NULL, NULL, NULL, NULL, 50)`;
    const inAlpha = await database.transaction(alpha.id, (manager) => manager.query(search));
    expect(inAlpha).toEqual([{ id: alphaBuyer.row.id }]);
    expect(await database.global((manager) => manager.query(search))).toEqual([]);
  });

  it('gives a fresh random tenant id no rows until it is created', async () => {
    const count = await database.transaction(randomUUID(), (manager) =>
      manager.getRepository(TenantEntity).count(),
    );
    expect(count).toBe(0);
  });
});
