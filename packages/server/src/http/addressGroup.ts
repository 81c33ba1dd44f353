import { isIP } from "node:net";

/** How addresses are grouped for rate limits: one allowance per group. */
export interface AddressGrouping {
  /** Leading bits of an IPv6 address that make one group (default 64: one customer's network). */
  readonly ipv6Prefix: number;
}

export const DEFAULT_ADDRESS_GROUPING: AddressGrouping = { ipv6Prefix: 64 };

/**
 * The group an address counts in: an IPv4 address alone, an IPv6 address by its leading `ipv6Prefix` bits.
 * An ISP gives one customer a whole /64 (often a /56 or a /48), so counting IPv6 addresses one by one would
 * give a single guesser 2^64 allowances. An IPv4-mapped IPv6 address counts as its IPv4 address.
 * @example
 * addressGroup("2001:db8:1:2:aaaa::1"); // "2001:db8:1:2::/64"
 * addressGroup("::ffff:203.0.113.7"); // "203.0.113.7"
 */
export function addressGroup(address: string, grouping: AddressGrouping = DEFAULT_ADDRESS_GROUPING): string {
  const bare = address.split("%")[0] ?? address; // fe80::1%eth0: the zone is the server's, not the client's
  const version = isIP(bare);
  if (version === 4) return bare;
  if (version !== 6) return address;
  const groups = expandIpv6(bare);
  if (groups[0] === 0 && groups[1] === 0 && groups[2] === 0 && groups[3] === 0 && groups[4] === 0) {
    if (groups[5] === 0xffff) return ipv4Of(groups[6] ?? 0, groups[7] ?? 0);
  }
  const prefix = Math.min(128, Math.max(0, grouping.ipv6Prefix));
  const masked = groups.map((group, i) => {
    const keep = Math.min(16, Math.max(0, prefix - i * 16));
    return keep === 0 ? 0 : group & (0xffff << (16 - keep)) & 0xffff;
  });
  return `${compress(masked)}/${prefix}`;
}

/** Eight 16-bit groups of a valid IPv6 address (with `::` and a trailing dotted quad expanded). */
function expandIpv6(address: string): number[] {
  let text = address.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const left = head === "" ? [] : head.split(":");
  const right = tail === undefined || tail === "" ? [] : tail.split(":");
  const zeros = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array.from({ length: zeros }, () => "0"), ...right].map((g) => Number.parseInt(g, 16));
}

/** The shortest text of eight groups: the longest run of zero groups (two or more) becomes `::`. */
function compress(groups: readonly number[]): string {
  let best = { start: -1, length: 0 };
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== 0) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === 0) j += 1;
    if (j - i > best.length) best = { start: i, length: j - i };
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.length < 2) return hex.join(":");
  const left = hex.slice(0, best.start).join(":");
  const right = hex.slice(best.start + best.length).join(":");
  return `${left}::${right}`;
}

const ipv4Of = (high: number, low: number): string => `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
