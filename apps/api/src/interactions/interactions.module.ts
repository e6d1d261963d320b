import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AuditModule } from '../audit/audit.module';
import { CustomersModule } from '../customers/customers.module';
import { OutboxModule } from '../outbox/outbox.module';
import { ReferralsModule } from '../referrals/referrals.module';
import { EnquiryFormController } from './enquiry-form.controller';
import { EnquiryFormService } from './enquiry-form.service';
import { EnquiryFormSettingsController } from './enquiry-form-settings.controller';
import { EnquiryFormsRepository } from './enquiry-forms.repository';
import { InteractionsController } from './interactions.controller';
import { InteractionsRepository } from './interactions.repository';
import { InteractionsService } from './interactions.service';
import { ReferralLinkController } from './referral-link.controller';

/** Enquiries, quotes and appointments, and each business's public enquiry form. */
@Module({
  imports: [AccountsModule, AuditModule, CustomersModule, OutboxModule, ReferralsModule],
  controllers: [
    InteractionsController,
    EnquiryFormController,
    EnquiryFormSettingsController,
    ReferralLinkController,
  ],
  providers: [InteractionsRepository, InteractionsService, EnquiryFormsRepository, EnquiryFormService],
  exports: [InteractionsRepository, InteractionsService],
})
export class InteractionsModule {}
