import { DEMO_LOGIN } from '../../src/seed/demo-seeder';
import { assertBuilt, type BuiltApp, startBuiltApp, until } from '../support/built-app';
import { cloneTemplate, requiredEnv, TEST_ENV } from '../support/test-database';

/** The demo's logins are public: seeding it where others can reach the app is said loudly at start. */
describe('the demo business on a public address', () => {
  let child: BuiltApp | undefined;
  afterAll(async () => {
    await child?.stop();
  });

  it('warns, naming the address and the published logins, when asked to seed it on a public address', async () => {
    assertBuilt();
    const url = await cloneTemplate(`rapport_test_${requiredEnv(TEST_ENV.runId)}_public_demo`);
    const app = await startBuiltApp(url, {
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://rapport.example.com',
      SEED_DEMO: 'true',
    });
    child = app;
    await until(
      async () => (await fetch(`${app.baseUrl}/api/health`).catch(() => null))?.ok === true,
      60_000,
    );
    expect(app.output()).toContain(
      'WARNING: the demo business "Northwind Bakery" is served at https://rapport.example.com with its published logins',
    );
    expect(app.output()).toContain(`(${DEMO_LOGIN.email} / ${DEMO_LOGIN.password})`);
  }, 90_000);
});
