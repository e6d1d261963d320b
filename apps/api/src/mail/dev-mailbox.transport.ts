import { Injectable } from '@nestjs/common';
import { TenantDatabase } from '../tenancy/tenant-database';
import { DevMailboxEntity } from './dev-mailbox.entity';
import { MailTransport, type OutgoingMail, type SentMail } from './mail-transport';

/** Keeps every email in the database instead of sending it, like a local mail catcher. */
@Injectable()
export class DevMailboxTransport extends MailTransport {
  constructor(private readonly database: TenantDatabase) {
    super();
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    const saved = await this.database.global((manager) => {
      const repository = manager.getRepository(DevMailboxEntity);
      return repository.save(
        repository.create({
          from: mail.from,
          to: mail.to.trim().toLowerCase(),
          replyTo: mail.replyTo ?? null,
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          headers: mail.headers ?? {},
          category: mail.category,
        }),
      );
    });
    return { providerMessageId: `dev-${saved.id}` };
  }
}
