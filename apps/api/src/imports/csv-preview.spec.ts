import { detectDelimiter, previewCsv } from './csv-preview';

describe('CSV preview', () => {
  it.each([
    ['email,name,phone', ','],
    ['email;name;"a,b"', ';'],
    ['email\tname', '\t'],
  ])('detects the separator of %p', (line, delimiter) => {
    expect(detectDelimiter(line)).toBe(delimiter);
  });

  it('reads headers, types and rows, with a BOM, quoted commas and newlines', () => {
    const file = Buffer.from(
      '\uFEFFEmail;Name;Total\r\nana@example.com;"López, Ana";12,50\r\nbo@example.com;"Bo\nBrown";3\r\n',
    );
    expect(previewCsv(file)).toEqual({
      delimiter: ';',
      columns: [
        { header: 'Email', type: 'email' },
        { header: 'Name', type: 'text' },
        { header: 'Total', type: 'number' },
      ],
      rows: [
        ['ana@example.com', 'López, Ana', '12,50'],
        ['bo@example.com', 'Bo\nBrown', '3'],
      ],
    });
  });

  it('reads the start of a file in its encoding, and shows cells that could not be stored', () => {
    const file = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('Name\tNote\r\nJürgen\tx\u0000y\r\n', 'utf16le'),
    ]);
    expect(previewCsv(file, 'utf-16le')).toMatchObject({
      delimiter: '\t',
      rows: [['Jürgen', 'x\\u0000y']],
    });
    expect(
      previewCsv(
        Buffer.from([0x4e, 0x61, 0x6d, 0x65, 0x0a, 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x0a]),
        'windows-1252',
      ).rows,
    ).toEqual([['Müller']]);
  });

  it('drops a row cut off by the end of the sample', () => {
    const preview = previewCsv(Buffer.from('email,name\na@b.co,Ana\nc@d.co,Car'));
    expect(preview.rows).toEqual([['a@b.co', 'Ana']]);
  });

  it('shows the header and the rows before a row the parser cannot read, instead of no header at all', () => {
    const preview = previewCsv(
      Buffer.from(
        'Booking ID,Email,Start\nC1,c1@cc.com,2027-03-01\nC2,c2@cc.com,2027-03-02\n"C5",c5@cc.com,"2027-03-01 10:00"x\nC6,c6@cc.com,2027-03-03\n',
      ),
    );
    expect(preview.columns.map((column) => column.header)).toEqual(['Booking ID', 'Email', 'Start']);
    expect(preview.rows).toEqual([
      ['C1', 'c1@cc.com', '2027-03-01'],
      ['C2', 'c2@cc.com', '2027-03-02'],
    ]);
  });
});
