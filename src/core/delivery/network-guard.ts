import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * The server-side request forgery guard for webhooks: an organization admin chooses the URL, so without
 * it a webhook could probe or attack the instance's own network (databases, cloud metadata services).
 */

// Addresses that are not globally routable (IANA special-purpose registries). BlockList also matches
// IPv4-mapped IPv6 addresses (::ffff:10.0.0.1) against the IPv4 rules.
const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, where cloud metadata services answer
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and the broadcast address
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local addresses (ULA)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // deprecated site-local
  ['ff00::', 8], // multicast
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

function expandIpv6(address: string): number[] {
  // Turns a trailing dotted IPv4 part into two hextets, then fills in the `::` gap.
  const withHexTail = address.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_, a, b, c, d) =>
    [((Number(a) << 8) | Number(b)).toString(16), ((Number(c) << 8) | Number(d)).toString(16)].join(':'),
  );
  const [head = '', tail] = withHexTail.split('::');
  const headParts = head === '' ? [] : head.split(':');
  const tailParts = tail === undefined || tail === '' ? [] : tail.split(':');
  const gap = tail === undefined ? 0 : 8 - headParts.length - tailParts.length;
  return [...headParts, ...Array<string>(gap).fill('0'), ...tailParts].map((part) =>
    Number.parseInt(part, 16),
  );
}

function ipv4FromHextets(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/** An IPv4 address carried inside an IPv6 one by NAT64 (64:ff9b::/96) or 6to4 (2002::/16), if any. */
function embeddedIpv4(address: string): string | null {
  const hextets = expandIpv6(address.toLowerCase());
  if (hextets.length !== 8) return null;
  if (hextets[0] === 0x64 && hextets[1] === 0xff9b && hextets.slice(2, 6).every((h) => h === 0)) {
    return ipv4FromHextets(hextets[6]!, hextets[7]!);
  }
  if (hextets[0] === 0x2002) return ipv4FromHextets(hextets[1]!, hextets[2]!);
  return null;
}

/** Whether an IP address is loopback, private, link-local, ULA or otherwise not on the public internet. */
export function isNonPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return NON_PUBLIC.check(address, 'ipv4');
  if (family !== 6) return true;
  const unscoped = address.replace(/%.*$/, '');
  if (NON_PUBLIC.check(unscoped, 'ipv6')) return true;
  const inner = embeddedIpv4(unscoped);
  return inner !== null && NON_PUBLIC.check(inner, 'ipv4');
}

export class UnsafeUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeUrlError';
  }
}

/** The URL's host without IPv6 brackets. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

function resolveAll(hostname: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    );
  });
}

/**
 * Throws `UnsafeUrlError` unless the URL is http(s) and every address its host resolves to is public.
 * With `allowPrivateNetworks` only the scheme is checked (development and tests).
 */
export async function assertSafeWebhookUrl(rawUrl: string, allowPrivateNetworks: boolean): Promise<void> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new UnsafeUrlError('The URL is not valid.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UnsafeUrlError('Use an http or https URL.');
  if (allowPrivateNetworks) return;
  const host = hostOf(url);
  if (isIP(host)) {
    if (isNonPublicAddress(host)) throw new UnsafeUrlError(`${host} is not a public internet address.`);
    return;
  }
  let addresses: LookupAddress[];
  try {
    addresses = await resolveAll(host);
  } catch {
    throw new UnsafeUrlError(`The host name ${host} does not resolve.`);
  }
  if (addresses.length === 0) throw new UnsafeUrlError(`The host name ${host} does not resolve.`);
  const blocked = addresses.find((entry) => isNonPublicAddress(entry.address));
  if (blocked)
    throw new UnsafeUrlError(
      `${host} resolves to ${blocked.address}, which is not a public internet address.`,
    );
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for http.request that refuses non-public addresses. The check happens on the very
 * addresses the socket connects to, so a DNS answer that changes after validation (rebinding) is caught.
 */
export function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const blocked = addresses.find((entry) => isNonPublicAddress(entry.address));
    if (blocked || addresses.length === 0) {
      const refusal: NodeJS.ErrnoException = new UnsafeUrlError(
        `${hostname} resolves to ${blocked?.address ?? 'nothing'}, which is not a public internet address.`,
      );
      refusal.code = 'ERR_NON_PUBLIC_ADDRESS';
      return callback(refusal, []);
    }
    if (options.all) return callback(null, addresses);
    const first = addresses[0]!;
    return callback(null, first.address, first.family);
  });
}
