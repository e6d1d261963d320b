import { toSafeText } from '@rapport/domain';
import type { Readable } from 'node:stream';
import { Busboy, type BusboyInstance } from '@fastify/busboy';

/** The parts of an Inbound Parse post that Rapport reads; attachments are counted, not kept. */
export interface InboundEmail {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  /** The SMTP envelope (JSON `{"to": [...], "from": "..."}`): the address the reply was really sent to. */
  envelope: string;
  attachments: number;
  /** A text field longer than its limit was cut (the stored text says so). */
  isTruncated: boolean;
}

/** SendGrid posts at most 30 MB; Rapport keeps the text parts and reads no more than this in total. */
export const INBOUND_MAX_BYTES = 30 * 1024 * 1024;
const TEXT_FIELD_LIMIT = 1024 * 1024;
const KEPT_FIELDS = new Set(['to', 'from', 'subject', 'text', 'html', 'envelope']);

export class InboundTooLargeError extends Error {
  constructor() {
    super(`The email is larger than ${INBOUND_MAX_BYTES} bytes`);
  }
}

export class InboundMalformedError extends Error {}

/**
 * Reads a multipart Inbound Parse post as it streams in: the text fields it needs (each cut at 1 MB), every
 * attachment drained and counted. Nothing but those fields is held in memory.
 */
export function readInboundEmail(body: Readable, contentType: string): Promise<InboundEmail> {
  return new Promise((resolve, reject) => {
    const email: InboundEmail = {
      to: '',
      from: '',
      subject: '',
      text: '',
      html: '',
      envelope: '',
      attachments: 0,
      isTruncated: false,
    };
    let total = 0;
    let parser: BusboyInstance;
    try {
      parser = new Busboy({
        headers: { 'content-type': contentType },
        limits: { fieldSize: TEXT_FIELD_LIMIT, fields: 50, files: 50, fileSize: INBOUND_MAX_BYTES },
      });
    } catch (error) {
      reject(new InboundMalformedError(error instanceof Error ? error.message : 'not a multipart body'));
      return;
    }
    const fail = (error: Error): void => {
      body.unpipe(parser);
      body.resume();
      reject(error);
    };
    body.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > INBOUND_MAX_BYTES) fail(new InboundTooLargeError());
    });
    parser.on('field', (name, value, _nameTruncated, valueTruncated) => {
      if (!KEPT_FIELDS.has(name)) return;
      // A buyer's reply is kept whatever it holds: only what the database cannot store is dropped.
      email[name as 'to' | 'from' | 'subject' | 'text' | 'html' | 'envelope'] = toSafeText(value);
      if (valueTruncated) email.isTruncated = true;
    });
    parser.on('file', (_name, stream) => {
      email.attachments += 1;
      stream.resume();
    });
    parser.on('error', (error: unknown) =>
      fail(new InboundMalformedError(error instanceof Error ? error.message : String(error))),
    );
    parser.on('finish', () => resolve(email));
    body.pipe(parser);
  });
}
