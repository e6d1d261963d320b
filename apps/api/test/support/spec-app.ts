import { createTenant, signedIn, signUpBusiness, type SignedUpBusiness, type TestTenant } from './factories';
import type { HttpClient } from './http-client';
import { startTestApp, type TestApp } from './test-app';

/** What a spec file shares: its app, one business and the owner's session. Filled in before its first test. */
export interface AppWithTenant {
  testApp: TestApp;
  tenant: TestTenant;
  owner: HttpClient;
}

/**
 * Starts the app for the enclosing `describe` with one business created directly (no sign-up email) and
 * its owner signed in; closes it after the last test. Hooks the caller registers afterwards run after this
 * setup, so they can build on it.
 */
export function appWithTenant(
  tenant: Parameters<typeof createTenant>[1] = {},
  env: Record<string, string> = {},
): AppWithTenant {
  const spec = {} as AppWithTenant;
  beforeAll(async () => {
    spec.testApp = await startTestApp(env);
    spec.tenant = await createTenant(spec.testApp, tenant);
    spec.owner = await signedIn(spec.testApp, spec.tenant.owner);
  });
  afterAll(() => spec.testApp.close());
  return spec;
}

/** As {@link AppWithTenant}, for a business that signed up through the API. */
export interface AppWithSignedUpBusiness {
  testApp: TestApp;
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
  const spec = {} as AppWithSignedUpBusiness;
  beforeAll(async () => {
    spec.testApp = await startTestApp(env);
    const signedUp: SignedUpBusiness = await signUpBusiness(spec.testApp, business);
    spec.tenantId = signedUp.id;
    spec.owner = signedUp.owner;
    spec.ownerEmail = signedUp.ownerEmail;
  });
  afterAll(() => spec.testApp.close());
  return spec;
}
