import type { ApiErrorBody, SessionResponse } from '@rapport/domain';
import { createTenant, createUser, latestTokenFor, mailTo, signedIn } from '../support/factories';
import { withClient } from '../support/test-database';
import { startedApp } from '../support/spec-app';

describe('passwords and sessions', () => {
  const spec = startedApp();

  it('resets a forgotten password by email: the link works once and ends every session', async () => {
    const user = await createUser(spec.testApp);
    const browser = await signedIn(spec.testApp, user);
    const requested = await spec.testApp.http().post('/api/auth/password-reset', { email: user.email });
    expect(requested.status).toBe(202);
    const [mail] = await mailTo(spec.testApp, user.email);
    expect(mail?.subject).toBe('Reset your Rapport password');
    const token = await latestTokenFor(spec.testApp, user.email);

    const newPassword = 'fresh bread every morning';
    expect(
      (await spec.testApp.http().post('/api/auth/password-reset/confirm', { token, password: newPassword }))
        .status,
    ).toBe(204);
    expect((await browser.get('/api/me')).status).toBe(401);
    expect(
      (await spec.testApp.http().post('/api/auth/login', { email: user.email, password: user.password }))
        .status,
    ).toBe(401);
    expect(
      (await spec.testApp.http().post('/api/auth/login', { email: user.email, password: newPassword }))
        .status,
    ).toBe(200);

    const reused = await spec.testApp.http().post<ApiErrorBody>('/api/auth/password-reset/confirm', {
      token,
      password: 'yet another password',
    });
    expect(reused.status).toBe(410);
  });

  it('answers the same for an unknown email and sends nothing', async () => {
    const email = `nobody-${Date.now()}@example.test`;
    const result = await spec.testApp.http().post<{ message: string }>('/api/auth/password-reset', { email });
    expect(result.status).toBe(202);
    expect(await mailTo(spec.testApp, email)).toEqual([]);
  });

  it('refuses an expired reset link', async () => {
    const user = await createUser(spec.testApp);
    await spec.testApp.http().post('/api/auth/password-reset', { email: user.email });
    const token = await latestTokenFor(spec.testApp, user.email);
    await withClient(spec.testApp.ownerUrl, (db) =>
      db.query(`UPDATE password_resets SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
        user.id,
      ]),
    );
    const result = await spec.testApp
      .http()
      .post('/api/auth/password-reset/confirm', { token, password: 'too late for this' });
    expect(result.status).toBe(410);
  });

  it('refuses a weak new password and keeps the link usable', async () => {
    const user = await createUser(spec.testApp);
    await spec.testApp.http().post('/api/auth/password-reset', { email: user.email });
    const token = await latestTokenFor(spec.testApp, user.email);
    const weak = await spec.testApp
      .http()
      .post<ApiErrorBody>('/api/auth/password-reset/confirm', { token, password: 'password1234' });
    expect(weak.status).toBe(400);
    expect(weak.body.details?.[0]?.field).toBe('password');
    expect(
      (
        await spec.testApp
          .http()
          .post('/api/auth/password-reset/confirm', { token, password: 'strong enough now' })
      ).status,
    ).toBe(204);
  });

  it('changes the password with the current one and signs out the other sessions only', async () => {
    const user = await createUser(spec.testApp);
    const here = await signedIn(spec.testApp, user);
    const elsewhere = await signedIn(spec.testApp, user);
    const wrong = await here.post('/api/me/password', {
      currentPassword: 'not it',
      newPassword: 'a brand new phrase',
    });
    expect(wrong.status).toBe(401);
    const changed = await here.post('/api/me/password', {
      currentPassword: user.password,
      newPassword: 'a brand new phrase',
    });
    expect(changed.status).toBe(204);
    expect((await here.get('/api/me')).status).toBe(200);
    expect((await elsewhere.get('/api/me')).status).toBe(401);
  });

  it('lists the sessions, ends one, and signs out everywhere', async () => {
    const tenant = await createTenant(spec.testApp);
    const laptop = await signedIn(spec.testApp, tenant.owner);
    const phone = await signedIn(spec.testApp, tenant.owner);
    const sessions = await laptop.get<SessionResponse[]>('/api/me/sessions');
    expect(sessions.body.filter((session) => session.isCurrent)).toHaveLength(1);
    expect(sessions.body.length).toBeGreaterThanOrEqual(2);

    const phoneSession = (await phone.get<SessionResponse[]>('/api/me/sessions')).body.find(
      (session) => session.isCurrent,
    );
    expect((await laptop.delete(`/api/me/sessions/${phoneSession?.id}`)).status).toBe(204);
    expect((await phone.get('/api/me')).status).toBe(401);

    const tablet = await signedIn(spec.testApp, tenant.owner);
    expect((await laptop.post('/api/me/sessions/sign-out-everywhere')).status).toBe(204);
    expect((await laptop.get('/api/me')).status).toBe(401);
    expect((await tablet.get('/api/me')).status).toBe(401);
  });

  it("cannot end another user's session", async () => {
    const alice = await createUser(spec.testApp);
    const bob = await createUser(spec.testApp);
    const aliceClient = await signedIn(spec.testApp, alice);
    const bobClient = await signedIn(spec.testApp, bob);
    const bobSession = (await bobClient.get<SessionResponse[]>('/api/me/sessions')).body[0];
    expect((await aliceClient.delete(`/api/me/sessions/${bobSession?.id}`)).status).toBe(404);
    expect((await bobClient.get('/api/me')).status).toBe(200);
  });
});
