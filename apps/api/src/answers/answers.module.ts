import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { OutboxModule } from '../outbox/outbox.module';
import { AnswerRecordsModule } from './answer-records.module';
import { AnswersInboxController } from './answers-inbox.controller';
import { AnswersController } from './answers.controller';
import { AnswersService } from './answers.service';
import { FeedbackSettingsController } from './feedback-settings.controller';
import { HoneypotController } from './honeypot.controller';
import { ReviewClicksController } from './review-clicks.controller';

/**
 * The buyer's answer page, the hidden scanner link, and the inbox of answers. A low answer opens a case
 * through `LowAnswers`, and a promoter's answer asks for a recommendation through `PromoterAnswers`, which
 * the modules given here provide (the cases' records, referrals): the app wires them, so answers never
 * import the features built on them.
 */
@Module({})
export class AnswersModule {
  static opening(lowAnswers: Type<unknown>, promoterAnswers: Type<unknown>): DynamicModule {
    return {
      module: AnswersModule,
      imports: [OutboxModule, AccountsModule, AnswerRecordsModule, lowAnswers, promoterAnswers],
      controllers: [
        AnswersController,
        HoneypotController,
        AnswersInboxController,
        FeedbackSettingsController,
        ReviewClicksController,
      ],
      providers: [AnswersService],
    };
  }
}
