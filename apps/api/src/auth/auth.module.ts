import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { AccountsModule } from '../accounts/accounts.module';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LocalStrategy } from './local.strategy';
import { PasswordHasher } from './password-hasher';
import { SessionsService } from './sessions.service';

@Module({
  imports: [PassportModule, AccountsModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    LocalStrategy,
    PasswordHasher,
    SessionsService,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [PasswordHasher, SessionsService],
})
export class AuthModule {}
