import type { SrvRecord } from "node:dns";
import { resolveSrv } from "node:dns/promises";
import { explain, seed } from "../client/problem.js";
import type { SeatResult } from "../seats/types.js";

/**
 * The DNS SRV service name a relay is published under, as KMS's `_vlmcs._tcp`.
 * @example
 * const name = `${RELAY_SRV_SERVICE}.corp.example`; // "_ninsho._tcp.corp.example"
 */
export const RELAY_SRV_SERVICE = "_ninsho._tcp";

/**
 * Where the relay is: its URL, or the domain whose `_ninsho._tcp` SRV records name it (the lowest priority first,
 * the heaviest weight among equals). `resolveSrv` is node:dns's unless a test gives its own.
 * @example
 * const where: RelayLocation = { domain: "plant4.example.local" };
 */
export type RelayLocation =
  | { readonly relayUrl: string }
  | {
      readonly domain: string;
      /** The SRV lookup to use (a test's own); node:dns's by default. */
      readonly resolveSrv?: (name: string) => Promise<SrvRecord[]>;
      /** `http` (default: a relay inside the customer's network rarely has a certificate) or `https`. */
      readonly scheme?: "http" | "https";
    };

/**
 * The relay's base URL: the one configured, or the best SRV record of the domain. No record (or no answer from
 * DNS) is SERVER_UNREACHABLE naming the SRV name looked up.
 * @example
 * const url = await discoverRelay({ domain: "plant4.example.local" });
 * if (url.ok) console.log(url.value); // "http://relay.plant4.example.local:8787"
 */
export async function discoverRelay(
  where: RelayLocation,
  locale: "en" | "ja" = "en",
): Promise<SeatResult<string>> {
  if ("relayUrl" in where) return { ok: true, value: where.relayUrl.replace(/\/+$/, "") };
  const name = `${RELAY_SRV_SERVICE}.${where.domain}`;
  let records: SrvRecord[] = [];
  try {
    records = await (where.resolveSrv ?? resolveSrv)(name);
  } catch {
    records = [];
  }
  const best = [...records].sort((a, b) => a.priority - b.priority || b.weight - a.weight)[0];
  if (!best)
    return { ok: false, problem: explain(seed("SERVER_UNREACHABLE", { url: `SRV ${name}` }), locale) };
  const host = best.name.replace(/\.$/, "");
  return { ok: true, value: `${where.scheme ?? "http"}://${host}:${best.port}` };
}
