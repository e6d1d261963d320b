import { inflateSync } from 'node:zlib';
import { PngCanvas } from './png-canvas';

/** Reads back the RGB pixel at (x, y) of a PNG this canvas wrote (one IDAT, filter 0 on every row). */
function pixelAt(png: Buffer, x: number, y: number): number[] {
  const width = png.readUInt32BE(16);
  const idatStart = png.indexOf('IDAT') + 4;
  const idatLength = png.readUInt32BE(idatStart - 8);
  const raw = inflateSync(png.subarray(idatStart, idatStart + idatLength));
  const offset = y * (width * 3 + 1) + 1 + x * 3;
  return [raw[offset] ?? -1, raw[offset + 1] ?? -1, raw[offset + 2] ?? -1];
}

describe('PngCanvas', () => {
  it('writes a PNG of its size with what was drawn on it', () => {
    const canvas = new PngCanvas(40, 20);
    canvas.fillRect(10, 5, 10, 10, [0, 105, 107]);
    canvas.text('7', 30, 2, 2, [179, 38, 30]);
    const png = canvas.toPng();
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([40, 20]);
    expect(pixelAt(png, 12, 8)).toEqual([0, 105, 107]);
    expect(pixelAt(png, 2, 2)).toEqual([255, 255, 255]);
    // The top bar of a 7, three dots wide, starts at 30 - 5/2 rounded: x 28 to 33 on rows 2 and 3.
    expect(pixelAt(png, 29, 2)).toEqual([179, 38, 30]);
    expect(png.toString('latin1')).toContain('IEND');
  });
});
