import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { MeResponse } from '@rapport/domain';
import { SessionStore } from './session-store';

const ME: MeResponse = {
  user: { id: 'u1', email: 'olivia@example.test', name: 'Olivia Baker' },
  business: {
    id: 't1',
    name: 'Northwind Bakery',
    timeZone: 'Europe/London',
    locale: 'en',
    country: 'GB',
    pausedReason: null,
  },
  role: 'staff',
  permissions: ['customers:read', 'cases:work'],
  memberships: [{ tenantId: 't1', businessName: 'Northwind Bakery', role: 'staff' }],
};

describe('SessionStore', () => {
  let store: SessionStore;
  let http: HttpTestingController;

  beforeEach(() => {
    document.cookie = 'rapport_signed_in=1; path=/';
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    store = TestBed.inject(SessionStore);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('loads the session once and shares it', async () => {
    const first = store.load();
    const second = store.load();
    http.expectOne('/api/me').flush(ME);
    expect(await first).toEqual(ME);
    expect(await second).toEqual(ME);
    expect(store.businessName()).toBe('Northwind Bakery');
    expect(store.can('cases:work')).toBe(true);
    expect(store.can('team:manage')).toBe(false);
  });

  it('treats a 401 from /api/me as signed out, and forgets the stale signed-in hint', async () => {
    const loading = store.load();
    http.expectOne('/api/me').flush({ message: 'Sign in' }, { status: 401, statusText: 'Unauthorized' });
    expect(await loading).toBeNull();
    expect(store.isSignedIn()).toBe(false);
    expect(document.cookie).not.toContain('rapport_signed_in=1');
  });

  it('does not ask /api/me without the signed-in hint cookie (no 401 in the console on the sign-in page)', async () => {
    document.cookie = 'rapport_signed_in=; Max-Age=0; path=/';
    expect(await store.load()).toBeNull();
    http.expectNone('/api/me');
    expect(store.isSignedIn()).toBe(false);
  });

  it("passes on the API's message when sign-in fails", async () => {
    const signingIn = store.signIn({ email: 'a@b.co', password: 'nope' });
    http
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 401, error: 'unauthenticated', message: 'Email or password is incorrect' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await expect(signingIn).rejects.toThrow('Email or password is incorrect');
    expect(store.isSignedIn()).toBe(false);
  });

  it('forgets the user on sign-out even when the request fails', async () => {
    const signingIn = store.signIn({ email: 'a@b.co', password: 'right' });
    http.expectOne('/api/auth/login').flush(ME);
    await signingIn;
    const signingOut = store.signOut();
    http.expectOne('/api/auth/logout').flush(null, { status: 500, statusText: 'Server Error' });
    await expect(signingOut).rejects.toBeTruthy();
    expect(store.me()).toBeNull();
  });
});
