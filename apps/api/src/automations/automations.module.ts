import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { AccountsModule } from '../accounts/accounts.module';
import { AuditModule } from '../audit/audit.module';
import { SurveysModule } from '../surveys/surveys.module';
import { TemplatesModule } from '../templates/templates.module';
import { AutomationsRepository } from './automations.repository';
import { DeliveryEventsController } from './delivery-events.controller';
import { DeliveryEventsService } from './delivery-events.service';
import { FollowUpDispatcher } from './follow-up-dispatcher';
import { FollowUpSender } from './follow-up-sender';
import { FollowUpPlanner } from './follow-up-planner';
import { InteractionPlanner } from './interaction-planner';
import { InteractionsModule } from '../interactions/interactions.module';
import { ReplayingBusinesses } from './replaying-businesses';
import { AutomationsController } from './automations.controller';
import { UnsubscribeController } from './unsubscribe.controller';
import { UnsubscribeService } from './unsubscribe.service';
import { OutboxModule } from '../outbox/outbox.module';
import { AutomationsService } from './automations.service';

/** Automations, the outbox of planned follow-ups, their dispatch and the unsubscribe link. */
@Module({
  imports: [
    AccountsModule,
    CustomersModule,
    InteractionsModule,
    TemplatesModule,
    SurveysModule,
    AuditModule,
    OutboxModule,
  ],
  controllers: [UnsubscribeController, DeliveryEventsController, AutomationsController],
  providers: [
    AutomationsRepository,
    AutomationsService,
    FollowUpPlanner,
    InteractionPlanner,
    ReplayingBusinesses,
    FollowUpDispatcher,
    FollowUpSender,
    UnsubscribeService,
    DeliveryEventsService,
  ],
  exports: [AutomationsRepository, FollowUpPlanner, InteractionPlanner, ReplayingBusinesses],
})
export class AutomationsModule {}
