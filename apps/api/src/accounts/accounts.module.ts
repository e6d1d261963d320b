import { Module } from '@nestjs/common';
import { AccountsRepository } from './accounts.repository';
import { PasswordHasher } from './password-hasher';
import { PasswordPolicy } from './password-policy';

/** Users, businesses and memberships at the data level, shared by sign-in and the team features. */
@Module({
  providers: [AccountsRepository, PasswordHasher, PasswordPolicy],
  exports: [AccountsRepository, PasswordHasher, PasswordPolicy],
})
export class AccountsModule {}
