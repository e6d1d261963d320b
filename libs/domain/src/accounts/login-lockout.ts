/** After this many wrong passwords in a row, each further try must wait (1 s, 2 s, 4 s ... up to a minute). */
export const SLOW_DOWN_AFTER = 5;
/** After this many, sign-ins pause for LOCK_MINUTES and the account's owner gets an email. */
export const LOCK_AFTER = 10;
export const LOCK_MINUTES = 15;
const MAX_DELAY_SECONDS = 60;

export interface LoginHistory {
  failedLogins: number;
  lastFailedLoginAt: Date | null;
  lockedUntil: Date | null;
}

/** Seconds to wait before the next sign-in attempt may be checked, or 0. */
export function secondsUntilNextAttempt(history: LoginHistory, now: Date): number {
  if (history.lockedUntil && history.lockedUntil > now) {
    return Math.ceil((history.lockedUntil.getTime() - now.getTime()) / 1000);
  }
  if (history.failedLogins < SLOW_DOWN_AFTER || !history.lastFailedLoginAt) return 0;
  const delay = Math.min(2 ** (history.failedLogins - SLOW_DOWN_AFTER), MAX_DELAY_SECONDS);
  const readyAt = history.lastFailedLoginAt.getTime() + delay * 1000;
  return readyAt > now.getTime() ? Math.ceil((readyAt - now.getTime()) / 1000) : 0;
}

/** The history after one more wrong password, and whether this one locks the account. */
export function afterFailedLogin(history: LoginHistory, now: Date): LoginHistory & { isNowLocked: boolean } {
  const failedLogins = history.failedLogins + 1;
  if (failedLogins >= LOCK_AFTER) {
    return {
      failedLogins: 0,
      lastFailedLoginAt: now,
      lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000),
      isNowLocked: true,
    };
  }
  return { failedLogins, lastFailedLoginAt: now, lockedUntil: null, isNowLocked: false };
}
