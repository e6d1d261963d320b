import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasPermission } from '@rapport/domain';
import type { FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthenticatedError } from '../errors/app-error';
import { AccountsRepository } from '../accounts/accounts.repository';
import { TenantDatabase } from '../tenancy/tenant-database';
import { ROUTE_ACCESS, type RouteAccess } from './access.decorators';
import type { Principal, RequestWithPrincipal } from './principal';
import { SESSION_COOKIE, SessionsService } from './sessions.service';

/**
 * Runs before every route. Deny by default: a route without an access declaration is refused, a
 * session is verified against the database, and the member's role is read inside the tenant's own
 * transaction, so a removed member loses access on their next request.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly database: TenantDatabase,
    private readonly accounts: AccountsRepository,
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
    if (access.kind === 'public') return true;

    const request = context.switchToHttp().getRequest<FastifyRequest & RequestWithPrincipal>();
    const principal = await this.authenticate(request);
    if (!principal) throw new UnauthenticatedError();
    request.principal = principal;

    if (access.kind === 'permission') {
      if (!principal.role || !hasPermission(principal.role, access.permission)) throw new ForbiddenError();
    }
    return true;
  }

  private async authenticate(request: FastifyRequest): Promise<Principal | null> {
    const token = request.cookies?.[SESSION_COOKIE];
    if (!token) return null;
    const session = await this.sessions.resolve(token);
    if (!session) return null;
    const tenantId = session.activeTenantId;
    const role = tenantId
      ? await this.database.transaction(tenantId, (manager) => this.accounts.roleOf(manager, session.userId))
      : null;
    return { userId: session.userId, sessionId: session.id, tenantId: role ? tenantId : null, role };
  }
}
