import type { CanActivateFn, Route } from '@angular/router';

/**
 * One page of the console: its address, the component it loads on first visit, and its name in the
 * browser's tab ("Orders · Rapport"), with the guards that must let it open.
 */
export function pageRoute(
  path: string,
  title: string,
  loadComponent: NonNullable<Route['loadComponent']>,
  canActivate: CanActivateFn[] = [],
): Route {
  return {
    path,
    loadComponent,
    title: `${title} · Rapport`,
    ...(canActivate.length > 0 ? { canActivate } : {}),
  };
}
