import { parse } from 'csv-parse/sync';
import { detectColumnType, type ImportColumn, type ImportEncoding, printableCell } from '@rapport/domain';
import { decode } from 'iconv-lite';

export interface CsvPreview {
  delimiter: string;
  columns: ImportColumn[];
  rows: string[][];
}

const PREVIEW_ROWS = 10;
/** A preview cell is for the eye: longer ones are shortened. */
const PREVIEW_CELL = 500;

/** `,`, `;` or tab: whichever appears most in the header line outside quotes. */
export function detectDelimiter(firstLine: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let isQuoted = false;
  for (const character of firstLine) {
    if (character === '"') isQuoted = !isQuoted;
    else if (!isQuoted && counts.has(character)) counts.set(character, (counts.get(character) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? ',';
}

/**
 * The records before the first one the parser cannot read (a quoted field cut by the end of the sample, a
 * stray quote in a row): the preview shows what it can, and the import names the row it stops at.
 */
function readableStart(text: string, delimiter: string): string[][] {
  let toLine = PREVIEW_ROWS * 4 + 1;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, to_line: toLine });
    } catch (error) {
      const line = (error as { lines?: unknown }).lines;
      if (typeof line !== 'number' || line <= 1 || line - 1 >= toLine) return [];
      toLine = line - 1;
    }
  }
  return [];
}

/**
 * Headers, detected column types and the first rows, from the start of the file in its encoding. The
 * start may end in the middle of a row: only complete rows are shown. Headers are as in the file (the
 * mapping names them); cells are made printable, as they are only shown.
 */
export function previewCsv(head: Buffer, encoding: ImportEncoding = 'utf-8'): CsvPreview {
  const text = decode(head, encoding).replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(text.split(/\r\n|\r|\n/, 1)[0] ?? '');
  // Old Mac exports end lines with a lone CR; a sample cut inside a CRLF ends after its LF.
  const lastLineEnd = text.includes('\n') ? text.lastIndexOf('\n') : text.lastIndexOf('\r');
  const complete = lastLineEnd === -1 ? text : text.slice(0, lastLineEnd + 1);
  const records = readableStart(complete, delimiter).slice(0, PREVIEW_ROWS + 1);
  const [headers = [], ...rows] = records;
  return {
    delimiter,
    columns: headers.map((header, index) => ({
      header: header.trim(),
      type: detectColumnType(rows.map((row) => row[index] ?? '')),
    })),
    rows: rows.map((row) => row.map((cell) => printableCell(cell, PREVIEW_CELL))),
  };
}
