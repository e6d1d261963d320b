import type { AuditEventResponse, Page } from '@rapport/domain';
import { addMember, createTenant, createUser, signedIn } from '../support/factories';
import { startedApp } from '../support/spec-app';

describe('the audit log', () => {
  const spec = startedApp();

  it('records who did what, when and from where, newest first', async () => {
    const tenant = await createTenant(spec.testApp);
    const owner = await signedIn(spec.testApp, tenant.owner);
    await owner.post('/api/team/invitations', { email: 'new.hire@example.test', role: 'staff' });
    await owner.post('/api/api-keys', { name: 'Till', scopes: ['orders:write'] });
    await owner.patch('/api/business', { timeZone: 'Europe/Lisbon' });

    const log = await owner.get<Page<AuditEventResponse>>('/api/audit-events');
    expect(log.body.items.map((event) => event.action)).toEqual([
      'business.updated',
      'api_key.created',
      'team.invited',
      'auth.signed_in',
    ]);
    expect(log.body.items[2]).toMatchObject({
      actor: tenant.owner.email,
      target: 'new.hire@example.test',
      details: { role: 'staff' },
      ip: '127.0.0.1',
    });
  });

  it('filters by action and by actor, and pages with a cursor', async () => {
    const tenant = await createTenant(spec.testApp);
    const admin = await createUser(spec.testApp);
    await addMember(spec.testApp, tenant.id, admin, 'admin');
    const owner = await signedIn(spec.testApp, tenant.owner);
    for (let i = 0; i < 3; i++)
      await owner.post('/api/api-keys', { name: `Key ${i}`, scopes: ['orders:read'] });
    const adminClient = await signedIn(spec.testApp, admin);

    const keys = await owner.get<Page<AuditEventResponse>>(
      '/api/audit-events?action=api_key.created&limit=2',
    );
    expect(keys.body.items.map((event) => event.target)).toEqual(['Key 2', 'Key 1']);
    const rest = await owner.get<Page<AuditEventResponse>>(
      `/api/audit-events?action=api_key.created&limit=2&cursor=${keys.body.nextCursor}`,
    );
    expect(rest.body.items.map((event) => event.target)).toEqual(['Key 0']);
    expect(rest.body.nextCursor).toBeNull();

    const byAdmin = await adminClient.get<Page<AuditEventResponse>>(
      `/api/audit-events?actor=${encodeURIComponent(admin.email)}`,
    );
    expect(byAdmin.body.items.map((event) => event.action)).toEqual(['auth.signed_in']);
  });

  it('is for owners and admins only, and names a bad filter', async () => {
    const tenant = await createTenant(spec.testApp);
    const staff = await createUser(spec.testApp);
    await addMember(spec.testApp, tenant.id, staff, 'staff');
    expect((await (await signedIn(spec.testApp, staff)).get('/api/audit-events')).status).toBe(403);
    const owner = await signedIn(spec.testApp, tenant.owner);
    const bad = await owner.get<{ details: unknown }>('/api/audit-events?action=anything&from=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'action' }),
        expect.objectContaining({ field: 'from' }),
      ]),
    );
  });
});
