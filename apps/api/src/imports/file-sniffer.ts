import { isUtf8 } from 'node:buffer';
import { dateOrderEvidence, type ImportEncoding } from '@rapport/domain';
import { getDecoder } from 'iconv-lite';

/** Enough of the start to tell a byte order mark, or UTF-16 without one, from the zero bytes of ASCII. */
const START_BYTES = 512;
/** The end of one piece is kept for the next, so a date cut between two pieces is still seen. */
const DATE_CARRY = 24;

/**
 * Looks at an uploaded file as it streams in, without keeping it: its encoding (a byte order mark first,
 * then whether every byte sequence is UTF-8, else Windows-1252, which Excel writes in Western Europe),
 * and what its `nn/nn/yyyy` dates say about the order of day and month.
 */
/** What reading a whole file told about it. */
export interface SniffedFile {
  encoding: ImportEncoding;
  dates: { dayFirst: boolean; monthFirst: boolean };
}

export class FileSniffer {
  private start = Buffer.alloc(0);
  private fixed: ImportEncoding | null = null;
  private isStarted = false;
  private readonly utf8 = new Utf8Check();
  private decoder: { write(piece: Buffer): string } | null = null;
  private tail = '';
  private dayFirst = false;
  private monthFirst = false;

  feed(piece: Buffer): void {
    if (!this.isStarted) {
      this.start = Buffer.concat([this.start, piece]);
      if (this.start.length >= START_BYTES) this.begin();
      return;
    }
    this.look(piece);
  }

  /** Call once the whole file went through `feed`. */
  finish(): SniffedFile {
    if (!this.isStarted) this.begin();
    const encoding = this.fixed ?? (this.utf8.end() ? 'utf-8' : 'windows-1252');
    return { encoding, dates: { dayFirst: this.dayFirst, monthFirst: this.monthFirst } };
  }

  private begin(): void {
    this.isStarted = true;
    this.fixed = fixedEncoding(this.start);
    if (this.fixed === 'utf-16le' || this.fixed === 'utf-16be') this.decoder = getDecoder(this.fixed);
    const start = this.start;
    this.start = Buffer.alloc(0);
    this.look(start);
  }

  private look(piece: Buffer): void {
    if (!this.fixed) this.utf8.feed(piece);
    if (this.dayFirst && this.monthFirst) return;
    // Digits and separators are the same bytes in UTF-8 and Windows-1252: latin1 reads both fast.
    const text = this.tail + (this.decoder ? this.decoder.write(piece) : piece.toString('latin1'));
    const evidence = dateOrderEvidence(text);
    this.dayFirst ||= evidence.dayFirst;
    this.monthFirst ||= evidence.monthFirst;
    this.tail = text.slice(-DATE_CARRY);
  }
}

/** The encoding the start of a file declares with a byte order mark, or shows by its zero bytes. */
function fixedEncoding(start: Buffer): ImportEncoding | null {
  if (start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf) return 'utf-8';
  if (start[0] === 0xff && start[1] === 0xfe) return 'utf-16le';
  if (start[0] === 0xfe && start[1] === 0xff) return 'utf-16be';
  // A header row of ASCII names in UTF-16 without a mark: every other byte is zero.
  const sample = start.subarray(0, START_BYTES - (START_BYTES % 2));
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index + 1 < sample.length; index += 2) {
    if (sample[index] === 0) evenZeros++;
    if (sample[index + 1] === 0) oddZeros++;
  }
  const pairs = Math.floor(sample.length / 2);
  if (pairs >= 2 && oddZeros >= pairs * 0.8 && evenZeros === 0) return 'utf-16le';
  if (pairs >= 2 && evenZeros >= pairs * 0.8 && oddZeros === 0) return 'utf-16be';
  return null;
}

/** Whether a stream of pieces is valid UTF-8 as a whole, a character possibly split between two pieces. */
class Utf8Check {
  private isValid = true;
  private carry = Buffer.alloc(0);

  feed(piece: Buffer): void {
    if (!this.isValid) return;
    let from = 0;
    if (this.carry.length > 0) {
      const missing = sequenceLength(this.carry[0] ?? 0) - this.carry.length;
      if (piece.length < missing) {
        this.carry = Buffer.concat([this.carry, piece]);
        return;
      }
      this.isValid = isUtf8(Buffer.concat([this.carry, piece.subarray(0, missing)]));
      this.carry = Buffer.alloc(0);
      from = missing;
    }
    const to = incompleteTailStart(piece, from);
    this.isValid &&= isUtf8(piece.subarray(from, to));
    this.carry = Buffer.from(piece.subarray(to));
  }

  end(): boolean {
    return this.isValid && this.carry.length === 0;
  }
}

function sequenceLength(lead: number): number {
  return lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
}

/** Where a multi-byte sequence that the piece does not finish begins (the piece's length if none). */
function incompleteTailStart(piece: Buffer, from: number): number {
  for (let index = piece.length - 1; index >= Math.max(from, piece.length - 3); index--) {
    const byte = piece[index] ?? 0;
    if (byte < 0x80) return piece.length;
    if (byte >= 0xc0) return piece.length - index < sequenceLength(byte) ? index : piece.length;
  }
  return piece.length;
}
