// Which web addresses `seam links --external` may request. Content comes from other organisations, so
// an address in a record must not turn the link checker into a way to probe the machine it runs on or
// its network: loopback, private, link-local (cloud metadata services live at 169.254.169.254),
// carrier-grade NAT, multicast and reserved addresses are refused — by the literal address, and again
// after DNS resolution, and again for every redirect target — unless `links.allowPrivate` in
// seam.config.yaml names the host or its network (a company intranet, the tests' local server).
// The connection itself resolves its host through the guard too (`connectLookup`), so it goes only to
// an address judged as it is connected to: a host that resolves to a public address when checked and
// to a private one a moment later (DNS rebinding) is refused, not connected to.
// Ranges come from Node's own `net.BlockList`, which understands IPv4, IPv6 and IPv4-mapped IPv6.
import type { LookupAddress } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** Resolves a host name to its addresses. */
export type Lookup = (host: string) => Promise<string[]>;

const defaultLookup: Lookup = async (host) => (await dnsLookup(host, { all: true, verbatim: true })).map((a) => a.address);

/** Networks never requested: RFC 6890 special-purpose ranges that are not the public internet. */
const PRIVATE_V4 = ['0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24', '192.0.2.0/24', '192.168.0.0/16', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '224.0.0.0/4', '240.0.0.0/4'];
const PRIVATE_V6 = ['::/128', '::1/128', '64:ff9b::/96', '100::/64', '2001:db8::/32', 'fc00::/7', 'fe80::/10', 'ff00::/8'];
/** Names of cloud metadata services that resolve only inside the cloud. */
const METADATA_HOSTS = new Set(['metadata.google.internal', 'metadata.goog', 'metadata', 'instance-data', 'instance-data.ec2.internal']);

function blockList(v4: string[], v6: string[]): BlockList {
  const list = new BlockList();
  for (const net of v4) list.addSubnet(net.split('/')[0]!, Number(net.split('/')[1]), 'ipv4');
  for (const net of v6) list.addSubnet(net.split('/')[0]!, Number(net.split('/')[1]), 'ipv6');
  return list;
}

const refused = blockList(PRIVATE_V4, PRIVATE_V6);

/** Whether `address` (an IP literal) lies in a refused network; IPv4-mapped IPv6 is judged as IPv4. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
    if (mapped) return refused.check(mapped, 'ipv4');
    return refused.check(address, 'ipv6');
  }
  return refused.check(address, 'ipv4');
}

export interface AddressGuard {
  /** Why `url` must not be requested, or `undefined` when it may be. */
  refusal(url: string): Promise<string | undefined>;
  /**
   * Host name resolution for the connection (`net.connect`'s `lookup`): the addresses are judged again
   * as they are connected to, and a refused one fails the connection with `BlockedAddressError`.
   */
  connectLookup: LookupFunction;
}

/** A connection refused because its host resolved, when connecting, to an address the guard refuses. */
export class BlockedAddressError extends Error {
  readonly code = 'ESEAMBLOCKED';
}

/**
 * A guard allowing the hosts and networks in `allow` (host names, IP addresses, or CIDR networks such
 * as `10.20.0.0/16`) and refusing every other non-public address.
 */
export function addressGuard(allow: readonly string[] = [], lookup: Lookup = defaultLookup): AddressGuard {
  const allowedHosts = new Set(allow.filter((a) => !a.includes('/') && isIP(a) === 0).map((a) => a.toLowerCase()));
  const allowedNets = new BlockList();
  for (const entry of allow) {
    const [address, bits] = entry.split('/');
    const family = isIP(address ?? '');
    if (family === 0) continue;
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) allowedNets.addAddress(address!, type);
    else allowedNets.addSubnet(address!, Number(bits), type);
  }
  const allowed = (address: string) => allowedNets.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
  const judge = (address: string, host: string): string | undefined =>
    isPrivateAddress(address) && !allowed(address) ? `${host === address ? 'it is' : `"${host}" resolves to`} ${address}, a private, local or reserved address` : undefined;

  const hostOf = (hostname: string) => hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '').toLowerCase();

  return {
    connectLookup(hostname, options, callback) {
      const host = hostOf(hostname);
      lookup(host).then(
        (addresses) => {
          if (!allowedHosts.has(host)) {
            for (const address of addresses) {
              const reason = judge(address, host);
              if (reason) return callback(new BlockedAddressError(reason), '');
            }
          }
          const family = options.family === 4 || options.family === 'IPv4' ? 4 : options.family === 6 || options.family === 'IPv6' ? 6 : 0;
          const usable: LookupAddress[] = addresses.map((address) => ({ address, family: isIP(address) })).filter((a) => a.family !== 0 && (family === 0 || a.family === family));
          if (!usable.length) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND', hostname: host }), '');
          if (options.all) callback(null, usable);
          else callback(null, usable[0]!.address, usable[0]!.family);
        },
        (error: NodeJS.ErrnoException) => callback(error, ''),
      );
    },
    async refusal(url) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return 'it is not a valid web address';
      }
      const host = hostOf(parsed.hostname);
      if (allowedHosts.has(host)) return undefined;
      if (METADATA_HOSTS.has(host) || host === 'localhost' || host.endsWith('.localhost')) return `"${host}" is a local or cloud-metadata host`;
      if (isIP(host)) return judge(host, host);
      let addresses: string[];
      try {
        addresses = await lookup(host);
      } catch {
        // An unknown host is not refused here: the request itself reports it as unreachable.
        return undefined;
      }
      for (const address of addresses) {
        const reason = judge(address, host);
        if (reason) return reason;
      }
      return undefined;
    },
  };
}

/** A redirect target as a message may show it: without its query string or fragment, which can hold tokens. */
export function withoutQuery(url: string): string {
  try {
    const parsed = new URL(url);
    const hidden = parsed.search !== '' || parsed.hash !== '';
    parsed.search = '';
    parsed.hash = '';
    return `${parsed.href}${hidden ? '?…' : ''}`;
  } catch {
    return url.replace(/[?#].*$/, '?…');
  }
}
