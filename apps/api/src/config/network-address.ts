import { BlockList, isIP } from 'node:net';

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/**
 * Whether an IP address is this machine's own: 127.0.0.0/8 or ::1, also when written as an IPv4-mapped
 * IPv6 address (`::ffff:127.0.0.1`, as a dual-stack socket reports it). Anything that is not an IP
 * address (a host name, an empty value) is not.
 */
export function isLoopbackAddress(address: string | null | undefined): boolean {
  if (!address) return false;
  const version = isIP(address);
  if (version === 0) return false;
  return LOOPBACK.check(address, version === 4 ? 'ipv4' : 'ipv6');
}

/** Whether a URL points at this machine: `localhost` (and `*.localhost`, RFC 6761) or a loopback IP. */
export function isLoopbackUrl(url: string): boolean {
  let hostname: string;
  try {
    hostname = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) return true;
  return isLoopbackAddress(hostname.replace(/^\[(.*)\]$/, '$1'));
}

/**
 * Parses a comma-separated list of IP addresses and CIDR blocks (`10.0.0.5, 192.168.0.0/16, fd00::/8`).
 * Returns the entries, or the ones that are not an address or block.
 */
export function parseAddressList(value: string): { entries: string[]; invalid: string[] } {
  const entries: string[] = [];
  const invalid: string[] = [];
  for (const raw of value.split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    (isAddressOrBlock(entry) ? entries : invalid).push(entry);
  }
  return { entries, invalid };
}

function isAddressOrBlock(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (version === 4 ? 32 : 128);
}
