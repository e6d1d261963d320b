import { Module } from '@nestjs/common';
import { AnswersModule } from '../answers/answers.module';
import { CaseWork } from './case-work';
import { CasesController } from './cases.controller';
import { CasesRepository } from './cases.repository';

/** The cases of unhappy buyers, as staff work them. */
@Module({
  imports: [AnswersModule],
  controllers: [CasesController],
  providers: [CasesRepository, CaseWork],
  exports: [CaseWork],
})
export class CasesModule {}
