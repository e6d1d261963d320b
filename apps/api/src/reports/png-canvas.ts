import { crc32, deflateSync } from 'node:zlib';

export type Rgb = readonly [number, number, number];

/** 3x5 digits and signs, one row per string: enough to write a chart's values without a font engine. */
const GLYPHS: Record<string, readonly string[]> = {
  '0': ['111', '101', '101', '101', '111'],
  '1': ['010', '110', '010', '010', '111'],
  '2': ['111', '001', '111', '100', '111'],
  '3': ['111', '001', '111', '001', '111'],
  '4': ['101', '101', '111', '001', '001'],
  '5': ['111', '100', '111', '001', '111'],
  '6': ['111', '100', '111', '101', '111'],
  '7': ['111', '001', '010', '010', '010'],
  '8': ['111', '101', '111', '101', '111'],
  '9': ['111', '101', '111', '001', '111'],
  '-': ['000', '000', '111', '000', '000'],
  '+': ['000', '010', '111', '010', '000'],
  '.': ['000', '000', '000', '000', '010'],
  ' ': ['000', '000', '000', '000', '000'],
};

/**
 * A small RGB raster with the few drawing operations the report's charts need, encoded as PNG with Node's
 * zlib (filter 0 per row, one IDAT). Flat colours compress to a few kilobytes.
 */
export class PngCanvas {
  private readonly pixels: Buffer;

  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb = [255, 255, 255],
  ) {
    this.pixels = Buffer.alloc(width * height * 3);
    this.fillRect(0, 0, width, height, background);
  }

  fillRect(x: number, y: number, width: number, height: number, color: Rgb): void {
    const left = Math.max(0, Math.round(x));
    const top = Math.max(0, Math.round(y));
    const right = Math.min(this.width, Math.round(x + width));
    const bottom = Math.min(this.height, Math.round(y + height));
    for (let row = top; row < bottom; row += 1) {
      for (let column = left; column < right; column += 1) {
        const offset = (row * this.width + column) * 3;
        this.pixels[offset] = color[0];
        this.pixels[offset + 1] = color[1];
        this.pixels[offset + 2] = color[2];
      }
    }
  }

  /** A line `thickness` pixels wide, drawn as squares along its length. */
  line(x0: number, y0: number, x1: number, y1: number, thickness: number, color: Rgb): void {
    const steps = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0)));
    for (let step = 0; step <= steps; step += 1) {
      const x = x0 + ((x1 - x0) * step) / steps;
      const y = y0 + ((y1 - y0) * step) / steps;
      this.fillRect(x - thickness / 2, y - thickness / 2, thickness, thickness, color);
    }
  }

  /** Writes digits and signs with the 3x5 glyphs, `scale` pixels per dot, centred on `centerX`. */
  text(value: string, centerX: number, top: number, scale: number, color: Rgb): void {
    const glyphs = [...value].map((character) => GLYPHS[character] ?? GLYPHS[' ']);
    const width = glyphs.length * 4 * scale - scale;
    let left = centerX - width / 2;
    for (const glyph of glyphs) {
      glyph?.forEach((row, rowIndex) => {
        [...row].forEach((dot, columnIndex) => {
          if (dot === '1')
            this.fillRect(left + columnIndex * scale, top + rowIndex * scale, scale, scale, color);
        });
      });
      left += 4 * scale;
    }
  }

  toPng(): Buffer {
    const rowLength = this.width * 3;
    const raw = Buffer.alloc((rowLength + 1) * this.height);
    for (let row = 0; row < this.height; row += 1) {
      raw[row * (rowLength + 1)] = 0;
      this.pixels.copy(raw, row * (rowLength + 1) + 1, row * rowLength, (row + 1) * rowLength);
    }
    const header = Buffer.alloc(13);
    header.writeUInt32BE(this.width, 0);
    header.writeUInt32BE(this.height, 4);
    header[8] = 8; // bits per channel
    header[9] = 2; // truecolour, no alpha
    return Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(raw, { level: 9 })),
      chunk('IEND', Buffer.alloc(0)),
    ]);
  }
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(typed), 0);
  return Buffer.concat([length, typed, checksum]);
}
