import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import type { Permission } from '@rapport/domain';
import { SessionStore } from './session-store';

// inject() works only before the first await of a guard, so both are taken up front.

/** Console pages need a session; without one the user goes to sign-in and comes back after. */
export const signedInGuard: CanActivateFn = async (_route, state) => {
  const [session, router] = [inject(SessionStore), inject(Router)];
  const me = await session.load();
  return me ? true : router.createUrlTree(['/login'], { queryParams: { returnTo: state.url } });
};

/** The sign-in page is for signed-out visitors only. */
export const signedOutGuard: CanActivateFn = async () => {
  const [session, router] = [inject(SessionStore), inject(Router)];
  const me = await session.load();
  return me ? router.createUrlTree(['/dashboard']) : true;
};

/** A section the member's role does not include: they land on the dashboard instead of a page of errors. */
export function canOpenWith(permission: Permission): CanActivateFn {
  return async () => {
    const [session, router] = [inject(SessionStore), inject(Router)];
    await session.load();
    return session.can(permission) ? true : router.createUrlTree(['/dashboard']);
  };
}
