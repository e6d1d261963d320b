import { randomUUID } from 'node:crypto';
import type {
  ApiKeyScope,
  CreatedApiKeyResponse,
  DevMailboxMessageResponse,
  MeResponse,
  OrderLineRequest,
  Role,
  SignUpRequest,
} from '@rapport/domain';
import { AccountsRepository } from '../../src/accounts/accounts.repository';
import { PasswordHasher } from '../../src/accounts/password-hasher';
import { AutomationsRepository } from '../../src/automations/automations.repository';
import { FollowUpDispatcher } from '../../src/automations/follow-up-dispatcher';
import { FollowUpPlanner } from '../../src/automations/follow-up-planner';
import { TenantDatabase } from '../../src/tenancy/tenant-database';
import type { HttpClient, HttpResult } from './http-client';
import type { TestApp } from './test-app';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  name: string;
}

export interface TestTenant {
  id: string;
  name: string;
  owner: TestUser;
}

let sequence = 0;
function unique(): string {
  sequence += 1;
  return `${Date.now().toString(36)}-${process.env['JEST_WORKER_ID'] ?? '1'}-${sequence}`;
}

/** A user who can sign in; not a member of anything yet. */
export async function createUser(
  testApp: TestApp,
  overrides: Partial<Omit<TestUser, 'id'>> = {},
): Promise<TestUser> {
  const suffix = unique();
  const email = overrides.email ?? `user-${suffix}@example.test`;
  const password = overrides.password ?? `password-${suffix}`;
  const name = overrides.name ?? `User ${suffix}`;
  const passwordHash = await testApp.app.get(PasswordHasher).hash(password);
  const user = await testApp.app
    .get(TenantDatabase)
    .global((manager) =>
      testApp.app.get(AccountsRepository).createUser(manager, { email, name, passwordHash }),
    );
  return { id: user.id, email, password, name };
}

/** A business with its owner, created through the same tenant-scoped path the app uses. */
export async function createTenant(
  testApp: TestApp,
  overrides: { name?: string; timeZone?: string; country?: string; owner?: TestUser } = {},
): Promise<TestTenant> {
  const owner = overrides.owner ?? (await createUser(testApp));
  const name = overrides.name ?? `Business ${unique()}`;
  const id = await testApp.app.get(TenantDatabase).transaction(randomUUID(), async (manager) => {
    const accounts = testApp.app.get(AccountsRepository);
    const tenant = await accounts.createTenant(manager, {
      name,
      timeZone: overrides.timeZone ?? 'Europe/Madrid',
      locale: 'en',
      country: overrides.country ?? 'ES',
    });
    await accounts.addMember(manager, owner.id, 'owner');
    await testApp.app.get(AutomationsRepository).createDefaults(manager);
    return tenant.id;
  });
  return { id, name, owner };
}

/** Adds an existing user to a business with a role. */
export async function addMember(
  testApp: TestApp,
  tenantId: string,
  user: TestUser,
  role: Role,
): Promise<void> {
  await testApp.app
    .get(TenantDatabase)
    .transaction(tenantId, (manager) =>
      testApp.app.get(AccountsRepository).addMember(manager, user.id, role),
    );
}

/** An HTTP client signed in as `user`, like their browser. */
export async function signedIn(
  testApp: TestApp,
  user: Pick<TestUser, 'email' | 'password'>,
): Promise<HttpClient> {
  const client = testApp.http();
  await client.signIn(user.email, user.password);
  return client;
}

/** An API key of the tenant (created through the API by its owner); returns the whole key. */
export async function createApiKey(
  testApp: TestApp,
  tenant: TestTenant,
  scopes: ApiKeyScope[],
): Promise<string> {
  const owner = await signedIn(testApp, tenant.owner);
  const result = await owner.post<CreatedApiKeyResponse>('/api/api-keys', {
    name: `Key ${unique()}`,
    scopes,
  });
  if (result.status !== 201) throw new Error(`Creating an API key failed: ${JSON.stringify(result.body)}`);
  return result.body.key;
}

/** Emails the development mailbox caught for one address, newest first. */
export async function mailTo(testApp: TestApp, email: string): Promise<DevMailboxMessageResponse[]> {
  const result = await testApp
    .http()
    .get<DevMailboxMessageResponse[]>(`/api/dev/mailbox?to=${encodeURIComponent(email)}`);
  if (result.status !== 200) throw new Error(`Reading the mailbox failed with ${result.status}`);
  return result.body;
}

