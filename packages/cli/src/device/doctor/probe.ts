import type { DeviceConfig } from "../config.js";
import { get } from "../network.js";
import { keyDigest, parseKeys, type Trust } from "../trust.js";
import type { Probe } from "./types.js";

const PROBE_TIMEOUT_MS = 5000;

/** Whether the server publishes at least one key this machine trusts (by the key itself, not its name). */
async function compareKeys(url: string, trust: Trust | undefined): Promise<Probe["keys"]> {
  if (!trust) return "unknown";
  const jwks = await get(`${url}/.well-known/jwks.json`, PROBE_TIMEOUT_MS);
  if (!jwks.ok || jwks.status !== 200) return "unknown";
  let published: Set<string>;
  try {
    published = new Set(parseKeys(jwks.text).map(keyDigest));
  } catch {
    return "unknown";
  }
  return trust.keys.some((key) => published.has(keyDigest(key))) ? "match" : "mismatch";
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
  const keys = health.ok && health.status < 500 ? await compareKeys(config.url, trust) : "unknown";
  return { health, elapsedMs, keys };
}
