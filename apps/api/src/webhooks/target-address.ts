import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Why a URL may not receive deliveries, or null. Only http(s) without credentials; https unless private
 * targets are allowed (a developer's local receiver); and never an address literal in a range the public
 * cannot reach (loopback, private, link-local, unique-local, carrier-grade NAT, multicast, unspecified).
 * A host name is checked again when the connection is made, after DNS (request-filtering-agent), so a name
 * that resolves to such an address is refused too.
 */
export function targetProblem(text: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'must be a URL like https://example.com/hooks/rapport';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must start with https://';
  if (url.protocol === 'http:' && !allowPrivate) return 'must start with https://';
  if (url.username || url.password) return 'must not carry a user name or password';
  if (allowPrivate) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local'))
    return 'must be an address the internet can reach, not this machine or its network';
  if (isIP(host) !== 0 && !isPublic(host))
    return 'must be an address the internet can reach, not this machine or its network';
  return null;
}

function isPublic(address: string): boolean {
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) parsed = v6.toIPv4Address();
    // `::a.b.c.d` (IPv4-compatible, deprecated) reaches the IPv4 address on some systems.
    else if (v6.parts.slice(0, 6).every((part) => part === 0)) return false;
  }
  return parsed.range() === 'unicast';
}
