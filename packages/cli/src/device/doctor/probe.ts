import type { DeviceConfig } from "../config.js";
import { get } from "../network.js";
import { keyDigest, parseKeys, type Trust } from "../trust.js";
import type { Probe } from "./types.js";

const PROBE_TIMEOUT_MS = 5000;

/**
 * Whether the server publishes at least one key this machine trusts (by the key itself, not its name), and
 * the kids it publishes that this machine does not trust (a rotation, or another product's keys).
 */
async function compareKeys(
  url: string,
  trust: Trust | undefined,
): Promise<Pick<Probe, "keys" | "untrustedKids">> {
  const unknown = { keys: "unknown", untrustedKids: [] } as const;
  if (!trust) return unknown;
  const jwks = await get(`${url}/.well-known/jwks.json`, PROBE_TIMEOUT_MS);
  if (!jwks.ok || jwks.status !== 200) return unknown;
  let published: ReturnType<typeof parseKeys>;
  try {
    published = parseKeys(jwks.text);
  } catch {
    return unknown;
  }
  const trusted = new Set(trust.keys.map(keyDigest));
  const untrustedKids = published
    .filter((key) => !trusted.has(keyDigest(key)))
    .map((key) => (typeof key === "object" ? (key.kid ?? "") : ""))
    .filter((kid) => kid !== "");
  const keys = published.some((key) => trusted.has(keyDigest(key))) ? "match" : "mismatch";
  return { keys, untrustedKids };
}

/**
 * Ask the server whether it is up (`GET /healthz`) and which keys it publishes, without the SDK and without
 * changing anything anywhere. A TLS failure (expired or self-signed certificate, wrong name, an inspecting
 * proxy) is told apart from a server that is down or slow.
 * @example
 * const probe = await probeServer(config, trust);
 * if (!probe.health.ok) console.log(probe.health.failure); // "tls"
 */
export async function probeServer(config: DeviceConfig, trust: Trust | undefined): Promise<Probe> {
  const started = performance.now();
  const health = await get(`${config.url}/healthz`, PROBE_TIMEOUT_MS);
  const elapsedMs = Math.round(performance.now() - started);
  const keys =
    health.ok && health.status < 500
      ? await compareKeys(config.url, trust)
      : ({ keys: "unknown", untrustedKids: [] } as const);
  return { health, elapsedMs, ...keys };
}
