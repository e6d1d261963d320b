import { Module } from '@nestjs/common';
import { AccountsRepository } from './accounts.repository';
import { PasswordHasher } from './password-hasher';
import { PasswordPolicy } from './password-policy';
import { BusinessSettingsRepository } from './business-settings.repository';

/** Users, businesses and memberships at the data level, shared by sign-in and the team features. */
@Module({
  providers: [AccountsRepository, BusinessSettingsRepository, PasswordHasher, PasswordPolicy],
  exports: [AccountsRepository, BusinessSettingsRepository, PasswordHasher, PasswordPolicy],
})
export class AccountsModule {}
