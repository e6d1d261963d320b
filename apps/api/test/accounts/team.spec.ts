import type { ApiErrorBody, InvitationPreviewResponse, MeResponse, TeamResponse } from '@rapport/domain';
import {
  addMember,
  createTenant,
  createUser,
  mailTo,
  signedIn,
  type TestTenant,
  tokenFromEmail,
} from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { withClient } from '../support/test-database';
import { appWithTenant } from '../support/spec-app';

describe('the team', () => {
  const spec = appWithTenant({ name: 'Oak & Ember' });

  async function invite(client: HttpClient, email: string, role = 'staff'): Promise<string> {
    const result = await client.post('/api/team/invitations', { email, role });
    if (result.status !== 204)
      throw new Error(`Invite failed: ${result.status} ${JSON.stringify(result.body)}`);
    const [mail] = await mailTo(spec.testApp, email);
    if (!mail) throw new Error(`No invitation email for ${email}`);
    return tokenFromEmail(mail);
  }

  it('invites by email; a new colleague accepts and lands signed in to this business only', async () => {
    const email = `new-${Date.now()}@oak.example`;
    const token = await invite(spec.owner, email);
    const [mail] = await mailTo(spec.testApp, email);
    expect(mail?.subject).toContain('invited you to Oak & Ember');
    expect(mail?.html).toContain('Oak &amp; Ember');

    const colleague = spec.testApp.http();
    const preview = await colleague.get<InvitationPreviewResponse>(`/api/invitations/${token}`);
    expect(preview.body).toMatchObject({
      businessName: 'Oak & Ember',
      email,
      role: 'staff',
      hasAccount: false,
    });

    const accepted = await colleague.post<MeResponse>(`/api/invitations/${token}/accept`, {
      name: 'Sam Carter',
      password: 'a long and private phrase',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ business: { id: spec.tenant.id }, role: 'staff' });
    expect(accepted.body.memberships).toHaveLength(1);

    const team = await spec.owner.get<TeamResponse>('/api/team');
    expect(team.body.members.map((member) => member.email)).toContain(email);
    expect(team.body.invitations.map((invitation) => invitation.email)).not.toContain(email);
  });

  it('changes nothing when the link is only opened (link scanners), and works once', async () => {
    const email = `scanned-${Date.now()}@oak.example`;
    const token = await invite(spec.owner, email);
    for (let i = 0; i < 3; i++) {
      expect((await spec.testApp.http().get(`/api/invitations/${token}`)).status).toBe(200);
      expect(
        (await fetch(`${spec.testApp.baseUrl}/api/invitations/${token}`, { method: 'HEAD' })).status,
      ).toBe(200);
    }
    const team = await spec.owner.get<TeamResponse>('/api/team');
    expect(team.body.invitations.map((invitation) => invitation.email)).toContain(email);

    const body = { name: 'Scan Proof', password: 'another private phrase' };
    expect((await spec.testApp.http().post(`/api/invitations/${token}/accept`, body)).status).toBe(200);
    expect((await spec.testApp.http().post(`/api/invitations/${token}/accept`, body)).status).toBe(404);
  });

  it('attaches an existing account only with its password', async () => {
    const existing = await createUser(spec.testApp);
    const token = await invite(spec.owner, existing.email, 'admin');
    const preview = await spec.testApp.http().get<InvitationPreviewResponse>(`/api/invitations/${token}`);
    expect(preview.body.hasAccount).toBe(true);
    const wrong = await spec.testApp
      .http()
      .post(`/api/invitations/${token}/accept`, { password: 'not their password' });
    expect(wrong.status).toBe(401);
    const right = await spec.testApp
      .http()
      .post<MeResponse>(`/api/invitations/${token}/accept`, { password: existing.password });
    expect(right.body.role).toBe('admin');
  });

  it('answers an expired invitation with 410 and an unknown one with 404', async () => {
    const email = `late-${Date.now()}@oak.example`;
    const token = await invite(spec.owner, email);
    await withClient(spec.testApp.ownerUrl, (db) =>
      db.query(
        `BEGIN; SELECT set_config('app.tenant_id', '${spec.tenant.id}', true);
         UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE email = '${email}'; COMMIT;`,
      ),
    );
    expect((await spec.testApp.http().get(`/api/invitations/${token}`)).status).toBe(410);
    expect(
      (
        await spec.testApp
          .http()
          .get(`/api/invitations/${spec.tenant.id.replace(/-/g, '')}.${'x'.repeat(43)}`)
      ).status,
    ).toBe(404);
    expect((await spec.testApp.http().get('/api/invitations/garbage')).status).toBe(404);
  });

  it('replaces an open invitation when the same email is invited again', async () => {
    const email = `twice-${Date.now()}@oak.example`;
    const first = await invite(spec.owner, email);
    const second = await invite(spec.owner, email);
    expect((await spec.testApp.http().get(`/api/invitations/${first}`)).status).toBe(404);
    expect((await spec.testApp.http().get(`/api/invitations/${second}`)).status).toBe(200);
  });

  it('refuses to invite someone who is already a member', async () => {
    const result = await spec.owner.post<ApiErrorBody>('/api/team/invitations', {
      email: spec.tenant.owner.email,
      role: 'staff',
    });
    expect(result.status).toBe(409);
  });

  it('lets the owner revoke an invitation, after which the link is dead', async () => {
    const email = `revoked-${Date.now()}@oak.example`;
    const token = await invite(spec.owner, email);
    const team = await spec.owner.get<TeamResponse>('/api/team');
    const invitation = team.body.invitations.find((item) => item.email === email);
    expect((await spec.owner.delete(`/api/team/invitations/${invitation?.id}`)).status).toBe(204);
    expect((await spec.testApp.http().get(`/api/invitations/${token}`)).status).toBe(404);
  });

  describe('roles', () => {
    let business: TestTenant;
    let businessOwner: HttpClient;

    beforeEach(async () => {
      business = await createTenant(spec.testApp);
      businessOwner = await signedIn(spec.testApp, business.owner);
    });

    async function membershipId(email: string): Promise<string> {
      const team = await businessOwner.get<TeamResponse>('/api/team');
      const member = team.body.members.find((item) => item.email === email);
      if (!member) throw new Error(`${email} is not a member`);
      return member.id;
    }

    it('keeps at least one owner: the last owner cannot be demoted or removed', async () => {
      const id = await membershipId(business.owner.email);
      const demoted = await businessOwner.patch<ApiErrorBody>(`/api/team/members/${id}`, { role: 'admin' });
      expect(demoted.status).toBe(409);
      expect(demoted.body.message).toContain('at least one owner');
      expect((await businessOwner.delete(`/api/team/members/${id}`)).status).toBe(409);
    });

    it('lets only an owner grant ownership', async () => {
      const admin = await createUser(spec.testApp);
      const staff = await createUser(spec.testApp);
      await addMember(spec.testApp, business.id, admin, 'admin');
      await addMember(spec.testApp, business.id, staff, 'staff');
      const adminClient = await signedIn(spec.testApp, admin);
      const staffId = await membershipId(staff.email);
      expect((await adminClient.patch(`/api/team/members/${staffId}`, { role: 'owner' })).status).toBe(409);
      expect((await adminClient.patch(`/api/team/members/${staffId}`, { role: 'admin' })).status).toBe(204);
      expect((await businessOwner.patch(`/api/team/members/${staffId}`, { role: 'owner' })).status).toBe(204);
      const ownerId = await membershipId(business.owner.email);
      expect((await businessOwner.patch(`/api/team/members/${ownerId}`, { role: 'admin' })).status).toBe(204);
    });

    it("ends a removed member's access to the business at once", async () => {
      const staff = await createUser(spec.testApp);
      await addMember(spec.testApp, business.id, staff, 'staff');
      const staffClient = await signedIn(spec.testApp, staff);
      expect((await staffClient.get('/api/business')).status).toBe(200);
      expect(
        (await businessOwner.delete(`/api/team/members/${await membershipId(staff.email)}`)).status,
      ).toBe(204);
      expect((await staffClient.get('/api/business')).status).toBe(401);
      const fresh = await signedIn(spec.testApp, staff);
      const me = await fresh.get<MeResponse>('/api/me');
      expect(me.body.business).toBeNull();
      expect((await fresh.get('/api/business')).status).toBe(403);
    });

    it('keeps staff out of team management', async () => {
      const staff = await createUser(spec.testApp);
      await addMember(spec.testApp, business.id, staff, 'staff');
      const staffClient = await signedIn(spec.testApp, staff);
      expect((await staffClient.get('/api/team')).status).toBe(403);
      expect(
        (await staffClient.post('/api/team/invitations', { email: 'x@y.example', role: 'staff' })).status,
      ).toBe(403);
      expect((await staffClient.get('/api/api-keys')).status).toBe(403);
      expect((await staffClient.patch('/api/business', { name: 'Mine now' })).status).toBe(403);
    });

    it('does not let an admin invite an owner', async () => {
      const admin = await createUser(spec.testApp);
      await addMember(spec.testApp, business.id, admin, 'admin');
      const adminClient = await signedIn(spec.testApp, admin);
      const result = await adminClient.post<ApiErrorBody>('/api/team/invitations', {
        email: 'boss@y.example',
        role: 'owner',
      });
      expect(result.status).toBe(409);
    });
  });
});
