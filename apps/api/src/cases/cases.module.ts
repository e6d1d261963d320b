import { Module } from '@nestjs/common';
import { AnswerRecordsModule } from '../answers/answer-records.module';
import { CaseWork } from './case-work';
import { CasesController } from './cases.controller';
import { OutboxModule } from '../outbox/outbox.module';
import { CaseRecordsModule } from './case-records.module';
import { AccountsModule } from '../accounts/accounts.module';

/** The cases of unhappy buyers, as staff work them. */
@Module({
  imports: [AnswerRecordsModule, OutboxModule, CaseRecordsModule, AccountsModule],
  controllers: [CasesController],
  providers: [CaseWork],
  exports: [CaseWork],
})
export class CasesModule {}
