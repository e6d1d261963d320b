import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { MeResponse } from '@rapport/domain';
import { SessionStore } from '../auth/session-store';
import { CasesPage } from './cases-page';

describe('CasesPage', () => {
  it('keeps what the person chose on the switch when the page finishes loading after it', async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    TestBed.inject(SessionStore).replace({
      permissions: ['cases:work'],
      user: { id: 'sam' },
      memberships: [],
    } as unknown as MeResponse);
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(CasesPage);
    fixture.detectChanges();
    // The page's first read of who takes cases is slow; Sam turns the switch on meanwhile.
    const first = http.expectOne('/api/cases/assignees');
    const choice = fixture.componentInstance.setTakesCases(true);
    http.expectOne('/api/cases/assignees/me').flush([{ id: 'sam', name: 'Sam', takesCases: true }]);
    await choice;
    first.flush([{ id: 'sam', name: 'Sam', takesCases: false }]);
    await fixture.whenStable();
    http.match(() => true).forEach((request) => request.flush({ items: [], nextCursor: null }));
    await fixture.whenStable();
    fixture.detectChanges();
    expect(fixture.componentInstance.takesCases()).toBe(true);
    const toggle = (fixture.nativeElement as HTMLElement).querySelector('[role="switch"]');
    expect(toggle?.getAttribute('aria-checked')).toBe('true');
  });
});
