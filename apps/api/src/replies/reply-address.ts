/**
 * The Reply-To of every email to a buyer: `r-<business>-<message>@<reply domain>`, each id a UUID written in
 * base 36 (25 characters), so the local part (53 characters) stays under the 64 that addresses allow and
 * survives mail systems that lower-case it. The business is named in the address, so a reply is stored
 * inside that business without a look-up across businesses.
 */
export function replyAddress(tenantId: string, messageId: string, domain: string): string {
  return `r-${toBase36(tenantId)}-${toBase36(messageId)}@${domain}`;
}

const LOCAL_PART = /^r-([0-9a-z]{1,25})-([0-9a-z]{1,25})$/;

/** The business and message a reply address names, or null when it is not one of ours. */
export function parseReplyAddress(address: string): { tenantId: string; messageId: string } | null {
  const local = address.trim().toLowerCase().replace(/^.*</, '').replace(/>.*$/, '').split('@')[0] ?? '';
  const match = LOCAL_PART.exec(local);
  if (!match) return null;
  const tenantId = fromBase36(match[1] ?? '');
  const messageId = fromBase36(match[2] ?? '');
  return tenantId && messageId ? { tenantId, messageId } : null;
}

function toBase36(uuid: string): string {
  return BigInt(`0x${uuid.replace(/-/g, '')}`)
    .toString(36)
    .padStart(25, '0');
}

function fromBase36(text: string): string | null {
  let value = 0n;
  for (const character of text) value = value * 36n + BigInt(parseInt(character, 36));
  if (value >= 1n << 128n) return null;
  const hex = value.toString(16).padStart(32, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
