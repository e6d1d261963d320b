import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import type { UserEntity } from '../accounts/user.entity';
import { AuthService } from './auth.service';

/** Email + password sign-in, checked against the argon2id hash. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password' });
  }

  validate(email: string, password: string): Promise<UserEntity> {
    return this.auth.verifyCredentials(email, password);
  }
}
