import type { ErrorCode, Locale } from "@ninsho/core";
import type { AcceptedFingerprint, ClientStatus } from "@ninsho/sdk";
import type { DeviceConfig } from "../config.js";
import type { Machine } from "../machine.js";
import type { CheckId, DeviceMessages, Outcome } from "../messages/index.js";
import type { Got } from "../network.js";
import type { Trust } from "../trust.js";
import type { RelaySeen, SeatSeen } from "./seen.js";

/**
 * One check's result: how it came out, the code (from the catalogue), what was found in
 * plain words, extra lines (changed components, the devices holding a full license), what to do, and the
 * facts behind it for `--json`.
 * @example
 * const finding: Finding = { check: "clock", outcome: "fail", code: "CLOCK_ROLLBACK", message: "…", remedy: "…" };
 */
export interface Finding {
  readonly check: CheckId;
  readonly outcome: Outcome;
  readonly code?: ErrorCode;
  readonly message: string;
  readonly lines?: readonly string[];
  readonly remedy?: string;
  readonly details?: unknown;
}

/**
 * What the doctor found out about the server without the SDK: whether it answers (`/healthz`), over what
 * (TLS), how fast, its HTTP date, and whether it publishes the keys this machine trusts.
 * @example
 * const probe: Probe = { health: got, elapsedMs: 12, keys: "match", untrustedKids: [] };
 */
export interface Probe {
  readonly health: Got;
  readonly elapsedMs: number;
  /** `match`: the server publishes a trusted key; `mismatch`: none, or one under a trusted kid differs. */
  readonly keys: "match" | "mismatch" | "unknown";
  /** Kids the server publishes that this machine does not trust: a rotation, or other products' keys. */
  readonly untrustedKids: readonly string[];
}

/**
 * Everything the checks judge, gathered once: the status as found (offline, before anything), the status
 * after the online check (the same refresh the app makes), the signed server time it carried, this machine,
 * and the fingerprint the server had accepted from it (as found, before the online check).
 * @example
 * const evidence = await gather(ctx, { offline: false });
 * checkClock(evidence).outcome; // "ok"
 */
export interface Evidence {
  readonly config: DeviceConfig;
  readonly locale: Locale;
  readonly m: DeviceMessages;
  readonly before: ClientStatus;
  readonly after?: ClientStatus;
  readonly online: "done" | "offline" | "unreachable" | "untrusted" | "no_lease";
  /** The device clock when the signed server time was received. */
  readonly deviceTimeMs: number;
  readonly serverTimeMs?: number;
  readonly probe?: Probe;
  readonly machine: Machine;
  readonly accepted?: AcceptedFingerprint;
  /** The lease's `fpd` claim: the digest of the component set it was issued for. */
  readonly leaseFingerprint?: string;
  readonly trust?: Trust;
  /** What the SDK's seat client last saw here (its last-state file), when it keeps one in this folder. */
  readonly seat?: SeatSeen;
  /** What the SDK's relay client last saw here (its last-state file), when it keeps one in this folder. */
  readonly relay?: RelaySeen;
}

/**
 * The status to judge: after the online check when there was one, else as found.
 * @example
 * const status = current(evidence);
 */
export const current = (e: Evidence): ClientStatus => e.after ?? e.before;
