import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { FollowUpsModule } from '../followups/followups.module';
import { AccountsModule } from './accounts.module';
import { BusinessesController } from './businesses.controller';
import { BusinessesService } from './businesses.service';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { TeamController } from './team.controller';
import { TeamService } from './team.service';

/** Sign-up, a business's settings, its team and invitations. */
@Module({
  imports: [AccountsModule, AuthModule, AuditModule, FollowUpsModule],
  controllers: [BusinessesController, TeamController, InvitationsController],
  providers: [BusinessesService, TeamService, InvitationsService],
})
export class BusinessesModule {}
