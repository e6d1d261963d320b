import { Module } from '@nestjs/common';
import { CaseOpener } from '../cases/case-opener';
import { AnswersInboxController } from './answers-inbox.controller';
import { AnswersController } from './answers.controller';
import { AnswersRepository } from './answers.repository';
import { AnswersService } from './answers.service';
import { FeedbackSettingsController } from './feedback-settings.controller';
import { HoneypotController } from './honeypot.controller';
import { OutboxModule } from '../outbox/outbox.module';
import { CaseRecordsModule } from '../cases/case-records.module';
import { AccountsModule } from '../accounts/accounts.module';

/** The buyer's answer page, the hidden scanner link, and the inbox of answers; a low answer opens a case. */
@Module({
  imports: [OutboxModule, CaseRecordsModule, AccountsModule],
  controllers: [AnswersController, HoneypotController, AnswersInboxController, FeedbackSettingsController],
  providers: [AnswersService, AnswersRepository, CaseOpener],
  exports: [AnswersRepository, CaseOpener],
})
export class AnswersModule {}
