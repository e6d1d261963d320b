import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { SessionStore } from '../auth/session-store';
import { NAV_SECTIONS } from './navigation';
import { ShellComponent } from './shell.component';

describe('ShellComponent', () => {
  async function render(permissions: string[]) {
    // Set by the API at sign-in; without it the store knows nobody is signed in and asks nothing.
    document.cookie = 'rapport_signed_in=1; path=/';
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    const loading = TestBed.inject(SessionStore).load();
    TestBed.inject(HttpTestingController)
      .expectOne('/api/me')
      .flush({
        user: { id: 'u', email: 'o@example.test', name: 'Olivia Baker' },
        business: {
          id: 't',
          name: 'Northwind Bakery',
          timeZone: 'Europe/London',
          locale: 'en',
          country: 'GB',
        },
        role: 'owner',
        permissions,
        memberships: [],
      });
    await loading;
    const fixture = TestBed.createComponent(ShellComponent);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const labels = [...element.querySelectorAll('[matListItemTitle]')].map((item) =>
      item.textContent?.trim(),
    );
    return { element, labels };
  }

  it('shows every section in the navigation and the active business', async () => {
    const { element, labels } = await render(['interactions:read']);
    expect(labels).toEqual(NAV_SECTIONS.map((section) => section.label));
    expect(element.querySelector('[data-testid=business-name]')?.textContent).toBe('Northwind Bakery');
  });

  it('leaves out the enquiries for a member whose role cannot read them', async () => {
    const { labels } = await render([]);
    expect(labels).not.toContain('Enquiries');
    expect(labels).toContain('Cases');
  });
});
