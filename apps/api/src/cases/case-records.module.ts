import { Module } from '@nestjs/common';
import { LowAnswers } from '../answers/low-answers';
import { CaseOpener } from './case-opener';
import { CasesRepository } from './cases.repository';

/**
 * The `cases` and `case_entries` tables: CasesRepository is the one code that writes them. It also opens the case of a
 * low answer (CaseOpener, provided as the answers' LowAnswers); replies and case work import it.
 */
@Module({
  providers: [CasesRepository, CaseOpener, { provide: LowAnswers, useExisting: CaseOpener }],
  exports: [CasesRepository, CaseOpener, LowAnswers],
})
export class CaseRecordsModule {}
