import { Module } from '@nestjs/common';
import { CaseOpener } from '../cases/case-opener';
import { AnswersInboxController } from './answers-inbox.controller';
import { AnswersController } from './answers.controller';
import { AnswersRepository } from './answers.repository';
import { AnswersService } from './answers.service';
import { FeedbackSettingsController } from './feedback-settings.controller';
import { HoneypotController } from './honeypot.controller';

/** The buyer's answer page, the hidden scanner link, and the inbox of answers; a low answer opens a case. */
@Module({
  controllers: [AnswersController, HoneypotController, AnswersInboxController, FeedbackSettingsController],
  providers: [AnswersService, AnswersRepository, CaseOpener],
  exports: [AnswersRepository, AnswersService],
})
export class AnswersModule {}
