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

  it('drops a row cut off by the end of the sample', () => {
    const preview = previewCsv(Buffer.from('email,name\na@b.co,Ana\nc@d.co,Car'));
    expect(preview.rows).toEqual([['a@b.co', 'Ana']]);
  });
});
