import { FileSniffer } from './file-sniffer';

/** Feeds a file in pieces of `size` bytes, as a request body arrives. */
function sniff(file: Buffer, size: number): ReturnType<FileSniffer['finish']> {
  const sniffer = new FileSniffer();
  for (let at = 0; at < file.length; at += size) sniffer.feed(file.subarray(at, at + size));
  return sniffer.finish();
}

const GERMAN = 'Name;Stadt\r\nJürgen Müller;Köln\r\n';
const WINDOWS_1252 = Buffer.from([
  ...Buffer.from('Name;Preis\r\nJ', 'latin1'),
  0xfc, // ü
  ...Buffer.from('rgen;12,50 ', 'latin1'),
  0x80, // € (only in Windows-1252, not in ISO 8859-1)
  0x0d,
  0x0a,
]);

describe('telling an upload apart', () => {
  it.each([
    [
      'UTF-8 with a byte order mark',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(GERMAN)]),
      'utf-8',
    ],
    ['UTF-8 without one', Buffer.from(GERMAN), 'utf-8'],
    [
      'UTF-16 LE with a mark',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GERMAN, 'utf16le')]),
      'utf-16le',
    ],
    [
      'UTF-16 BE with a mark',
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(GERMAN, 'utf16le').swap16()]),
      'utf-16be',
    ],
    ['UTF-16 LE without one', Buffer.from(GERMAN, 'utf16le'), 'utf-16le'],
    ['Windows-1252', WINDOWS_1252, 'windows-1252'],
  ])('reads %s as %s, in any size of pieces', (_what, file, encoding) => {
    for (const size of [1, 2, 3, 7, 64 * 1024]) expect(sniff(file, size).encoding).toBe(encoding);
  });

  it('takes UTF-8 only when the whole file is, however late the first other byte comes', () => {
    const late = Buffer.concat([
      Buffer.from(`Name\n${'Ana\n'.repeat(100_000)}`),
      Buffer.from([0x4d, 0xfc, 0x6c, 0x0a]),
    ]);
    expect(sniff(late, 64 * 1024).encoding).toBe('windows-1252');
    expect(sniff(Buffer.from([0x41, 0xc3]), 1).encoding).toBe('windows-1252');
  });

  it.each([
    ['Date\n03/04/2026\n25/04/2026\n', { dayFirst: true, monthFirst: false }],
    ['Date\n03/04/2026\n04/25/2026\n', { dayFirst: false, monthFirst: true }],
    ['Date\n03/04/2026\n2026-04-25\n', { dayFirst: false, monthFirst: false }],
  ])('finds what the dates of %j say about day and month, split anywhere', (text, dates) => {
    for (const size of [1, 5, 1024]) expect(sniff(Buffer.from(text), size).dates).toEqual(dates);
    expect(sniff(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 3).dates).toEqual(
      dates,
    );
  });
});
