import { Module } from '@nestjs/common';
import { CasesRepository } from './cases.repository';

/**
 * The `cases` and `case_entries` tables: CasesRepository is the one code that writes them. Answers (which
 * open a case), replies (which reopen one) and case work import it; it imports no feature.
 */
@Module({
  providers: [CasesRepository],
  exports: [CasesRepository],
})
export class CaseRecordsModule {}
