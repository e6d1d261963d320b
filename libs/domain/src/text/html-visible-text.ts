/** Elements whose content a reader never sees as text. */
const HIDDEN_ELEMENTS: readonly { name: string; opens: RegExp }[] = ['head', 'style', 'script', 'title'].map(
  (name) => ({ name, opens: new RegExp(`^${name}\\b`, 'i') }),
);

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** Elements that end a line where they close (or, for br, where they stand). */
const LINE_BREAKING = /^\/?(br|p|div|h[1-6]|tr|li|blockquote)\b/i;

function decodeEntity(name: string): string | undefined {
  if (name.startsWith('#x') || name.startsWith('#X')) return codePoint(Number.parseInt(name.slice(2), 16));
  if (name.startsWith('#')) return codePoint(Number.parseInt(name.slice(1), 10));
  return ENTITIES[name.toLowerCase()];
}

function codePoint(value: number): string | undefined {
  // A NUL or a surrogate half would make text the database refuses; such references are read as written.
  if (!Number.isInteger(value) || value < 1 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff))
    return undefined;
  return String.fromCodePoint(value);
}

/**
 * The text a person reads in an email's HTML part: tags dropped, the head, styles and scripts with their
 * content, line-ending elements as new lines, the common character references decoded. One pass over the
 * input, each character looked at a bounded number of times: replies come from anyone, and a pattern like
 * `/<[^>]+>/g` takes quadratic time on half a million unclosed `<`.
 */
export function htmlVisibleText(html: string): string {
  const lower = html.toLowerCase();
  const out: string[] = [];
  let index = 0;
  while (index < html.length) {
    const open = html.indexOf('<', index);
    const textEnd = open === -1 ? html.length : open;
    if (textEnd > index) out.push(decodeReferences(html.slice(index, textEnd)));
    if (open === -1) break;
    if (html.startsWith('<!--', open)) {
      const close = html.indexOf('-->', open + 4);
      index = close === -1 ? html.length : close + 3;
      continue;
    }
    const close = html.indexOf('>', open + 1);
    // No `>` anywhere after this `<`: nothing later can be a tag, so the rest is text as written.
    if (close === -1) {
      out.push(decodeReferences(html.slice(open)));
      break;
    }
    const tag = html.slice(open + 1, close);
    if (!/^[a-z/!?]/i.test(tag)) {
      out.push(decodeReferences(html.slice(open, close + 1)));
      index = close + 1;
      continue;
    }
    if (LINE_BREAKING.test(tag)) out.push('\n');
    const hidden = HIDDEN_ELEMENTS.find((element) => element.opens.test(tag));
    if (hidden) {
      const end = lower.indexOf(`</${hidden.name}`, close + 1);
      const endClose = end === -1 ? -1 : html.indexOf('>', end);
      index = endClose === -1 ? html.length : endClose + 1;
      continue;
    }
    index = close + 1;
  }
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function decodeReferences(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
    return decodeEntity(name) ?? whole;
  });
}
