import { Global, Module } from '@nestjs/common';
import { BusinessEventsRepository } from './business-events.repository';
import { EventLog } from './event-log';

/** What happened in each business, for every feature to record and the webhooks to deliver. */
@Global()
@Module({
  providers: [BusinessEventsRepository, EventLog],
  exports: [BusinessEventsRepository, EventLog],
})
export class EventsModule {}
