import type { ApiErrorBody, BusinessResponse, MeResponse, SignUpResponse } from '@rapport/domain';
import { latestTokenFor, mailTo, signUpAndConfirm } from '../support/factories';
import { withClient } from '../support/test-database';
import { startedApp } from '../support/spec-app';

describe('signing up a business', () => {
  const spec = startedApp();
  let sequence = 0;

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
    return withClient(spec.testApp.ownerUrl, async (db) => {
      const { rows } = await db.query('SELECT count(*)::int AS n FROM users WHERE lower(email) = lower($1)', [
        email,
      ]);
      return rows[0].n;
    });
  }

  it('answers with an email to confirm, then creates the business and signs the owner in from its link', async () => {
    const client = spec.testApp.http();
    const body = signUpBody();
    const requested = await client.post<SignUpResponse>('/api/auth/signup', body);
    expect(requested.status).toBe(202);
    expect(requested.body).toEqual({
      message: `We sent an email to ${body.email}. Open the link in it to create your business; it works for 24 hours.`,
      devMailboxPath: '/dev/mailbox',
    });
    expect(requested.headers.get('set-cookie') ?? '').not.toContain('rapport_session');
    expect(await countUsers(body.email)).toBe(0);
    const [email] = await mailTo(spec.testApp, body.email);
    expect(email?.subject).toBe('Confirm your email to start with Rapport');
    expect(email?.text).toContain(`/confirm-signup#token=`);

    const result = await client.post<MeResponse>('/api/auth/signup/confirm', {
      token: await latestTokenFor(spec.testApp, body.email),
    });
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

  it('uses a link once, and refuses one that has expired', async () => {
    const used = signUpBody();
    await spec.testApp.http().post('/api/auth/signup', used);
    const token = await latestTokenFor(spec.testApp, used.email);
    expect((await spec.testApp.http().post('/api/auth/signup/confirm', { token })).status).toBe(201);
    const again = await spec.testApp.http().post<ApiErrorBody>('/api/auth/signup/confirm', { token });
    expect(again.status).toBe(410);
    expect(again.body.error).toBe('link_expired');

    const late = signUpBody();
    await spec.testApp.http().post('/api/auth/signup', late);
    await withClient(spec.testApp.ownerUrl, (db) =>
      db.query(`UPDATE sign_up_requests SET expires_at = now() - interval '1 second' WHERE email = $1`, [
        late.email,
      ]),
    );
    const expired = await spec.testApp
      .http()
      .post('/api/auth/signup/confirm', { token: await latestTokenFor(spec.testApp, late.email) });
    expect(expired.status).toBe(410);
    expect(await countUsers(late.email)).toBe(0);
  });

  it('makes one account of an address signed up twice: the other link no longer works', async () => {
    const body = signUpBody();
    await spec.testApp.http().post('/api/auth/signup', body);
    const first = await latestTokenFor(spec.testApp, body.email);
    await spec.testApp.http().post('/api/auth/signup', { ...body, businessName: 'Second try' });
    const second = await latestTokenFor(spec.testApp, body.email);
    expect(second).not.toBe(first);
    expect((await spec.testApp.http().post('/api/auth/signup/confirm', { token: second })).status).toBe(201);
    expect((await spec.testApp.http().post('/api/auth/signup/confirm', { token: first })).status).toBe(410);
    expect(await countUsers(body.email)).toBe(1);
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
    const result = await spec.testApp.http().post<ApiErrorBody>('/api/auth/signup', body);
    expect(result.status).toBe(400);
    expect(result.body.details).toContainEqual({ field, reason });
    expect(result.headers.get('set-cookie') ?? '').not.toContain('rapport_session');
    if (typeof body.email === 'string' && body.email.includes('@'))
      expect(await countUsers(body.email)).toBe(0);
  });

  it('answers an address that already has an account exactly like a new one, and emails the account instead', async () => {
    const existing = signUpBody();
    await signUpAndConfirm(spec.testApp, spec.testApp.http(), existing);
    const before = (await mailTo(spec.testApp, existing.email)).length;

    const fresh = signUpBody();
    const taken = signUpBody({ email: existing.email.toUpperCase() });
    const [forFresh, forTaken] = [
      await spec.testApp.http().post<SignUpResponse>('/api/auth/signup', fresh),
      await spec.testApp.http().post<SignUpResponse>('/api/auth/signup', taken),
    ];
    expect(forTaken.status).toBe(forFresh.status);
    expect(forTaken.body).toEqual({
      ...forFresh.body,
      message: forFresh.body.message.replace(fresh.email, taken.email),
    });
    expect(forTaken.headers.get('set-cookie') ?? '').not.toContain('rapport_session');
    expect(await countUsers(existing.email)).toBe(1);

    const mails = await mailTo(spec.testApp, existing.email);
    expect(mails).toHaveLength(before + 1);
    const [notice] = mails;
    expect(notice?.subject).toBe('Someone tried to sign up with your address');
    expect(notice?.text).toContain('http://localhost:3000/login');
    expect(notice?.text).toContain('http://localhost:3000/forgot-password');
    expect(notice?.text).not.toContain('#token=');
  });

  it('lets a signed-in owner add a second business and switch between the two', async () => {
    const client = spec.testApp.http();
    const first = await signUpAndConfirm(spec.testApp, client, signUpBody());
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
    const outsider = spec.testApp.http();
    await signUpAndConfirm(spec.testApp, outsider, signUpBody());
    const owner = spec.testApp.http();
    const other = await signUpAndConfirm(spec.testApp, owner, signUpBody());
    const result = await outsider.put('/api/me/business', { tenantId: other.body.business?.id });
    expect(result.status).toBe(404);
  });

  it('lets the owner rename the business, and records it in the audit log', async () => {
    const client = spec.testApp.http();
    await signUpAndConfirm(spec.testApp, client, signUpBody());
    const renamed = await client.patch<BusinessResponse>('/api/business', { name: 'Harbour Roasters' });
    expect(renamed.body.name).toBe('Harbour Roasters');
    const audit = await client.get<{ items: { action: string; details: unknown }[] }>(
      '/api/audit-events?action=business.updated',
    );
    expect(audit.body.items[0]?.details).toMatchObject({ name: { to: 'Harbour Roasters' } });
  });

  it('deletes the business only when its name is typed again', async () => {
    const client = spec.testApp.http();
    const signedUp = await signUpAndConfirm(spec.testApp, client, signUpBody());
    const wrong = await client.delete<ApiErrorBody>('/api/business', { confirmName: 'something else' });
    expect(wrong.status).toBe(400);
    const done = await client.delete('/api/business', { confirmName: signedUp.body.business?.name });
    expect(done.status).toBe(204);
    const me = await client.get<MeResponse>('/api/me');
    expect(me.body.business).toBeNull();
    expect(me.body.memberships).toEqual([]);
  });
});
