import { routeRules } from '../support/routes';
import { startTestApp, type TestApp } from '../support/test-app';

describe('route access', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  it('finds the routes of the app', () => {
    expect(routeRules(testApp).map((rule) => rule.route)).toContain('POST /api/auth/login');
  });

  it('has every route declare a permission, or say it is public or for any signed-in user', () => {
    expect(routeRules(testApp).filter((rule) => rule.access === 'UNDECLARED')).toEqual([]);
  });

  it('matches the reviewed list of route permissions (update the snapshot on purpose)', () => {
    expect(routeRules(testApp)).toMatchSnapshot();
  });
});
