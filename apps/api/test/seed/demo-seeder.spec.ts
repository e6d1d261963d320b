import type { AnswerResponse, BusinessResponse, CaseResponse, MeResponse, Page } from '@rapport/domain';
import { DEMO_LOGIN, DEMO_STAFF, DemoSeeder } from '../../src/seed/demo-seeder';
import { startTestApp, type TestApp } from '../support/test-app';
import { cloneTemplate, requiredEnv, TEST_ENV, withClient } from '../support/test-database';

describe('the demo business', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    // Its own database: the demo owner's email is fixed, so it must not meet other specs' data.
    const url = await cloneTemplate(`rapport_test_${requiredEnv(TEST_ENV.runId)}_demo`);
    testApp = await startTestApp({ DATABASE_URL: url });
  });
  afterAll(() => testApp.close());

  async function countDemoTenants(): Promise<number> {
    return withClient(testApp.ownerUrl, async (client) => {
      // The owner connection is subject to FORCE ROW LEVEL SECURITY too: count through the user scope.
      await client.query('BEGIN');
      const { rows: users } = await client.query('SELECT id FROM users WHERE email = $1', [DEMO_LOGIN.email]);
      if (users.length === 0) {
        await client.query('ROLLBACK');
        return 0;
      }
      await client.query(`SELECT set_config('app.user_id', $1, true)`, [users[0].id]);
      const { rows } = await client.query('SELECT count(*)::int AS n FROM tenants WHERE is_demo');
      await client.query('ROLLBACK');
      return rows[0].n;
    });
  }

  it('is seeded once, however often the app starts', async () => {
    const seeder = testApp.app.get(DemoSeeder);
    const first = await seeder.seedOnce();
    const second = await seeder.seedOnce();
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(await countDemoTenants()).toBe(1);
    // The first seeding writes the demo's ten weeks: see the timeout of the re-creation below.
  }, 90_000);

  it('lets the printed demo login sign in to Northwind Bakery as its owner', async () => {
    await testApp.app.get(DemoSeeder).seedOnce();
    const result = await testApp.http().post<MeResponse>('/api/auth/login', DEMO_LOGIN);
    expect(result.status).toBe(200);
    expect(result.body.business?.name).toBe('Northwind Bakery');
    expect(result.body.role).toBe('owner');
  });

  it('has the contact details every email footer shows', async () => {
    await testApp.app.get(DemoSeeder).seedOnce();
    const owner = testApp.http();
    await owner.signIn(DEMO_LOGIN.email, DEMO_LOGIN.password);
    const business = await owner.get<BusinessResponse>('/api/business');
    expect(business.body).toMatchObject({
      contactPhone: '+44 20 7946 0321',
      contactEmail: 'hello@northwind.example',
      postalAddress: '12 Mill Lane, London E1 6AN',
    });
  });

  it('has ten weeks of answers and the cases the low ones opened, the older ones resolved', async () => {
    await testApp.app.get(DemoSeeder).seedOnce();
    const owner = testApp.http();
    await owner.signIn(DEMO_LOGIN.email, DEMO_LOGIN.password);
    const answers = await owner.get<Page<AnswerResponse>>('/api/answers?limit=200');
    expect(answers.body.items.length).toBeGreaterThan(30);
    const bands = new Set(answers.body.items.map((answer) => answer.band));
    expect(bands).toEqual(new Set(['promoter', 'passive', 'detractor']));
    const detractors = answers.body.items.filter((answer) => answer.band === 'detractor');
    expect(detractors.every((answer) => answer.caseId !== null)).toBe(true);
    const resolved = await owner.get<Page<CaseResponse>>('/api/cases?status=resolved');
    expect(resolved.body.items.length).toBeGreaterThan(0);
    expect(resolved.body.items.every((item) => item.resolution && item.firstReplyAt)).toBe(true);
  });

  it('has a staff colleague who signs in with the same password and staff permissions', async () => {
    await testApp.app.get(DemoSeeder).seedOnce();
    const result = await testApp.http().post<MeResponse>('/api/auth/login', {
      email: DEMO_STAFF.email,
      password: DEMO_LOGIN.password,
    });
    expect(result.body).toMatchObject({ business: { name: 'Northwind Bakery' }, role: 'staff' });
  });

  it('is re-created from scratch on request, leaving one demo business', async () => {
    const seeder = testApp.app.get(DemoSeeder);
    await seeder.seedOnce();
    const before = await testApp.http().post<MeResponse>('/api/auth/login', DEMO_LOGIN);
    const recreated = await seeder.recreate();
    expect(recreated.tenantId).not.toBe(before.body.business?.id);
    expect(await countDemoTenants()).toBe(1);
    // Writing the demo's ten weeks takes 15-20 s alone, and more on a machine busy with other suites.
  }, 90_000);
});
