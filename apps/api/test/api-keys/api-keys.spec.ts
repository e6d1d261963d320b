import type { ApiErrorBody, ApiKeyResponse, BusinessResponse, CreatedApiKeyResponse } from '@rapport/domain';
import { withClient } from '../support/test-database';
import { appWithTenant } from '../support/spec-app';

describe('API keys', () => {
  const spec = appWithTenant({ name: 'Keyed Shop' });

  async function createKey(scopes: string[]): Promise<CreatedApiKeyResponse> {
    const result = await spec.owner.post<CreatedApiKeyResponse>('/api/api-keys', {
      name: 'Shop sync',
      scopes,
    });
    expect(result.status).toBe(201);
    return result.body;
  }

  it('shows the whole key once, then only its prefix; stores only a hash', async () => {
    const created = await createKey(['business:read', 'orders:write']);
    expect(created.key).toMatch(/^rpk_[\w-]{43}_[\w-]{43}$/);
    expect(created.key.startsWith(created.prefix)).toBe(true);
    const listed = await spec.owner.get<ApiKeyResponse[]>('/api/api-keys');
    const entry = listed.body.find((key) => key.id === created.id);
    expect(entry).toMatchObject({
      prefix: created.prefix,
      scopes: ['business:read', 'orders:write'],
      createdBy: spec.tenant.owner.name,
      lastUsedAt: null,
    });
    expect(created.createdBy).toBe(spec.tenant.owner.name);
    // The secret is the last part (not split('_'): base64url uses '_' inside the parts too).
    const secret = created.key.slice(-43);
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    const stored = await withClient(spec.testApp.ownerUrl, async (db) => {
      await db.query('BEGIN');
      await db.query(`SELECT set_config('app.tenant_id', $1, true)`, [spec.tenant.id]);
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM api_keys WHERE position($1 in encode(secret_hash, 'escape')) > 0`,
        [secret],
      );
      await db.query('ROLLBACK');
      return rows[0].n;
    });
    expect(stored).toBe(0);
  });

  it('authenticates an integration as its business, within its scopes, and records its last use', async () => {
    const created = await createKey(['business:read']);
    const integration = spec.testApp.http().withApiKey(created.key);
    const business = await integration.get<BusinessResponse>('/api/business');
    expect(business.status).toBe(200);
    expect(business.body.id).toBe(spec.tenant.id);
    const listed = await spec.owner.get<ApiKeyResponse[]>('/api/api-keys');
    expect(listed.body.find((key) => key.id === created.id)?.lastUsedAt).not.toBeNull();
  });

  it('refuses what the scopes do not grant, and every person-only route', async () => {
    const created = await createKey(['orders:write']);
    const integration = spec.testApp.http().withApiKey(created.key);
    expect((await integration.get('/api/business')).status).toBe(403);
    expect((await integration.get('/api/me')).status).toBe(403);
    expect((await integration.get('/api/api-keys')).status).toBe(403);
    expect((await integration.get('/api/team')).status).toBe(403);
  });

  it('stops working the moment it is revoked', async () => {
    const created = await createKey(['business:read']);
    const integration = spec.testApp.http().withApiKey(created.key);
    expect((await integration.get('/api/business')).status).toBe(200);
    expect((await spec.owner.delete(`/api/api-keys/${created.id}`)).status).toBe(204);
    expect((await integration.get('/api/business')).status).toBe(401);
    expect((await spec.owner.get<ApiKeyResponse[]>('/api/api-keys')).body.map((key) => key.id)).not.toContain(
      created.id,
    );
  });

  it.each(['Bearer nonsense', `Bearer rpk_${'A'.repeat(43)}_${'B'.repeat(43)}`, 'Basic dXNlcjpwYXNz'])(
    'answers 401 to the malformed or unknown credential %p',
    async (authorization) => {
      const response = await fetch(`${spec.testApp.baseUrl}/api/business`, { headers: { authorization } });
      expect(response.status).toBe(401);
    },
  );

  it('refuses a key whose secret was tampered with', async () => {
    const created = await createKey(['business:read']);
    const tampered = created.key.slice(0, -4) + (created.key.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect((await spec.testApp.http().withApiKey(tampered).get('/api/business')).status).toBe(401);
  });

  it('answers a malformed id with a 400 naming it, not a database error', async () => {
    const result = await spec.owner.delete<ApiErrorBody>('/api/api-keys/not-a-uuid');
    expect(result.status).toBe(400);
    expect(result.body.details).toEqual([{ field: 'id', reason: 'must be a UUID' }]);
  });

  it('names the bad field when the scopes are wrong', async () => {
    const result = await spec.owner.post<ApiErrorBody>('/api/api-keys', {
      name: 'Bad',
      scopes: ['team:manage'],
    });
    expect(result.status).toBe(400);
    expect(result.body.details?.[0]?.field).toBe('scopes');
    const empty = await spec.owner.post<ApiErrorBody>('/api/api-keys', { name: 'Empty', scopes: [] });
    expect(empty.body.details).toContainEqual({ field: 'scopes', reason: 'must name at least one scope' });
  });
});
