import { Module } from '@nestjs/common';
import { CaseOpener } from '../cases/case-opener';
import { AnswersInboxController } from './answers-inbox.controller';
import { AnswersController } from './answers.controller';
import { AnswersRepository } from './answers.repository';
import { AnswersService } from './answers.service';
import { HoneypotController } from './honeypot.controller';

/** The buyer's answer page, the hidden scanner link, and the inbox of answers; a low answer opens a case. */
@Module({
  controllers: [AnswersController, HoneypotController, AnswersInboxController],
  providers: [AnswersService, AnswersRepository, CaseOpener],
  exports: [AnswersRepository],
})
export class AnswersModule {}
