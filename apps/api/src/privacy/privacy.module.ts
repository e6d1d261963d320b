import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AuditModule } from '../audit/audit.module';
import { OrdersModule } from '../orders/orders.module';
import { CustomersModule } from '../customers/customers.module';
import { PrivacyController } from './privacy.controller';
import { PrivacyService } from './privacy.service';
import { OutboxModule } from '../outbox/outbox.module';
import { CaseRecordsModule } from '../cases/case-records.module';
import { InteractionsModule } from '../interactions/interactions.module';
import { ReferralsModule } from '../referrals/referrals.module';

/** Export and erasure of one buyer, and the retention sweep. */
@Module({
  imports: [
    CustomersModule,
    OrdersModule,
    AccountsModule,
    AuditModule,
    OutboxModule,
    CaseRecordsModule,
    InteractionsModule,
    ReferralsModule,
  ],
  controllers: [PrivacyController],
  providers: [PrivacyService],
})
export class PrivacyModule {}
