import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-local';
import type { UserRow } from '../accounts/accounts.repository';
import { AuthService } from './auth.service';
import { clientInfoOf } from '../access/client-info';

/** Email + password sign-in, checked against the argon2id hash. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  validate(request: FastifyRequest, email: string, password: string): Promise<UserRow> {
    return this.auth.verifyCredentials(email, password, clientInfoOf(request));
  }
}
