import type { ApiErrorBody } from '@rapport/domain';
import { createTenant, createApiKey, signedIn } from '../support/factories';
import { startedApp } from '../support/spec-app';

describe('cross-site request forgery', () => {
  const spec = startedApp();

  it('hands every browser a readable XSRF-TOKEN cookie', async () => {
    const response = await fetch(`${spec.testApp.baseUrl}/api/health`);
    const cookie = response.headers.getSetCookie().find((value) => value.startsWith('XSRF-TOKEN='));
    expect(cookie).toMatch(/^XSRF-TOKEN=[\w-]{43};/);
    expect(cookie).not.toContain('HttpOnly');
  });

  it('refuses a state-changing request that carries the session cookie but not the token', async () => {
    const tenant = await createTenant(spec.testApp);
    const client = await signedIn(spec.testApp, tenant.owner);
    const cookie = client.sessionCookie ?? '';
    const forged = await fetch(`${spec.testApp.baseUrl}/api/business`, {
      method: 'PATCH',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Forged' }),
    });
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as ApiErrorBody).error).toBe('csrf_failed');
    const mismatched = await fetch(`${spec.testApp.baseUrl}/api/business`, {
      method: 'PATCH',
      headers: {
        cookie: `${cookie}; XSRF-TOKEN=aaaa`,
        'x-xsrf-token': 'bbbb',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ name: 'Forged' }),
    });
    expect(mismatched.status).toBe(403);
    expect((await client.get<{ name: string }>('/api/business')).body.name).toBe(tenant.name);
  });

  it('refuses a sign-in posted without the token (login CSRF)', async () => {
    const response = await fetch(`${spec.testApp.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@b.example', password: 'whatever it is' }),
    });
    expect(response.status).toBe(403);
  });

  it('needs no token from an integration using an API key (browsers never attach one)', async () => {
    const tenant = await createTenant(spec.testApp);
    const key = await createApiKey(spec.testApp, tenant, ['business:read']);
    const response = await fetch(`${spec.testApp.baseUrl}/api/business`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(response.status).toBe(200);
  });
});
