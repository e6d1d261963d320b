import { type ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { ValidationFailedError } from '../errors/app-error';
import { flattenValidationErrors } from '../errors/validation';
import { LoginDto } from './dto/login.dto';

/**
 * Passport's local strategy answers a malformed body with a bare 401; validating first gives the
 * caller the field and the reason, like every other route.
 */
@Injectable()
export class LocalLoginGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const body: unknown = context.switchToHttp().getRequest<{ body: unknown }>().body;
    const errors = await validate(plainToInstance(LoginDto, body ?? {}), {
      whitelist: true,
      forbidNonWhitelisted: true,
      stopAtFirstError: true,
    });
    if (errors.length > 0) throw new ValidationFailedError(flattenValidationErrors(errors));
    return (await super.canActivate(context)) as boolean;
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    if (error) throw error;
    if (!user) throw new ValidationFailedError([{ field: 'email', reason: 'is required' }]);
    return user;
  }
}
