import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  type ActivatedRouteSnapshot,
  provideRouter,
  type RouterStateSnapshot,
  UrlTree,
} from '@angular/router';
import { canOpenWith, signedInGuard, signedOutGuard } from './auth.guards';

describe('auth guards', () => {
  function run(guard: typeof signedInGuard, url: string, me: object | null) {
    // The API sets this hint beside the session cookie; a session that ended on the server still has it.
    document.cookie = 'rapport_signed_in=1; path=/';
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    const result = TestBed.runInInjectionContext(() =>
      guard({} as ActivatedRouteSnapshot, { url } as RouterStateSnapshot),
    ) as Promise<boolean | UrlTree>;
    const request = TestBed.inject(HttpTestingController).expectOne('/api/me');
    if (me) request.flush(me);
    else request.flush({}, { status: 401, statusText: 'Unauthorized' });
    return result;
  }

  it('sends a signed-out visitor to sign-in, remembering where they were going', async () => {
    const result = await run(signedInGuard, '/customers', null);
    expect(result).toBeInstanceOf(UrlTree);
    expect(String(result)).toBe('/login?returnTo=%2Fcustomers');
  });

  it('lets a signed-in user through', async () => {
    expect(await run(signedInGuard, '/customers', { user: {}, permissions: [] })).toBe(true);
  });

  it('sends a signed-in user away from the sign-in page', async () => {
    expect(String(await run(signedOutGuard, '/login', { user: {}, permissions: [] }))).toBe('/dashboard');
  });

  it('opens a section to a member whose role includes its permission', async () => {
    const me = { user: {}, permissions: ['interactions:read'] };
    expect(await run(canOpenWith('interactions:read'), '/enquiries', me)).toBe(true);
  });

  it('sends a member whose role lacks the permission to the dashboard', async () => {
    const me = { user: {}, permissions: ['orders:read'] };
    expect(String(await run(canOpenWith('interactions:read'), '/enquiries', me))).toBe('/dashboard');
  });
});
