import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { AutomationsModule } from '../automations/automations.module';
import { AccountsModule } from '../accounts/accounts.module';
import { BusinessesController } from './businesses.controller';
import { BusinessesService } from './businesses.service';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { SignUpController } from './sign-up.controller';
import { SignUpRequestsRepository } from './sign-up-requests.repository';
import { SignUpService } from './sign-up.service';
import { TeamController } from './team.controller';
import { TeamService } from './team.service';
import { OutboxModule } from '../outbox/outbox.module';

/** Sign-up, a business's settings, its team and invitations. */
@Module({
  imports: [AccountsModule, AuthModule, AuditModule, AutomationsModule, OutboxModule],
  controllers: [BusinessesController, SignUpController, TeamController, InvitationsController],
  providers: [BusinessesService, SignUpService, SignUpRequestsRepository, TeamService, InvitationsService],
})
export class BusinessesModule {}
