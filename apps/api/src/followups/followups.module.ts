import { Module } from '@nestjs/common';
import { AutomationsRepository } from './automations.repository';
import { DeliveryEventsController } from './delivery-events.controller';
import { DeliveryEventsService } from './delivery-events.service';
import { FollowUpDispatcher } from './follow-up-dispatcher';
import { FollowUpPlanner } from './follow-up-planner';
import { UnsubscribeController } from './unsubscribe.controller';
import { UnsubscribeService } from './unsubscribe.service';

/** Automations, the outbox of planned follow-ups, their dispatch and the unsubscribe link. */
@Module({
  controllers: [UnsubscribeController, DeliveryEventsController],
  providers: [
    AutomationsRepository,
    FollowUpPlanner,
    FollowUpDispatcher,
    UnsubscribeService,
    DeliveryEventsService,
  ],
  exports: [AutomationsRepository],
})
export class FollowUpsModule {}
