import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { CaseRecordsModule } from '../cases/case-records.module';
import { MailModule } from '../mail/mail.module';
import { MemberNoticesRepository } from './member-notices.repository';
import { MemberNotifier } from './member-notifier';
import { NoticeDetailsRepository } from './notice-details.repository';
import { NoticeMail } from './notice-mail';
import { NotificationPreferencesController } from './notification-preferences.controller';
import { NotificationPreferencesService } from './notification-preferences.service';
import { NotificationSettingsRepository } from './notification-settings.repository';

/** What each member hears of, and how: at once by email, in a daily summary, or not at all. */
@Module({
  imports: [AccountsModule, MailModule, CaseRecordsModule],
  controllers: [NotificationPreferencesController],
  providers: [
    NotificationSettingsRepository,
    MemberNoticesRepository,
    NoticeDetailsRepository,
    NoticeMail,
    MemberNotifier,
    NotificationPreferencesService,
  ],
})
export class NotificationsModule {}
