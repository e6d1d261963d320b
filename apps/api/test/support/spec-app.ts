import { createTenant, signedIn, signUpBusiness, type SignedUpBusiness, type TestTenant } from './factories';
import type { HttpClient } from './http-client';
import { startTestApp, type TestApp } from './test-app';

/** The app a spec file's tests share. Filled in before its first test. */
export interface StartedApp {
  testApp: TestApp;
}

/**
 * Starts the app (with `env` on top of the test settings) for the enclosing `describe`; closes it after the
 * last test. Hooks registered afterwards run after this one, so they can build on the app.
 */
export function startedApp<T extends StartedApp = StartedApp>(env: Record<string, string> = {}): T {
  const spec = {} as T;
  beforeAll(async () => {
    spec.testApp = await startTestApp(env);
  });
  afterAll(() => spec.testApp.close());
  return spec;
}

/** What a spec file shares: its app, one business and the owner's session. Filled in before its first test. */
export interface AppWithTenant extends StartedApp {
  tenant: TestTenant;
  owner: HttpClient;
}

/**
 * Starts the app for the enclosing `describe` with one business created directly (no sign-up email) and
 * its owner signed in; closes it after the last test.
 */
export function appWithTenant(
  tenant: Parameters<typeof createTenant>[1] = {},
  env: Record<string, string> = {},
): AppWithTenant {
  const spec = startedApp<AppWithTenant>(env);
  beforeAll(async () => {
    spec.tenant = await createTenant(spec.testApp, tenant);
    spec.owner = await signedIn(spec.testApp, spec.tenant.owner);
  });
  return spec;
}

/** As {@link AppWithTenant}, for a business that signed up through the API. */
export interface AppWithSignedUpBusiness extends StartedApp {
  tenantId: string;
  owner: HttpClient;
  ownerEmail: string;
}

/**
 * Starts the app for the enclosing `describe` with one business signed up through the API as its owner
 * would (its default rules and surveys included), the owner signed in; closes it after the last test.
 */
export function appWithSignedUpBusiness(
  business: Parameters<typeof signUpBusiness>[1],
  env: Record<string, string> = {},
): AppWithSignedUpBusiness {
  const spec = startedApp<AppWithSignedUpBusiness>(env);
  beforeAll(async () => {
    const signedUp: SignedUpBusiness = await signUpBusiness(spec.testApp, business);
    spec.tenantId = signedUp.id;
    spec.owner = signedUp.owner;
    spec.ownerEmail = signedUp.ownerEmail;
  });
  return spec;
}
