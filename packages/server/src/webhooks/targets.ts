import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { fail, ok, type Result } from "@ninsho/core";

/** One address a name resolves to. */
export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/** Every address of a host name, as the system resolver gives them (replaceable for tests and odd networks). */
export type Resolve = (hostname: string) => Promise<readonly ResolvedAddress[]>;

/** The operator's choices about where webhooks may go. */
export interface WebhookTargets {
  /** Deliver to private, loopback and link-local addresses too (the receiver is on the operator's own network). */
  readonly allowPrivate: boolean;
  readonly resolve: Resolve;
}

const systemResolve: Resolve = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

/**
 * Where webhooks may go: by default only public addresses. `allowPrivate` is the operator's
 * NINSHO_WEBHOOKS_ALLOW_PRIVATE (docs/deploy.md).
 * @example
 * const targets = webhookTargets({ allowPrivate: process.env.NINSHO_WEBHOOKS_ALLOW_PRIVATE === "1" });
 */
export function webhookTargets(options: { allowPrivate?: boolean; resolve?: Resolve } = {}): WebhookTargets {
  return { allowPrivate: options.allowPrivate ?? false, resolve: options.resolve ?? systemResolve };
}

/**
 * The server's own networks: a webhook there would let an admin token reach what only the server can (a
 * database's HTTP port, a cloud's metadata service at 169.254.169.254 with its credentials). IPv4-mapped IPv6
 * addresses (::ffff:127.0.0.1) are checked against the IPv4 ranges by BlockList itself.
 */
const privateRanges = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this network"; 0.0.0.0 reaches the local host on Linux
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT, the provider's side of the network
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata services
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved and broadcast
] as const)
  privateRanges.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 96], // unspecified, loopback and the old IPv4-compatible form
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated, still routed by some)
  ["ff00::", 8], // multicast
] as const)
  privateRanges.addSubnet(network, prefix, "ipv6");

/** True when `address` (an IP literal) is in one of the server's own networks. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return privateRanges.check(address, family === 6 ? "ipv6" : "ipv4");
}

/** The host of a URL as a name or a bare IP literal (no brackets, no trailing dot, lower case). */
export function hostOf(url: URL): string {
  return url.hostname
    .replace(/^\[(.*)\]$/, "$1")
    .replace(/\.$/, "")
    .toLowerCase();
}

/** Names that mean this machine whatever DNS says (RFC 6761). */
const isLocalName = (host: string): boolean => host === "localhost" || host.endsWith(".localhost");

const refused = (url: URL, address: string) => fail("WEBHOOK_TARGET_PRIVATE", { url: url.href, address });

/**
 * Check a webhook URL when it is registered or changed: an IP literal or a local name in the server's own
 * networks is refused, and so is a name that resolves there now. A name that does not resolve yet is let
 * through: the delivery checks again (`pinTarget`), at the moment it connects.
 * @example
 * const checked = await checkTarget(targets, new URL("http://169.254.169.254/")); // WEBHOOK_TARGET_PRIVATE
 */
export async function checkTarget(targets: WebhookTargets, url: URL): Promise<Result<void>> {
  if (targets.allowPrivate) return ok(undefined);
  const host = hostOf(url);
  if (isIP(host) !== 0) return isPrivateAddress(host) ? refused(url, host) : ok(undefined);
  if (isLocalName(host)) return refused(url, host);
  const addresses = await targets.resolve(host).catch(() => []);
  const inside = addresses.find((a) => isPrivateAddress(a.address));
  return inside === undefined ? ok(undefined) : refused(url, inside.address);
}

/**
 * The address a delivery connects to, resolved and checked once: the connection is then made to exactly this
 * address (`undefined` for an IP literal, which needs no lookup), so a name that resolves to a public address
 * for the check and to 127.0.0.1 a moment later (DNS rebinding) still cannot reach the server's networks.
 * @example
 * const pinned = await pinTarget(targets, new URL(endpoint.url));
 * if (pinned.ok) http.request(url, { lookup: lookupOnly(pinned.value) });
 */
export async function pinTarget(
  targets: WebhookTargets,
  url: URL,
): Promise<Result<ResolvedAddress | undefined>> {
  const host = hostOf(url);
  if (isIP(host) !== 0) {
    return targets.allowPrivate || !isPrivateAddress(host) ? ok(undefined) : refused(url, host);
  }
  if (!targets.allowPrivate && isLocalName(host)) return refused(url, host);
  const addresses = await targets.resolve(host);
  const first = addresses[0];
  if (first === undefined) throw new Error(`${host} has no address`);
  if (targets.allowPrivate) return ok(first);
  // Any private address refuses the name: a resolver may hand out its addresses in any order.
  const inside = addresses.find((a) => isPrivateAddress(a.address));
  return inside === undefined ? ok(first) : refused(url, inside.address);
}
