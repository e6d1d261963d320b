import type { ApiErrorBody, BusinessResponse, MeResponse } from '@rapport/domain';
import { startTestApp, type TestApp } from '../support/test-app';
import { withClient } from '../support/test-database';

describe('signing up a business', () => {
  let testApp: TestApp;
  let sequence = 0;
  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  function signUpBody(overrides: Record<string, unknown> = {}) {
    sequence += 1;
    return {
      businessName: `Harbour Coffee ${sequence}`,
      name: 'Maya Lopez',
      email: `maya-${Date.now()}-${sequence}@harbour.example`,
      password: 'roasting beans at dawn',
      timeZone: 'Europe/Madrid',
      country: 'ES',
      ...overrides,
    };
  }

  async function countUsers(email: string): Promise<number> {
    return withClient(testApp.ownerUrl, async (db) => {
      const { rows } = await db.query('SELECT count(*)::int AS n FROM users WHERE lower(email) = lower($1)', [
        email,
      ]);
      return rows[0].n;
    });
  }

  it('creates the business and its owner, and lands the owner signed in', async () => {
    const client = testApp.http();
    const body = signUpBody();
    const result = await client.post<MeResponse>('/api/auth/signup', body);
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({
      user: { email: body.email, name: 'Maya Lopez' },
      business: { name: body.businessName, timeZone: 'Europe/Madrid', country: 'ES', locale: 'es' },
      role: 'owner',
    });
    const business = await client.get<BusinessResponse>('/api/business');
    expect(business.status).toBe(200);
    expect(business.body.name).toBe(body.businessName);
  });

  it.each([
    [{ password: 'short' }, 'password', 'must be at least 12 characters'],
    [
      { password: 'qwerty123456' },
      'password',
      'is too common: choose one that is not on lists of leaked passwords',
    ],
    [{ timeZone: 'Mars/Base' }, 'timeZone', 'must be an IANA time zone such as Europe/Madrid'],
    [{ country: 'Spain' }, 'country', 'must be a two-letter country code such as ES'],
    [{ email: 'nope' }, 'email', 'must be an email address'],
    [{ businessName: '' }, 'businessName', 'must be longer than or equal to 1 characters'],
    [{ tenantId: '00000000-0000-0000-0000-000000000000' }, 'tenantId', 'property tenantId should not exist'],
  ])('refuses %j, naming %s, and writes nothing', async (overrides, field, reason) => {
    const body = signUpBody(overrides);
    const result = await testApp.http().post<ApiErrorBody>('/api/auth/signup', body);
    expect(result.status).toBe(400);
    expect(result.body.details).toContainEqual({ field, reason });
    expect(result.headers.get('set-cookie') ?? '').not.toContain('rapport_session');
    if (typeof body.email === 'string' && body.email.includes('@'))
      expect(await countUsers(body.email)).toBe(0);
  });

  it('refuses a second account for the same email, whatever its case', async () => {
    const body = signUpBody();
    expect((await testApp.http().post('/api/auth/signup', body)).status).toBe(201);
    const again = await testApp
      .http()
      .post<ApiErrorBody>('/api/auth/signup', signUpBody({ email: body.email.toUpperCase() }));
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('email_taken');
    expect(await countUsers(body.email)).toBe(1);
  });

  it('lets a signed-in owner add a second business and switch between the two', async () => {
    const client = testApp.http();
    const first = await client.post<MeResponse>('/api/auth/signup', signUpBody());
    const second = await client.post<MeResponse>('/api/businesses', {
      name: 'Harbour Coffee Two',
      timeZone: 'America/New_York',
      country: 'US',
    });
    expect(second.status).toBe(201);
    expect(second.body.business?.name).toBe('Harbour Coffee Two');
    expect(second.body.memberships.map((membership) => membership.businessName).sort()).toEqual(
      [first.body.business?.name, 'Harbour Coffee Two'].sort(),
    );
    const back = await client.put<MeResponse>('/api/me/business', { tenantId: first.body.business?.id });
    expect(back.body.business?.id).toBe(first.body.business?.id);
    expect((await client.get<BusinessResponse>('/api/business')).body.id).toBe(first.body.business?.id);
  });

  it('answers 404 when switching to a business the user does not belong to', async () => {
    const outsider = testApp.http();
    await outsider.post('/api/auth/signup', signUpBody());
    const owner = testApp.http();
    const other = await owner.post<MeResponse>('/api/auth/signup', signUpBody());
    const result = await outsider.put('/api/me/business', { tenantId: other.body.business?.id });
    expect(result.status).toBe(404);
  });

  it('lets the owner rename the business, and records it in the audit log', async () => {
    const client = testApp.http();
    await client.post('/api/auth/signup', signUpBody());
    const renamed = await client.patch<BusinessResponse>('/api/business', { name: 'Harbour Roasters' });
    expect(renamed.body.name).toBe('Harbour Roasters');
    const audit = await client.get<{ items: { action: string; details: unknown }[] }>(
      '/api/audit-events?action=business.updated',
    );
    expect(audit.body.items[0]?.details).toMatchObject({ name: { to: 'Harbour Roasters' } });
  });

  it('deletes the business only when its name is typed again', async () => {
    const client = testApp.http();
    const signedUp = await client.post<MeResponse>('/api/auth/signup', signUpBody());
    const wrong = await client.delete<ApiErrorBody>('/api/business', { confirmName: 'something else' });
    expect(wrong.status).toBe(400);
    const done = await client.delete('/api/business', { confirmName: signedUp.body.business?.name });
    expect(done.status).toBe(204);
    const me = await client.get<MeResponse>('/api/me');
    expect(me.body.business).toBeNull();
    expect(me.body.memberships).toEqual([]);
  });
});
