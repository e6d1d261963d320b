import type { BusinessResponse, TeamResponse } from '@rapport/domain';
import { createTenant, signedIn, type TestTenant } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

describe('tenant context under concurrency', () => {
  let testApp: TestApp;
  let tenants: { tenant: TestTenant; client: HttpClient }[];

  beforeAll(async () => {
    // Two connections for hundreds of requests: every connection serves both tenants many times.
    testApp = await startTestApp({ DB_POOL_SIZE: '2' });
    tenants = [];
    for (const name of ['Pool Alpha', 'Pool Beta']) {
      const tenant = await createTenant(testApp, { name });
      tenants.push({ tenant, client: await signedIn(testApp, tenant.owner) });
    }
  });
  afterAll(() => testApp.close());

  it('answers 400 concurrent requests alternating between two tenants with only the caller’s data', async () => {
    const requests = Array.from({ length: 400 }, async (_, index) => {
      const caller = tenants[index % 2];
      if (!caller) throw new Error('Two tenants are seeded');
      const { tenant, client } = caller;
      const isTeam = index % 4 >= 2;
      const result = isTeam
        ? await client.get<TeamResponse>('/api/team')
        : await client.get<BusinessResponse>('/api/business');
      const body = result.body as BusinessResponse & TeamResponse;
      const isOwn = isTeam
        ? body.members.length === 1 && body.members[0]?.email === tenant.owner.email
        : body.id === tenant.id && body.name === tenant.name;
      return { status: result.status, isOwn };
    });
    const results = await Promise.all(requests);
    expect(results.filter((result) => result.status !== 200)).toEqual([]);
    expect(results.filter((result) => !result.isOwn)).toEqual([]);
  });
});
