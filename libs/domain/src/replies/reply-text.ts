/** Lines that open the quoted history a mail client appends under a reply, in the four languages we send in. */
const HISTORY_STARTS: readonly RegExp[] = [
  /^On\b.*\bwrote:\s*$/i,
  /^Le\b.*\ba écrit\s*:\s*$/i,
  /^El\b.*\bescribió:\s*$/i,
  /^Am\b.*\bschrieb\b.*:\s*$/i,
  /^-{2,}\s*(Original Message|Mensaje original|Message d'origine|Ursprüngliche Nachricht)\s*-{2,}\s*$/i,
  /^_{10,}\s*$/,
  /^(From|De|Von):\s.+$/,
  /^>/,
];

/** Phone and webmail footers that say nothing the buyer wrote. */
const DEVICE_SIGNATURES: readonly RegExp[] = [
  /^Sent from my \w+/i,
  /^Enviado desde mi \w+/i,
  /^Envoyé de mon \w+/i,
  /^Von meinem \w+ gesendet/i,
  /^Get Outlook for \w+/i,
];

/**
 * Longest line that can be a client's "On ... wrote:" attribution or footer. Longer lines are the buyer's
 * text: testing them against the patterns above (two `.*` in the German one) takes quadratic time.
 */
const LONGEST_MARKER_LINE = 500;

/**
 * What the buyer wrote in a reply, without the quoted email under it or the signature after it. Mail
 * clients differ; this cuts at the first line that starts history (an "On ... wrote:" line, possibly folded
 * over two lines, an Outlook separator, a "From:" header block or a "> " quote) and at a "-- " signature.
 */
export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const trimmed = line.trim();
    if (trimmed.startsWith('>')) break;
    if (trimmed.length > LONGEST_MARKER_LINE) {
      kept.push(line);
      continue;
    }
    const folded = `${trimmed} ${(lines[index + 1] ?? '').trim()}`.slice(0, 2 * LONGEST_MARKER_LINE);
    if (HISTORY_STARTS.some((start) => start.test(trimmed))) break;
    // Gmail folds a long "On <date> <name> <address>" line before "wrote:".
    if (/^(On|Le|El|Am)\b/.test(trimmed) && HISTORY_STARTS.slice(0, 4).some((start) => start.test(folded)))
      break;
    if (line === '-- ' || trimmed === '--') break;
    if (DEVICE_SIGNATURES.some((signature) => signature.test(trimmed))) break;
    kept.push(line);
  }
  return kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** An address of a buyer's own page (answer, unsubscribe, the scanner trap), with its token and query. */
const BUYER_LINK = /\bhttps?:\/\/[^\s<>"'()]+\/api\/[auh]\/[A-Za-z0-9._~-]+(?:\?[^\s<>"'()]*)?/g;

/**
 * A reply as it is kept: the links of the email it quotes open the buyer's own pages (answer as them,
 * unsubscribe them), so whoever reads the reply later gets "[link]" in their place.
 */
export function withoutBuyerLinks(text: string): string {
  return text.replace(BUYER_LINK, '[link]');
}
