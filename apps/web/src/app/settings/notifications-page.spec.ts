import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatSelect } from '@angular/material/select';
import { By } from '@angular/platform-browser';
import { provideRouter } from '@angular/router';
import type { MeResponse, NotificationPreferencesResponse, Permission } from '@rapport/domain';
import { SessionStore } from '../auth/session-store';
import { NotificationsPage } from './notifications-page';

const PREFERENCES: NotificationPreferencesResponse = {
  kinds: [
    { kind: 'case.opened', delivery: 'instant', isChosen: false },
    { kind: 'case.overdue', delivery: 'summary', isChosen: true },
  ],
  summaryHour: 8,
  timeZone: null,
  businessTimeZone: 'Europe/Madrid',
};

describe('NotificationsPage', () => {
  async function render(permissions: Permission[] = []) {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    TestBed.inject(SessionStore).replace({ permissions, user: {}, memberships: [] } as unknown as MeResponse);
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(NotificationsPage);
    fixture.detectChanges();
    http.expectOne('/api/me/notifications').flush(PREFERENCES);
    await fixture.whenStable();
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const settle = async () => {
      await fixture.whenStable();
      fixture.detectChanges();
    };
    return { fixture, http, element, settle };
  }

  it('shows each kind with how it comes now, and which are the role default', async () => {
    const { element, fixture } = await render();
    const rows = [...element.querySelectorAll('li.kind')].map((row) => [
      row.querySelector('mat-label')?.textContent?.trim(),
      row.querySelector('mat-hint, button')?.textContent?.trim(),
    ]);
    expect(rows).toEqual([
      ['A low score opens a case', 'Default for your role'],
      ['A case is overdue', 'Back to the default'],
    ]);
    const selects = fixture.debugElement
      .queryAll(By.directive(MatSelect))
      .map((one) => one.componentInstance as MatSelect);
    // The two kinds, the hour, and the business's time zone (the empty choice) until one is chosen.
    expect(selects.map((select) => select.value)).toEqual(['instant', 'summary', 8, '']);
    // Only someone who manages the business is pointed at the channels.
    expect(element.querySelector('a[href="/settings/webhooks"]')).toBeNull();
  });

  it('saves a change at once and says so; a refusal puts back what the server holds', async () => {
    const { fixture, http, element, settle } = await render(['business:manage']);
    expect(element.querySelector('a[href="/settings/webhooks"]')).not.toBeNull();
    const page = fixture.componentInstance;
    const saved = page.choose('case.opened', 'none');
    const put = http.expectOne('/api/me/notifications');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ choices: { 'case.opened': 'none' } });
    put.flush({ ...PREFERENCES, kinds: [{ kind: 'case.opened', delivery: 'none', isChosen: true }] });
    await saved;
    await settle();
    expect(element.querySelector('[role="status"]')?.textContent).toContain('Saved');

    const selects = () =>
      fixture.debugElement.queryAll(By.directive(MatSelect)).map((one) => one.componentInstance as MatSelect);
    // The person picks 18:00 in the hour select (after the one kind), and the server refuses it.
    const hourSelect = selects()[1];
    if (hourSelect) hourSelect.value = 18;
    const refused = page.save({ summaryHour: 18 });
    http
      .expectOne('/api/me/notifications')
      .flush(
        { error: 'validation_failed', message: 'summaryHour is refused', details: [] },
        { status: 400, statusText: 'Bad Request' },
      );
    await refused;
    await settle();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('summaryHour');
    expect(page.preferences()?.summaryHour).toBe(8);
    // Drawn again, the hour select shows the server's 08:00, not the refused pick.
    expect(selects()[1]?.value).toBe(8);
  });
});
