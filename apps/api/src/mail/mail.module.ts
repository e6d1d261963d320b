import { Global, Module } from '@nestjs/common';
import { AccountEmails } from './account-emails';
import { DevMailboxController } from './dev-mailbox.controller';
import { DevMailboxTransport } from './dev-mailbox.transport';
import { MailTransport } from './mail-transport';

@Global()
@Module({
  controllers: [DevMailboxController],
  providers: [{ provide: MailTransport, useClass: DevMailboxTransport }, AccountEmails],
  exports: [MailTransport, AccountEmails],
})
export class MailModule {}
