import { type ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { ValidationFailedError } from '../errors/app-error';
import { validationErrorsOf } from '../errors/validation';
import { RATE_LIMITS } from '../rate-limit/rate-limits';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { clientInfoOf } from '../access/client-info';
import { LoginDto } from './dto/login.dto';

/**
 * Passport's local strategy answers a malformed body with a bare 401; validating first gives the
 * caller the field and the reason, like every other route.
 */
@Injectable()
export class LocalLoginGuard extends AuthGuard('local') {
  constructor(private readonly limiter: RateLimiter) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    await this.limiter.hit(RATE_LIMITS.loginPerIp, [clientInfoOf(request).ip]);
    const errors = validationErrorsOf(LoginDto, request.body ?? {});
    if (errors.length > 0) throw new ValidationFailedError(errors);
    return (await super.canActivate(context)) as boolean;
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    if (error) throw error;
    if (!user) throw new ValidationFailedError([{ field: 'email', reason: 'is required' }]);
    return user;
  }
}
