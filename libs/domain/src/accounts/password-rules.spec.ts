import { passwordProblem } from './password-rules';

describe('passwordProblem', () => {
  const common = new Set(['passwordpassword', 'qwerty123456']);
  const isCommon = (password: string) => common.has(password);

  it.each([
    ['short', 'must be at least 12 characters'],
    ['aaaaaaaaaaaaaa', 'must not repeat one character'],
    ['QWERTY123456', 'is too common: choose one that is not on lists of leaked passwords'],
    ['olivia.baker-2026!', 'must not contain "olivia.baker", the part of your email address before the @'],
    ['x'.repeat(100) + 'y'.repeat(157), 'must be at most 256 characters'],
  ])('refuses %p: %s', (password, reason) => {
    expect(passwordProblem(password, { email: 'olivia.baker@example.test', isCommon })).toBe(reason);
  });

  it.each(['correct horse battery staple', 'Bakery-demo-2026', 'ünïcödé pässwörd'])(
    'accepts %p',
    (password) => {
      expect(passwordProblem(password, { email: 'olivia@example.test', isCommon })).toBeNull();
    },
  );

  it('counts characters, not UTF-16 units', () => {
    expect(passwordProblem('🙂'.repeat(11) + 'a')).toBeNull();
    expect(passwordProblem('🙂'.repeat(11))).toBe('must be at least 12 characters');
  });
});
