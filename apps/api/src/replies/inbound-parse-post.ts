import { Readable } from 'node:stream';
import { type InboundEmail, readInboundEmail } from './inbound-form';

/** What a mail client sends when someone answers an email: who answers, to which address, and what. */
export interface ReplyToEmail {
  /** The person answering (the original email's recipient). */
  from: string;
  /** The original email's Reply-To address. */
  to: string;
  subject: string;
  /** When the original email was sent and by whom, for the quoted part under the answer. */
  original: { sentAt: Date; from: string; text: string };
  text: string;
}

/**
 * A reply as SendGrid Inbound Parse would post it (multipart/form-data with the envelope, the headers' To,
 * From and Subject, and a text part quoting the original under an attribution line, as mail clients
 * write it), read back by the same reader the Inbound Parse route uses. Trying a reply this way goes
 * through the whole inbound path: parsing, quote stripping, routing by the reply address.
 */
export async function inboundParsePost(reply: ReplyToEmail): Promise<InboundEmail> {
  const quoted = reply.original.text
    .split(/\r?\n/)
    .map((line) => `> ${line}`)
    .join('\n');
  const form = new FormData();
  form.set('to', reply.to);
  form.set('from', reply.from);
  form.set('subject', /^re:/i.test(reply.subject) ? reply.subject : `Re: ${reply.subject}`);
  form.set(
    'text',
    `${reply.text}\n\nOn ${reply.original.sentAt.toUTCString()}, ${reply.original.from} wrote:\n${quoted}\n`,
  );
  form.set('envelope', JSON.stringify({ to: [reply.to], from: reply.from }));
  form.set('charsets', JSON.stringify({ to: 'UTF-8', from: 'UTF-8', subject: 'UTF-8', text: 'UTF-8' }));
  // The platform's own multipart encoder writes the body and its boundary, as a client library would.
  const encoded = new Request('http://inbound.invalid/', { method: 'POST', body: form });
  const contentType = encoded.headers.get('content-type') ?? '';
  const body = Buffer.from(await encoded.arrayBuffer());
  return readInboundEmail(Readable.from([body]), contentType);
}
