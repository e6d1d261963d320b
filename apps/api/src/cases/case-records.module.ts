import { Module } from '@nestjs/common';
import { LowAnswers } from '../answers/low-answers';
import { CaseDeadlines } from './case-deadlines';
import { CaseOpener } from './case-opener';
import { CasesRepository } from './cases.repository';

/**
 * The `cases` and `case_entries` tables: CasesRepository is the one code that writes them. It also opens the case of a
 * low answer (CaseOpener, provided as the answers' LowAnswers); replies and case work import it.
 */
@Module({
  providers: [CasesRepository, CaseOpener, CaseDeadlines, { provide: LowAnswers, useExisting: CaseOpener }],
  exports: [CasesRepository, CaseOpener, CaseDeadlines, LowAnswers],
})
export class CaseRecordsModule {}
