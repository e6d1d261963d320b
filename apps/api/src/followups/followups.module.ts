import { Module } from '@nestjs/common';
import { AutomationsRepository } from './automations.repository';
import { FollowUpDispatcher } from './follow-up-dispatcher';
import { FollowUpPlanner } from './follow-up-planner';
import { UnsubscribeController } from './unsubscribe.controller';
import { UnsubscribeService } from './unsubscribe.service';

/** Automations, the outbox of planned follow-ups, their dispatch and the unsubscribe link. */
@Module({
  controllers: [UnsubscribeController],
  providers: [AutomationsRepository, FollowUpPlanner, FollowUpDispatcher, UnsubscribeService],
  exports: [AutomationsRepository],
})
export class FollowUpsModule {}
