import { Module } from '@nestjs/common';
import { AccountsRepository } from './accounts.repository';
import { PasswordHasher } from './password-hasher';
import { PasswordPolicy } from './password-policy';
import { BusinessSettingsRepository } from './business-settings.repository';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InvitationEntity } from './invitation.entity';
import { MembershipEntity } from './membership.entity';
import { TenantEntity } from './tenant.entity';
import { UserEntity } from './user.entity';

/** Users, businesses and memberships at the data level, shared by sign-in and the team features. */
@Module({
  imports: [TypeOrmModule.forFeature([TenantEntity, UserEntity, MembershipEntity, InvitationEntity])],
  providers: [AccountsRepository, BusinessSettingsRepository, PasswordHasher, PasswordPolicy],
  exports: [AccountsRepository, BusinessSettingsRepository, PasswordHasher, PasswordPolicy],
})
export class AccountsModule {}
