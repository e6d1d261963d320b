import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { FileSniffer, type SniffedFile } from './file-sniffer';

/** An uploaded file, whole on local disk, read once on its way in. */
export interface SpooledUpload {
  bytes: number;
  /** The first bytes, for the preview. */
  head: Buffer;
  sniffed: SniffedFile;
  /** The file again, in pieces of at most `chunkBytes`, from the start. */
  chunks(chunkBytes: number): AsyncIterable<Buffer>;
  discard(): Promise<void>;
}

export class UploadTooLargeError extends Error {}

/**
 * Takes an upload off the network onto local disk before anything touches the database. A slow sender
 * (a phone on a poor line, or someone trickling bytes on purpose) then holds a socket and a file, never a
 * database connection: ten such uploads used to hold ten transactions open and leave every business
 * without a connection.
 */
export async function spoolUpload(
  body: Readable,
  limits: { maxBytes: number; headBytes: number },
): Promise<SpooledUpload> {
  const directory = await mkdtemp(join(tmpdir(), 'rapport-upload-'));
  const path = join(directory, 'file');
  const discard = () => rm(directory, { recursive: true, force: true });
  try {
    const file = createWriteStream(path);
    const sniffer = new FileSniffer();
    let bytes = 0;
    let head = Buffer.alloc(0);
    try {
      for await (const piece of body as AsyncIterable<Buffer>) {
        bytes += piece.length;
        if (bytes > limits.maxBytes) throw new UploadTooLargeError();
        if (head.length < limits.headBytes)
          head = Buffer.concat([head, piece.subarray(0, limits.headBytes - head.length)]);
        sniffer.feed(piece);
        if (!file.write(piece)) await new Promise<void>((resolve) => file.once('drain', () => resolve()));
      }
    } finally {
      file.end();
      await finished(file);
    }
    return {
      bytes,
      head,
      sniffed: sniffer.finish(),
      chunks: (chunkBytes) => createReadStream(path, { highWaterMark: chunkBytes }),
      discard,
    };
  } catch (error) {
    await discard();
    throw error;
  }
}
