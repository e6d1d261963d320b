import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasPermission, type Permission } from '@rapport/domain';
import type { FastifyRequest } from 'fastify';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { isLoopbackAddress } from '../config/network-address';
import { ForbiddenError, UnauthenticatedError } from '../errors/app-error';
import { RATE_LIMITS } from '../rate-limit/rate-limits';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { ROUTE_ACCESS, type RouteAccess } from '../access/access.decorators';
import { clientInfoOf } from '../access/client-info';
import { assertCsrfToken, isCsrfExempt } from './csrf';
import type { Principal, RequestWithPrincipal } from '../access/principal';
import { SESSION_COOKIE, SessionsService } from './sessions.service';

/**
 * Runs before every route. Deny by default: a route without an access declaration is refused; a
 * state-changing request from a browser must carry the CSRF token; a session or API key is verified
 * against the database; a member's role is read inside the tenant's own transaction, so a removed member
 * loses access on their next request. Buyers' links and webhooks are counted per client address, and
 * every request made with an API key against that key, before any work is done for them.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly apiKeys: ApiKeysService,
    private readonly limiter: RateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!access) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} declares no access rule`);
      throw new ForbiddenError('This route is not available');
    }
    const request = context.switchToHttp().getRequest<FastifyRequest & RequestWithPrincipal>();
    if (access.kind === 'signed-webhook' || access.kind === 'token-link') {
      await this.limiter.hit(access.perIp, [clientInfoOf(request).ip]);
      return true;
    }
    if (!isCsrfExempt(request)) assertCsrfToken(request);
    if (access.kind === 'public') return true;
    if (access.kind === 'local-or-signed-in') {
      const principal = await this.authenticate(request);
      if (principal?.kind === 'user') request.principal = principal;
      if (!request.principal && !isLoopbackAddress(clientInfoOf(request).ip))
        throw new UnauthenticatedError();
      return true;
    }

    const principal = await this.authenticate(request);
    if (!principal) throw new UnauthenticatedError();
    if (principal.kind === 'api-key') await this.limiter.hit(RATE_LIMITS.apiKey, [principal.apiKeyId]);
    request.principal = principal;

    if (access.kind === 'signed-in' && principal.kind !== 'user') {
      throw new ForbiddenError('This route is for people signed in to the console');
    }
    if (access.kind === 'permission' && !isAllowed(principal, access.permission)) throw new ForbiddenError();
    return true;
  }

  private async authenticate(request: FastifyRequest): Promise<Principal | null> {
    const client = clientInfoOf(request);
    const authorization = request.headers.authorization;
    if (authorization) {
      const [scheme, token] = authorization.split(' ');
      return scheme?.toLowerCase() === 'bearer' && token
        ? this.apiKeys.authenticate(token.trim(), client)
        : null;
    }
    const token = request.cookies?.[SESSION_COOKIE];
    if (!token) return null;
    const session = await this.sessions.resolve(token);
    if (!session) return null;
    const { activeTenantId: tenantId, role } = session;
    return {
      kind: 'user',
      userId: session.userId,
      email: session.email,
      sessionId: session.id,
      tenantId: role ? tenantId : null,
      role,
      client,
    };
  }
}

function isAllowed(principal: Principal, permission: Permission): boolean {
  if (principal.kind === 'api-key') return (principal.scopes as readonly string[]).includes(permission);
  return principal.role !== null && hasPermission(principal.role, permission);
}
