import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Permission } from '@rapport/domain';
import type { FastifyRequest } from 'fastify';
import { isLoopbackAddress } from '../config/network-address';
import { ForbiddenError, UnauthenticatedError } from '../errors/app-error';
import type { RateLimit } from '../rate-limit/rate-limiter';
import { NoActiveBusinessError } from '../tenancy/tenancy.errors';
import { clientInfoOf } from './client-info';
import type { Principal, RequestWithPrincipal, UserPrincipal } from './principal';

/** How a route may be reached. Every route declares one; the guard refuses a route that does not. */
export type RouteAccess =
  | { kind: 'public' }
  | { kind: 'signed-webhook'; perIp: RateLimit }
  | { kind: 'token-link'; perIp: RateLimit }
  | { kind: 'signed-in' }
  | { kind: 'local-or-signed-in' }
  | { kind: 'permission'; permission: Permission };
export const ROUTE_ACCESS = 'rapport:route-access';

/** Anyone, signed in or not (health, sign-in, invitation links, the buyers' pages). */
export const Public = () => SetMetadata(ROUTE_ACCESS, { kind: 'public' } satisfies RouteAccess);

/**
 * A provider's webhook: public, and exempt from the CSRF token because no browser session is involved;
 * the handler must verify the provider's signature over the raw body before it stores anything. Each
 * client address gets `perIp` requests (signed or not) before it is answered 429.
 */
export const SignedWebhook = (perIp: RateLimit) =>
  SetMetadata(ROUTE_ACCESS, { kind: 'signed-webhook', perIp } satisfies RouteAccess);

/**
 * A buyer's link from an email (unsubscribe, answer): public, and exempt from the CSRF token because the
 * unguessable token in the URL is the authority, and mail clients post one-click unsubscribes themselves.
 * Each client address gets `perIp` requests (valid tokens or not) before it is answered 429.
 */
export const TokenLink = (perIp: RateLimit) =>
  SetMetadata(ROUTE_ACCESS, { kind: 'token-link', perIp } satisfies RouteAccess);

/** Any person signed in to the console, whatever their role (their own profile and sessions). */
export const SignedIn = () => SetMetadata(ROUTE_ACCESS, { kind: 'signed-in' } satisfies RouteAccess);

/**
 * A client on this machine (a loopback address, judged from the connection or a trusted proxy's header),
 * or a person signed in to the console; anyone else is answered 401. The handler reads which of the two
 * it is (`CurrentViewer`) and shows the signed-in person only what is theirs.
 */
export const LocalOrSignedIn = () =>
  SetMetadata(ROUTE_ACCESS, { kind: 'local-or-signed-in' } satisfies RouteAccess);

/** A member of the active business whose role grants `permission`, or an API key with that scope. */
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

/** The verified person; an API key calling a person's route is refused. */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): UserPrincipal => {
  const principal = principalOf(context);
  if (principal.kind !== 'user')
    throw new ForbiddenError('This route is for people signed in to the console');
  return principal;
});

/** Who reads a `LocalOrSignedIn()` route: this machine (sees everything), or a signed-in person. */
export type Viewer = { kind: 'local' } | UserPrincipal;

export const CurrentViewer = createParamDecorator((_: unknown, context: ExecutionContext): Viewer => {
  const request = context.switchToHttp().getRequest<FastifyRequest & RequestWithPrincipal>();
  if (isLoopbackAddress(clientInfoOf(request).ip)) return { kind: 'local' };
  if (request.principal?.kind === 'user') return request.principal;
  throw new UnauthenticatedError();
});

/**
 * The tenant id from the verified session or API key: never from a header, path or body. Throws rather
 * than fall back when there is none, so a handler cannot run tenant work without a tenant.
 */
export const CurrentTenant = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const principal = principalOf(context);
  if (!principal.tenantId) throw new NoActiveBusinessError();
  return principal.tenantId;
});
