import { afterFailedLogin, LOCK_AFTER, secondsUntilNextAttempt } from './login-lockout';

const NOW = new Date('2026-11-26T10:00:00Z');
const secondsAgo = (seconds: number) => new Date(NOW.getTime() - seconds * 1000);

describe('login lockout', () => {
  it.each([
    [{ failedLogins: 0, lastFailedLoginAt: null, lockedUntil: null }, 0],
    [{ failedLogins: 4, lastFailedLoginAt: secondsAgo(0), lockedUntil: null }, 0],
    [{ failedLogins: 5, lastFailedLoginAt: secondsAgo(0), lockedUntil: null }, 1],
    [{ failedLogins: 7, lastFailedLoginAt: secondsAgo(1), lockedUntil: null }, 3],
    [{ failedLogins: 7, lastFailedLoginAt: secondsAgo(5), lockedUntil: null }, 0],
    [{ failedLogins: 20, lastFailedLoginAt: secondsAgo(0), lockedUntil: null }, 60],
    [{ failedLogins: 0, lastFailedLoginAt: null, lockedUntil: new Date(NOW.getTime() + 90_000) }, 90],
  ])('makes %j wait %i s', (history, seconds) => {
    expect(secondsUntilNextAttempt(history, NOW)).toBe(seconds);
  });

  it('counts wrong passwords and locks for 15 minutes at the tenth', () => {
    let history = {
      failedLogins: 0,
      lastFailedLoginAt: null as Date | null,
      lockedUntil: null as Date | null,
    };
    for (let attempt = 1; attempt < LOCK_AFTER; attempt++) {
      const next = afterFailedLogin(history, NOW);
      expect(next.isNowLocked).toBe(false);
      history = next;
    }
    const locked = afterFailedLogin(history, NOW);
    expect(locked.isNowLocked).toBe(true);
    expect(locked.lockedUntil).toEqual(new Date('2026-11-26T10:15:00Z'));
    expect(locked.failedLogins).toBe(0);
  });
});
