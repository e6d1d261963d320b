import { routeRules } from '../support/routes';
import { startedApp } from '../support/spec-app';

describe('route access', () => {
  const spec = startedApp();

  it('finds the routes of the app', () => {
    expect(routeRules(spec.testApp).map((rule) => rule.route)).toContain('POST /api/auth/login');
  });

  it('has every route declare a permission, or say it is public or for any signed-in user', () => {
    expect(routeRules(spec.testApp).filter((rule) => rule.access === 'UNDECLARED')).toEqual([]);
  });

  it('matches the reviewed list of route permissions (update the snapshot on purpose)', () => {
    expect(routeRules(spec.testApp)).toMatchSnapshot();
  });
});
