import { BlockList, isIP } from "node:net";

/**
 * Which proxies in front of the server may say who the client is, through `X-Forwarded-For`:
 * - `0` (the default): none; the client is the socket's peer and the header is ignored;
 * - a number `n`: exactly `n` proxies of yours stand in front, each appending the address it saw, so the client
 *   is the `n`-th address from the right (counting the socket's peer as the first);
 * - a list of addresses and CIDR ranges: the proxies are the hops from those ranges, so the client is the first
 *   address, read from the right, that is not in them.
 *
 * Either way the address is read from the right: the left of the header is whatever the client wrote.
 */
export type TrustProxy = number | readonly string[];

/** Most hops a `--trust-proxy n` may name; more is a typo. */
export const MAX_TRUSTED_HOPS = 16;

/**
 * Read `--trust-proxy`'s text: a whole number of proxies, or a comma-separated list of addresses and CIDR
 * ranges. `undefined` for anything else (a bare `--trust-proxy`, which used to trust the header's first hop,
 * among them: the caller refuses it with a coded message).
 * @example
 * parseTrustProxy("1"); // 1
 * parseTrustProxy("10.0.0.0/8, fd00::/8"); // ["10.0.0.0/8", "fd00::/8"]
 * parseTrustProxy("yes"); // undefined
 */
export function parseTrustProxy(text: string): TrustProxy | undefined {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) {
    const hops = Number(trimmed);
    return hops <= MAX_TRUSTED_HOPS ? hops : undefined;
  }
  const ranges = trimmed.split(",").map((part) => part.trim());
  if (ranges.length === 0 || ranges.some((range) => parseRange(range) === undefined)) return undefined;
  return ranges;
}

/**
 * The reason a `TrustProxy` value given through the API cannot be used, or `undefined` when it can.
 * @example
 * trustProxyProblem(true as never); // "…"
 */
export function trustProxyProblem(trust: unknown): string | undefined {
  if (typeof trust === "number") {
    return Number.isInteger(trust) && trust >= 0 && trust <= MAX_TRUSTED_HOPS
      ? undefined
      : `trustProxy: a number of proxies from 0 to ${MAX_TRUSTED_HOPS}`;
  }
  if (Array.isArray(trust) && trust.every((range) => typeof range === "string" && parseRange(range))) {
    return undefined;
  }
  return "trustProxy: a number of proxies (e.g. 1) or a list of their addresses or CIDR ranges (e.g. ['10.0.0.0/8']); `true` is no longer accepted, because it trusted the header's first hop, which the client writes";
}

interface Range {
  readonly address: string;
  readonly prefix: number;
  readonly family: "ipv4" | "ipv6";
}

function parseRange(text: string): Range | undefined {
  const [address = "", bits, ...rest] = text.split("/");
  if (rest.length > 0) return undefined;
  const version = isIP(address);
  if (version === 0) return undefined;
  const max = version === 4 ? 32 : 128;
  if (bits !== undefined && !/^\d+$/.test(bits)) return undefined;
  const prefix = bits === undefined ? max : Number(bits);
  if (prefix > max) return undefined;
  return { address, prefix, family: version === 4 ? "ipv4" : "ipv6" };
}

/**
 * Who sent a request, given the socket's peer and the `X-Forwarded-For` header, under `trust`.
 * @example
 * const pick = clientAddressPicker(1);
 * pick("10.0.0.2", "6.6.6.6, 198.51.100.7"); // "198.51.100.7": the one the proxy saw
 */
export function clientAddressPicker(trust: TrustProxy): (peer: string, forwardedFor?: string) => string {
  if (typeof trust === "number") {
    if (trust === 0) return (peer) => peer;
    return (peer, forwardedFor) => {
      const chain = hopsOf(peer, forwardedFor);
      // Fewer hops than proxies: the request did not pass them all; the leftmost is the best there is.
      const index = Math.max(0, chain.length - 1 - trust);
      return pickValid(chain, index);
    };
  }
  const trusted = new BlockList();
  for (const text of trust) {
    const range = parseRange(text);
    if (range) trusted.addSubnet(range.address, range.prefix, range.family);
  }
  const isTrusted = (address: string) => {
    const version = isIP(address);
    return version !== 0 && trusted.check(address, version === 4 ? "ipv4" : "ipv6");
  };
  return (peer, forwardedFor) => {
    const chain = hopsOf(peer, forwardedFor);
    let index = chain.length - 1;
    while (index > 0 && isTrusted(chain[index] ?? "")) index -= 1;
    return pickValid(chain, index);
  };
}

/** The addresses a request passed through, leftmost first, the socket's peer last. */
function hopsOf(peer: string, forwardedFor: string | undefined): string[] {
  const listed = (forwardedFor ?? "")
    .split(",")
    .map((hop) => stripPort(hop.trim()))
    .filter((hop) => hop !== "");
  return [...listed, stripPort(peer)];
}

/**
 * The hop at `index`, or, when that is no address at all (only a client can write garbage there, and only
 * left of what the proxies appended), the proxy that passed it on: such clients share that proxy's allowance.
 */
function pickValid(chain: readonly string[], index: number): string {
  for (let i = index; i < chain.length; i++) {
    const hop = chain[i];
    if (hop !== undefined && isIP(hop) !== 0) return hop;
  }
  return chain[chain.length - 1] ?? "unknown";
}

/** `[::1]:8080` → `::1`, `1.2.3.4:80` → `1.2.3.4`; a bare address is returned as it is. */
function stripPort(hop: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(hop);
  if (bracketed?.[1] !== undefined) return bracketed[1];
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(hop);
  if (v4?.[1] !== undefined) return v4[1];
  return hop;
}
