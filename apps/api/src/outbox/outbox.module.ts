import { Module } from '@nestjs/common';
import { MessagesRepository } from './messages.repository';
import { OutboxRepository } from './outbox.repository';

/**
 * The `messages` outbox: the one module that writes it (OutboxRepository, and the dispatcher's batch
 * statements beside it) and reads it for the console (MessagesRepository). Features that plan, cancel or
 * show follow-ups import it; it imports no feature.
 */
@Module({
  providers: [MessagesRepository, OutboxRepository],
  exports: [MessagesRepository, OutboxRepository],
})
export class OutboxModule {}
