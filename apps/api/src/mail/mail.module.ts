import { Global, Module } from '@nestjs/common';
import { AccountEmails } from './account-emails';
import { DevMailboxController } from './dev-mailbox.controller';
import { DevMailboxRepository } from './dev-mailbox.repository';
import { DevMailboxTransport } from './dev-mailbox.transport';
import { MailTransport } from './mail-transport';
import { MailboxController } from './mailbox.controller';
import { SenderStatus } from './sender-status';
import { SendGridTransport } from './sendgrid.transport';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { MailboxRepository } from './mailbox.repository';

@Global()
@Module({
  controllers: [DevMailboxController, MailboxController],
  providers: [
    DevMailboxTransport,
    {
      provide: MailTransport,
      // SendGrid when a key is configured; otherwise every email stays in the development mailbox.
      useFactory: (config: AppConfig, devMailbox: DevMailboxTransport) =>
        config.mail.sendGridApiKey ? new SendGridTransport(config) : devMailbox,
      inject: [APP_CONFIG, DevMailboxTransport],
    },
    AccountEmails,
    SenderStatus,
    DevMailboxRepository,
    MailboxRepository,
  ],
  exports: [MailTransport, AccountEmails, SenderStatus, DevMailboxRepository, DevMailboxTransport],
})
export class MailModule {}
