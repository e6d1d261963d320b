import { Module } from '@nestjs/common';
import { AnswersRepository } from './answers.repository';

/** Answers as other features read them (a case shows its answer): the repository alone. */
@Module({
  providers: [AnswersRepository],
  exports: [AnswersRepository],
})
export class AnswerRecordsModule {}