/**
 * The emails to `email` once one matching `isWanted` has arrived: for what is sent by a job of the queue
 * (a member's notice) rather than in the request itself. Throws when none came within `timeoutMs`.
 */
export async function waitForMailTo(
  testApp: TestApp,
  email: string,
  isWanted: (mail: DevMailboxMessageResponse) => boolean = () => true,
  timeoutMs = 20_000,
): Promise<DevMailboxMessageResponse> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await mailTo(testApp, email)).find(isWanted);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No wanted email reached ${email} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The token of the newest email to `email` (the first `#token=` link in it). */
export async function latestTokenFor(testApp: TestApp, email: string): Promise<string> {
  const [mail] = await mailTo(testApp, email);
  if (!mail) throw new Error(`No email to ${email}`);
  return tokenFromEmail(mail);
}

/** The token after `#token=` in the first link of an email. */
export function tokenFromEmail(mail: DevMailboxMessageResponse): string {
  const match = /#token=([A-Za-z0-9._-]+)/.exec(mail.text);
  if (!match?.[1]) throw new Error(`No token link in "${mail.subject}"`);
  return match[1];
}

export interface SignedUpBusiness {
  id: string;
  /** The owner's console session. */
  owner: HttpClient;
  ownerEmail: string;
}

/**
 * Signs up through the API as a person does: the form, then the link from the email (read from the
 * development mailbox), which creates the business and signs `client` in. Answers the confirmation.
 */
export async function signUpAndConfirm(
  testApp: TestApp,
  client: HttpClient,
  request: SignUpRequest,
): Promise<HttpResult<MeResponse>> {
  const requested = await client.post('/api/auth/signup', request);
  if (requested.status !== 202) throw new Error(`Sign-up failed: ${JSON.stringify(requested.body)}`);
  const token = await latestTokenFor(testApp, request.email);
  const confirmed = await client.post<MeResponse>('/api/auth/signup/confirm', { token });
  if (confirmed.status !== 201)
    throw new Error(`Confirming the sign-up failed: ${JSON.stringify(confirmed.body)}`);
  return confirmed;
}

/** A business signed up through the API as its owner would: its default rules and surveys included. */
export async function signUpBusiness(
  testApp: TestApp,
  input: { name: string; timeZone: string; country: string; ownerName?: string },
): Promise<SignedUpBusiness> {
  const owner = testApp.http();
  const ownerEmail = `${input.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${unique()}@example.test`;
  const result = await signUpAndConfirm(testApp, owner, {
    businessName: input.name,
    name: input.ownerName ?? `${input.name} Owner`,
    email: ownerEmail,
    password: 'ovens warm before dawn',
    timeZone: input.timeZone,
    country: input.country,
  });
  return { id: result.body.business?.id ?? '', owner, ownerEmail };
}

const HOUR = 3_600_000;

export interface OrderToFollowUp {
  externalId: string;
  buyer: { email: string; name: string };
  placedAt: Date;
  /** One rye bread at 9.00 unless given. */
  lines?: OrderLineRequest[];
}

/**
 * Places an order through the API, then runs the planner and the dispatcher on the spec's clock (just
 * after the order, a day later for the thank-you, ten days later for the opinion request). Returns the
 * newest email to the buyer: the opinion request.
 */
export async function sendOpinionRequest(
  testApp: TestApp,
  owner: HttpClient,
  order: OrderToFollowUp,
): Promise<DevMailboxMessageResponse> {
  const lines = order.lines ?? [{ productName: 'Rye bread', quantity: 1, unitPrice: '9.00' }];
  const total = lines.reduce((sum, line) => sum + line.quantity * Number(line.unitPrice), 0);
  const placed = await owner.post('/api/orders', {
    externalId: order.externalId,
    customer: order.buyer,
    placedAt: order.placedAt.toISOString(),
    total: total.toFixed(2),
    currency: 'EUR',
    lines,
  });
  if (placed.status !== 201) throw new Error(`Placing the order failed: ${JSON.stringify(placed.body)}`);
  const at = (hours: number) => new Date(order.placedAt.getTime() + hours * HOUR);
  await testApp.app.get(FollowUpPlanner).planPending(at(0.1));
  await testApp.app.get(FollowUpDispatcher).dispatchDue(at(24));
  await testApp.app.get(FollowUpDispatcher).dispatchDue(at(240));
  const [newest] = await mailTo(testApp, order.buyer.email);
  if (!newest) throw new Error(`No email to ${order.buyer.email}`);
  return newest;
}
