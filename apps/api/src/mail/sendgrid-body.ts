import type { OutgoingMail } from './mail-transport';

interface Address {
  email: string;
  name?: string;
}

/** `"Name" <email>`, `Name <email>` or a bare address, as SendGrid's address objects. */
export function parseAddress(value: string): Address {
  const match = /^\s*(?:"([^"]*)"|([^<]*?))\s*<([^<>]+)>\s*$/.exec(value);
  if (!match) return { email: value.trim() };
  const name = (match[1] ?? match[2] ?? '').trim();
  const email = (match[3] ?? '').trim();
  return name ? { email, name } : { email };
}

/**
 * The JSON body of SendGrid's v3 `POST /v3/mail/send` for one email. Built directly rather than through
 * `@sendgrid/mail`'s helper, which deep-clones and re-cases every field of every email (about a tenth
 * of the dispatcher's time per message).
 */
export function sendGridMailBody(mail: OutgoingMail): Record<string, unknown> {
  return {
    personalizations: [{ to: [parseAddress(mail.to)] }],
    from: parseAddress(mail.from),
    ...(mail.replyTo ? { reply_to: parseAddress(mail.replyTo) } : {}),
    subject: mail.subject,
    // SendGrid requires text/plain first when both are present.
    content: [
      { type: 'text/plain', value: mail.text },
      { type: 'text/html', value: mail.html },
    ],
    ...(mail.headers && Object.keys(mail.headers).length > 0 ? { headers: mail.headers } : {}),
    ...(mail.customArgs ? { custom_args: mail.customArgs } : {}),
    categories: [mail.category],
    ...(mail.inlineImages?.length
      ? {
          attachments: mail.inlineImages.map((image) => ({
            content: image.content.toString('base64'),
            filename: image.filename,
            type: image.type,
            disposition: 'inline',
            content_id: image.contentId,
          })),
        }
      : {}),
  };
}
