import { createHash } from 'node:crypto';
import type { ApiErrorBody, MeResponse } from '@rapport/domain';
import { withClient } from '../support/test-database';
import { addMember, createTenant, createUser, type TestTenant } from '../support/factories';
import { startedApp } from '../support/spec-app';

describe('signing in and out', () => {
  const spec = startedApp();
  let tenant: TestTenant;

  beforeAll(async () => {
    tenant = await createTenant(spec.testApp, { name: 'Corner Books' });
  });

  it('signs in with email and password, sets an httpOnly SameSite cookie and returns the profile', async () => {
    const client = spec.testApp.http();
    const result = await client.post<MeResponse>('/api/auth/login', {
      email: tenant.owner.email.toUpperCase(),
      password: tenant.owner.password,
    });
    expect(result.status).toBe(200);
    const cookie = result.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^rapport_session=[\w-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(result.body.business?.name).toBe('Corner Books');
    expect(result.body.role).toBe('owner');
    expect(result.body.permissions).toContain('team:manage');

    const me = await client.get<MeResponse>('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(tenant.owner.email);
  });

  it('stores only a hash of the session token', async () => {
    const client = spec.testApp.http();
    await client.signIn(tenant.owner.email, tenant.owner.password);
    const token = client.sessionCookie?.split('=')[1] ?? '';
    const stored = await withClient(spec.testApp.ownerUrl, async (db) => {
      const { rows } = await db.query('SELECT count(*)::int AS n FROM sessions WHERE token_hash = $1', [
        createHash('sha256').update(token).digest(),
      ]);
      const { rows: plain } = await db.query(
        `SELECT count(*)::int AS n FROM sessions WHERE encode(token_hash, 'escape') LIKE '%' || $1 || '%'`,
        [token],
      );
      return { hashed: rows[0].n, plain: plain[0].n };
    });
    expect(stored).toEqual({ hashed: 1, plain: 0 });
  });

  it('answers a wrong password and an unknown email with the same 401', async () => {
    const wrongPassword = await spec.testApp.http().post<ApiErrorBody>('/api/auth/login', {
      email: tenant.owner.email,
      password: 'not the password',
    });
    const unknownEmail = await spec.testApp.http().post<ApiErrorBody>('/api/auth/login', {
      email: 'nobody@example.test',
      password: 'not the password',
    });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body.message).toBe(unknownEmail.body.message);
    expect(wrongPassword.headers.get('set-cookie')).toBeNull();
  });

  it('names each bad field of a malformed sign-in', async () => {
    const result = await spec.testApp
      .http()
      .post<ApiErrorBody>('/api/auth/login', { email: 'not-an-email', role: 'owner' });
    expect(result.status).toBe(400);
    expect(result.body.error).toBe('validation_failed');
    expect(result.body.details).toEqual(
      expect.arrayContaining([
        { field: 'email', reason: 'must be an email address' },
        { field: 'password', reason: 'is required' },
        { field: 'role', reason: 'property role should not exist' },
      ]),
    );
  });

  it('ends the session on sign-out: the old cookie no longer works', async () => {
    const client = spec.testApp.http();
    await client.signIn(tenant.owner.email, tenant.owner.password);
    const stolenCookie = client.sessionCookie ?? '';
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    const replay = await fetch(`${spec.testApp.baseUrl}/api/me`, { headers: { cookie: stolenCookie } });
    expect(replay.status).toBe(401);
  });

  it('refuses /api/me without a session, or with a forged one', async () => {
    expect((await spec.testApp.http().get('/api/me')).status).toBe(401);
    const forged = await fetch(`${spec.testApp.baseUrl}/api/me`, {
      headers: { cookie: 'rapport_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
    });
    expect(forged.status).toBe(401);
  });

  it("opens a staff member's session in their business with staff permissions only", async () => {
    const staff = await createUser(spec.testApp);
    await addMember(spec.testApp, tenant.id, staff, 'staff');
    const result = await spec.testApp.http().post<MeResponse>('/api/auth/login', {
      email: staff.email,
      password: staff.password,
    });
    expect(result.body.role).toBe('staff');
    expect(result.body.permissions).toContain('cases:work');
    expect(result.body.permissions).not.toContain('team:manage');
  });

  it('signs in a user who belongs to no business, with no business and no permissions', async () => {
    const loner = await createUser(spec.testApp);
    const client = spec.testApp.http();
    const result = await client.post<MeResponse>('/api/auth/login', {
      email: loner.email,
      password: loner.password,
    });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ business: null, role: null, permissions: [], memberships: [] });
  });
});
