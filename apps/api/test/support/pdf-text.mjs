// Opens a PDF with pdf.js (as a viewer would) and prints its page count and text as JSON. Run as a child
// process: pdf.js is an ES module that Jest's CommonJS specs cannot import.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const data = new Uint8Array(readFileSync(process.argv[2]));
const fonts = join(
  dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')),
  'standard_fonts/',
);
const document = await getDocument({
  data,
  standardFontDataUrl: fonts,
  useSystemFonts: false,
  isEvalSupported: false,
}).promise;
const pages = [];
for (let number = 1; number <= document.numPages; number += 1) {
  const page = await document.getPage(number);
  const content = await page.getTextContent();
  pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
}
process.stdout.write(JSON.stringify({ pages: document.numPages, text: pages.join('\n') }));
