import { Module } from '@nestjs/common';
import { AccountsRepository } from './accounts.repository';
import { PasswordHasher } from './password-hasher';
import { PasswordPolicy } from './password-policy';
import { BusinessSettingsRepository } from './business-settings.repository';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InvitationsRepository } from './invitations.repository';
import { MembershipEntity } from './membership.entity';
import { TenantEntity } from './tenant.entity';

/** Users, businesses and memberships at the data level, shared by sign-in and the team features. */
@Module({
  // The app reads and writes these tables through its repositories; the two entities stay registered for the
  // tenancy spec, which also checks isolation through TypeORM's own repository API (docs/adr/0007-typed-sql.md).
  imports: [TypeOrmModule.forFeature([TenantEntity, MembershipEntity])],
  providers: [
    AccountsRepository,
    BusinessSettingsRepository,
    InvitationsRepository,
    PasswordHasher,
    PasswordPolicy,
  ],
  exports: [
    AccountsRepository,
    BusinessSettingsRepository,
    InvitationsRepository,
    PasswordHasher,
    PasswordPolicy,
  ],
})
export class AccountsModule {}
