import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { AccountsModule } from '../accounts/accounts.module';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { AuditModule } from '../audit/audit.module';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LocalStrategy } from './local.strategy';
import { MeController } from './me.controller';
import { PasswordsService } from './passwords.service';
import { SessionsService } from './sessions.service';
import { SignInFailuresRepository } from './sign-in-failures.repository';
import { PasswordResetsRepository } from './password-resets.repository';
import { SessionsRepository } from './sessions.repository';

@Module({
  imports: [PassportModule, AccountsModule, ApiKeysModule, AuditModule],
  controllers: [AuthController, MeController],
  providers: [
    AuthService,
    LocalStrategy,
    SessionsService,
    PasswordsService,
    SignInFailuresRepository,
    SessionsRepository,
    PasswordResetsRepository,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [AuthService, SessionsService],
})
export class AuthModule {}
