import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { CustomersModule } from '../customers/customers.module';
import { OutboxModule } from '../outbox/outbox.module';
import { PromoterAnswers } from '../answers/promoter-answers';
import { ReferralsController } from './referrals.controller';
import { ReferralsRepository } from './referrals.repository';
import { ReferralsService } from './referrals.service';

/** Asking promoters to recommend the business, knowing who came through whom, and saying thank you. */
@Module({
  imports: [AccountsModule, CustomersModule, OutboxModule],
  controllers: [ReferralsController],
  providers: [
    ReferralsRepository,
    ReferralsService,
    { provide: PromoterAnswers, useExisting: ReferralsService },
  ],
  exports: [ReferralsRepository, ReferralsService, PromoterAnswers],
})
export class ReferralsModule {}
