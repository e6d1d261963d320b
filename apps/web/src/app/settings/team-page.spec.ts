import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { MeResponse, TeamResponse } from '@rapport/domain';
import { SessionStore } from '../auth/session-store';
import { TeamPage } from './team-page';

const TEAM: TeamResponse = {
  members: [
    {
      id: 'm1',
      userId: 'u1',
      name: 'Olivia Baker',
      email: 'olivia@example.test',
      role: 'owner',
      joinedAt: '2026-01-01T00:00:00Z',
      isYou: false,
    },
    {
      id: 'm2',
      userId: 'u2',
      name: 'Ada Admin',
      email: 'ada@example.test',
      role: 'admin',
      joinedAt: '2026-02-01T00:00:00Z',
      isYou: true,
    },
  ],
  invitations: [
    {
      id: 'i1',
      email: 'new@example.test',
      role: 'staff',
      invitedBy: 'Ada Admin',
      createdAt: '2026-11-20T00:00:00Z',
      expiresAt: '2026-11-27T00:00:00Z',
      status: 'pending',
    },
  ],
};

describe('TeamPage', () => {
  async function render(role: 'owner' | 'admin') {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    TestBed.inject(SessionStore).replace({
      role,
      permissions: ['team:manage'],
      user: {},
      memberships: [],
    } as unknown as MeResponse);
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(TeamPage);
    fixture.detectChanges();
    http.expectOne('/api/team').flush(TEAM);
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, http, element: fixture.nativeElement as HTMLElement };
  }

  it('lists members and open invitations', async () => {
    const { element } = await render('owner');
    const rows = [...element.querySelectorAll('table[aria-label="Members"] tr[mat-row]')].map(
      (row) => row.textContent,
    );
    expect(rows[0]).toContain('Olivia Baker');
    expect(rows[1]).toContain('Ada Admin (you)');
    expect(element.querySelector('table[aria-label="Open invitations"]')?.textContent).toContain(
      'new@example.test',
    );
  });

  it('does not offer ownership to an admin', async () => {
    const { fixture } = await render('admin');
    expect(fixture.componentInstance.assignableRoles()).toEqual(['admin', 'staff']);
  });

  it("shows the API's reason next to the email when an invitation is refused", async () => {
    const { fixture, http } = await render('owner');
    fixture.componentInstance.inviteForm.setValue({ email: 'olivia@example.test', role: 'staff' });
    const inviting = fixture.componentInstance.invite();
    http
      .expectOne('/api/team/invitations')
      .flush(
        { message: 'olivia@example.test is already a member of this business' },
        { status: 409, statusText: 'Conflict' },
      );
    await inviting;
    fixture.detectChanges();
    expect((fixture.nativeElement as HTMLElement).querySelector('[role=status]')?.textContent).toContain(
      'already a member',
    );
  });
});
