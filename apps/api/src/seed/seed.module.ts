import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { CaseRecordsModule } from '../cases/case-records.module';
import { CasesModule } from '../cases/cases.module';
import { AutomationsModule } from '../automations/automations.module';
import { OrdersModule } from '../orders/orders.module';
import { SurveysModule } from '../surveys/surveys.module';
import { TemplatesModule } from '../templates/templates.module';
import { DemoHistory } from './demo-history';
import { DemoRecords } from './demo-records';
import { DemoSeeder } from './demo-seeder';
import { OutboxModule } from '../outbox/outbox.module';
import { ReferralsModule } from '../referrals/referrals.module';
import { AnswerRecordsModule } from '../answers/answer-records.module';

@Module({
  imports: [
    AccountsModule,
    OrdersModule,
    AutomationsModule,
    OutboxModule,
    CasesModule,
    CaseRecordsModule,
    TemplatesModule,
    SurveysModule,
    ReferralsModule,
    AnswerRecordsModule,
  ],
  providers: [DemoSeeder, DemoHistory, DemoRecords],
  exports: [DemoSeeder],
})
export class SeedModule {}
