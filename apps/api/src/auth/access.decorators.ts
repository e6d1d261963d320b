import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Permission } from '@rapport/domain';
import { UnauthenticatedError } from '../errors/app-error';
import { MissingTenantContextError, NoActiveBusinessError } from '../tenancy/tenancy.errors';
import type { Principal, RequestWithPrincipal } from './principal';

/** How a route may be reached. Every route declares one; the guard refuses a route that does not. */
export type RouteAccess =
  { kind: 'public' } | { kind: 'signed-in' } | { kind: 'permission'; permission: Permission };
export const ROUTE_ACCESS = 'rapport:route-access';

/** Anyone, signed in or not (health, login, the buyers' pages, signed webhooks). */
export const Public = () => SetMetadata(ROUTE_ACCESS, { kind: 'public' } satisfies RouteAccess);

/** Any signed-in user, whatever their role (their own profile, sign-out). */
export const SignedIn = () => SetMetadata(ROUTE_ACCESS, { kind: 'signed-in' } satisfies RouteAccess);

/** A member of the active business whose role grants `permission`. */
export const RequirePermission = (permission: Permission) =>
  SetMetadata(ROUTE_ACCESS, { kind: 'permission', permission } satisfies RouteAccess);

function principalOf(context: ExecutionContext): Principal {
  const principal = context.switchToHttp().getRequest<RequestWithPrincipal>().principal;
  if (!principal) throw new UnauthenticatedError();
  return principal;
}

/** The verified caller. Throws when the route let an anonymous request through. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext) =>
  principalOf(context),
);

/**
 * The tenant id from the verified session: never from a header, path or body. Throws rather than
 * fall back when there is none, so a handler cannot run tenant work without a tenant.
 */
export const CurrentTenant = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const principal = principalOf(context);
  if (!principal.tenantId) throw new NoActiveBusinessError();
  if (!principal.role) throw new MissingTenantContextError();
  return principal.tenantId;
});
