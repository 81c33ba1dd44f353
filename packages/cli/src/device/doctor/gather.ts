import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { isRecord } from "@ninsho/core";
import { STATE_FILES } from "@ninsho/sdk";
import type { DeviceContext } from "../context.js";
import { parseJson } from "../network.js";
import type { DeviceSession } from "../session.js";
import { readLastSeen } from "./lastSeen.js";
import { probeServer } from "./probe.js";
import type { Evidence } from "./types.js";

/** The `fpd` claim of the lease the SDK has verified (it is only read when the status shows that lease). */
async function leaseFingerprint(dir: string): Promise<string | undefined> {
  try {
    const token = (await readFile(join(dir, STATE_FILES.lease), "utf8")).trim();
    const claims = parseJson(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8"));
    return isRecord(claims) && typeof claims.fpd === "string" ? claims.fpd : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Gather what the checks judge. First what this machine holds, offline and untouched; then (unless
 * `--offline`) the server's health and keys; then, when the server answers, publishes a trusted key, and this
 * machine holds a verified lease, one online check through the SDK — the same refresh the app makes, which
 * may store a fresh lease or a signed verdict. The doctor never activates: without a lease it stays offline.
 * What the SDK's seat and relay clients last saw (their notes in the state folder) is read as found.
 * @example
 * const evidence = await gather(ctx, session, { offline: false });
 */
export async function gather(
  ctx: DeviceContext,
  session: DeviceSession,
  options: { readonly offline: boolean },
): Promise<Evidence> {
  const { config, locale, m } = ctx;
  const { client } = session;
  const before = await client.status();
  const machine = await session.readMachine();
  const fpd = before.leaseExpiresAt === undefined ? undefined : await leaseFingerprint(config.dir);
  // Notes the SDK's seat and relay clients keep in this folder: read, never acted on.
  const lastSeen = await readLastSeen(config.dir, config.now());
  const base = {
    ...lastSeen,
    config,
    locale,
    m,
    before,
    machine,
    deviceTimeMs: config.now(),
    ...(before.acceptedFingerprint ? { accepted: before.acceptedFingerprint } : {}),
    ...(fpd === undefined ? {} : { leaseFingerprint: fpd }),
    ...(session.trust ? { trust: session.trust } : {}),
  };
  if (options.offline) return { ...base, online: "offline" };
  const probe = await probeServer(config, session.trust);
  if (!probe.health.ok) return { ...base, probe, online: "unreachable" };
  if (probe.keys === "mismatch") return { ...base, probe, online: "untrusted" };
  if (before.leaseExpiresAt === undefined) return { ...base, probe, online: "no_lease" };
  const after = await client.validate({ online: "force" });
  // The signed time of the answer just verified, and this machine's clock when it arrived.
  const contacted =
    after.connection.state === "ok" &&
    after.lastServerContactAt !== undefined &&
    after.lastServerContactAt !== before.lastServerContactAt;
  const serverTimeMs = contacted ? Date.parse(after.lastServerTime ?? "") : Number.NaN;
  const arrivedMs = contacted ? Date.parse(after.lastServerContactAt ?? "") : Number.NaN;
  return {
    ...base,
    probe,
    online: "done",
    after,
    deviceTimeMs: Number.isFinite(arrivedMs) ? arrivedMs : config.now(),
    ...(Number.isFinite(serverTimeMs) ? { serverTimeMs } : {}),
  };
}
