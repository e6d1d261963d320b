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
          html: withInlineImages(mail),
          text: mail.text,
          headers: mail.headers ?? {},
          category: mail.category,
        }),
      );
    });
    return { providerMessageId: `dev-${saved.id}` };
  }
}

/**
 * The mailbox shows emails in the console, where `cid:` means nothing: inline images are written into the
 * stored HTML as data URLs, so the email looks as the recipient's mail client would show it.
 */
function withInlineImages(mail: OutgoingMail): string {
  let html = mail.html;
  for (const image of mail.inlineImages ?? []) {
    html = html
      .split(`cid:${image.contentId}`)
      .join(`data:${image.type};base64,${image.content.toString('base64')}`);
  }
  return html;
}
