import { Injectable } from '@nestjs/common';
import { TenantDatabase } from '../tenancy/tenant-database';
import { DevMailboxRepository } from './dev-mailbox.repository';
import { MailTransport, type OutgoingMail, type SentMail } from './mail-transport';
import { execute } from '../database/query-rows';

/** Keeps every email in the database instead of sending it, like a local mail catcher. */
@Injectable()
export class DevMailboxTransport extends MailTransport {
  constructor(
    private readonly database: TenantDatabase,
    private readonly devMailbox: DevMailboxRepository,
  ) {
    super();
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    // An email of a business names it, as follow-ups do; Rapport's own emails do not.
    const tenantId = mail.customArgs?.['tenant_id'] ?? null;
    const saved = await this.devMailbox.add({
      from: mail.from,
      to: mail.to.trim().toLowerCase(),
      replyTo: mail.replyTo ?? null,
      subject: mail.subject,
      html: withInlineImages(mail),
      text: mail.text,
      headers: mail.headers ?? {},
      category: mail.category,
      senderTenantId: tenantId,
      createdAt: mail.sentAt ?? null,
    });
    // It is also kept where that business's console reads it, under its own row-level security.
    if (tenantId) {
      await this.database.transaction(tenantId, (manager) =>
        execute(
          manager,
          `INSERT INTO mailbox_emails (tenant_id, message_id, to_address, subject, html, text, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, coalesce($7, now()))`,
          [
            tenantId,
            mail.customArgs?.['message_id'] ?? null,
            saved.to,
            saved.subject,
            saved.html,
            saved.text,
            mail.sentAt ?? null,
          ],
        ),
      );
    }
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
