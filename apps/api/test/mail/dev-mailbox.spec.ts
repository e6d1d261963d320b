import type { DevMailboxMessageResponse } from '@rapport/domain';
import { DevMailboxTransport } from '../../src/mail/dev-mailbox.transport';
import { createTenant, type TestTenant } from '../support/factories';
import { RemoteClient } from '../support/remote-client';
import { startTestApp } from '../support/test-app';
import { startedApp } from '../support/spec-app';

describe('the development mailbox', () => {
  const spec = startedApp({ TRUSTED_PROXIES: '127.0.0.1' });
  let a: TestTenant;
  let b: TestTenant;
  const subjects = { aFollowUp: '', bFollowUp: '' };

  beforeAll(async () => {
    [a, b] = [await createTenant(spec.testApp), await createTenant(spec.testApp)];
    const transport = spec.testApp.app.get(DevMailboxTransport);
    const send = async (to: string, subject: string, tenantId?: string) =>
      transport.send({
        to,
        from: 'Bakery <hello@bakery.example>',
        subject,
        html: `<p>${subject}</p>`,
        text: subject,
        category: tenantId ? 'follow-up' : 'account',
        ...(tenantId ? { customArgs: { tenant_id: tenantId } } : {}),
      });
    const marker = Date.now().toString(36);
    subjects.aFollowUp = `A thanks a buyer ${marker}`;
    subjects.bFollowUp = `B thanks a buyer ${marker}`;
    await send('buyer@example.test', subjects.aFollowUp, a.id);
    await send('buyer@example.test', subjects.bFollowUp, b.id);
    // Rapport's own emails, to each owner: reset links, as the API sends them.
    for (const owner of [a.owner, b.owner]) {
      expect(
        (await spec.testApp.http().post('/api/auth/password-reset', { email: owner.email })).status,
      ).toBe(202);
    }
  });

  const subjectsOf = (mails: DevMailboxMessageResponse[]) => mails.map((mail) => mail.subject);

  it('shows this machine every email, without a sign-in', async () => {
    const all = await spec.testApp.http().get<DevMailboxMessageResponse[]>('/api/dev/mailbox');
    expect(all.status).toBe(200);
    expect(subjectsOf(all.body)).toEqual(expect.arrayContaining([subjects.aFollowUp, subjects.bFollowUp]));
    expect(all.body.map((mail) => mail.to)).toEqual(expect.arrayContaining([a.owner.email, b.owner.email]));
  });

  it('asks a client elsewhere to sign in', async () => {
    const remote = new RemoteClient(spec.testApp.baseUrl);
    expect((await remote.get('/api/dev/mailbox')).status).toBe(401);
    const [newest] = (await spec.testApp.http().get<DevMailboxMessageResponse[]>('/api/dev/mailbox')).body;
    expect(newest).toBeDefined();
    expect((await remote.get(`/api/dev/mailbox/${newest?.id}`)).status).toBe(401);
  });

  it("shows a signed-in person elsewhere their own emails and their business's, and no one else's", async () => {
    const remote = new RemoteClient(spec.testApp.baseUrl);
    await remote.signIn(a.owner.email, a.owner.password);
    const seen = await remote.get<DevMailboxMessageResponse[]>('/api/dev/mailbox');
    expect(seen.status).toBe(200);
    expect(subjectsOf(seen.body)).toContain(subjects.aFollowUp);
    expect(subjectsOf(seen.body)).not.toContain(subjects.bFollowUp);
    expect(seen.body.map((mail) => mail.to)).toContain(a.owner.email);
    expect(seen.body.map((mail) => mail.to)).not.toContain(b.owner.email);
    expect(seen.body.every((mail) => mail.to === a.owner.email || mail.subject === subjects.aFollowUp)).toBe(
      true,
    );

    const others = (
      await spec.testApp.http().get<DevMailboxMessageResponse[]>('/api/dev/mailbox')
    ).body.filter((mail) => mail.to === b.owner.email || mail.subject === subjects.bFollowUp);
    expect(others.length).toBeGreaterThanOrEqual(2);
    for (const mail of others) expect((await remote.get(`/api/dev/mailbox/${mail.id}`)).status).toBe(404);
    const filtered = await remote.get<DevMailboxMessageResponse[]>(
      `/api/dev/mailbox?to=${encodeURIComponent(b.owner.email)}`,
    );
    expect(filtered.body).toEqual([]);
  });

  it('is closed, by default, where PUBLIC_URL is not this machine, and opens there only when asked', async () => {
    const published = await startTestApp({ PUBLIC_URL: 'https://rapport.example.com' });
    const asked = await startTestApp({ PUBLIC_URL: 'https://rapport.example.com', DEV_MAILBOX: 'on' });
    try {
      expect((await published.http().get('/api/dev/mailbox')).status).toBe(404);
      expect((await asked.http().get('/api/dev/mailbox')).status).toBe(200);
    } finally {
      await published.close();
      await asked.close();
    }
  });
});
