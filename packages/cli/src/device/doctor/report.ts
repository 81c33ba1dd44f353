import { cliText } from "../../i18n/index.js";
import type { CheckId } from "../messages/index.js";
import { checkClock } from "./checks/clock.js";
import { checkDevices } from "./checks/devices.js";
import { checkFingerprint } from "./checks/fingerprint.js";
import { checkKey } from "./checks/key.js";
import { checkLease } from "./checks/lease.js";
import { checkRelay, checkSeat } from "./checks/seatRelay.js";
import { checkServer } from "./checks/server.js";
import type { Evidence, Finding } from "./types.js";

/**
 * A numbered remedy: what to do, for which code, in the order the checks found it.
 * @example
 * const remedy: Remedy = { number: 1, code: "SERVER_UNREACHABLE", text: "The app keeps running on its lease; …" };
 */
export interface Remedy {
  readonly number: number;
  readonly code: string;
  readonly text: string;
}

/**
 * The doctor's report: every check in order (with the number of its remedy, if it has one), the numbered
 * remedies, and whether every check passed (warnings and repairs count as passing).
 * @example
 * const report = diagnose(evidence);
 * process.exitCode = report.healthy ? 0 : 8;
 */
export interface DoctorReport {
  readonly healthy: boolean;
  readonly checks: readonly (Finding & { readonly remedyNumber?: number })[];
  readonly remedies: readonly Remedy[];
}

/**
 * An app that runs on a floating seat or a relay's lease activates nothing in this folder: a missing key or
 * activation here is no fault of it, so those checks are skipped, saying why.
 */
const unlessOnSeat =
  (check: (e: Evidence) => Finding) =>
  (e: Evidence): Finding => {
    const finding = check(e);
    const on = e.relay !== undefined ? "relay" : e.seat !== undefined ? "seat" : undefined;
    const state = e.before.state;
    if (on === undefined || finding.outcome !== "fail" || (state !== "no_key" && state !== "not_activated"))
      return finding;
    return { check: finding.check, outcome: "skipped", message: cliText(e.locale)("doctor.runsOn", { on }) };
  };

/** The checks, in the order they run and print; seat and relay only when their clients left a note here. */
const CHECKS: readonly [CheckId, (e: Evidence) => Finding | undefined][] = [
  ["key", unlessOnSeat(checkKey)],
  ["server", checkServer],
  ["clock", checkClock],
  ["lease", unlessOnSeat(checkLease)],
  ["fingerprint", checkFingerprint],
  ["devices", checkDevices],
  ["seat", (e) => e.seat && checkSeat(e.seat, e.locale, e.config.now())],
  ["relay", (e) => e.relay && checkRelay(e.relay, e.locale)],
];

/**
 * Judge the evidence: run the checks in order — key format, server reachability and TLS, clock skew, lease
 * signature and expiry, fingerprint drift, device limit and transfer allowance, and (when the SDK's clients
 * left a note in the folder) the seat and the relay — and number the remedies of
 * the failures and warnings; one remedy per code, the first check that needs it giving it its number.
 * @example
 * const report = diagnose(await gather(ctx, session, { offline: false }));
 */
export function diagnose(evidence: Evidence): DoctorReport {
  const remedies: Remedy[] = [];
  const byCode = new Map<string, number>();
  const found = CHECKS.flatMap(([, check]) => check(evidence) ?? []);
  const checks = found.map((finding) => {
    if ((finding.outcome !== "fail" && finding.outcome !== "warn") || finding.remedy === undefined)
      return finding;
    const key = finding.code ?? finding.remedy;
    let number = byCode.get(key);
    if (number === undefined) {
      number = remedies.length + 1;
      byCode.set(key, number);
      remedies.push({ number, code: finding.code ?? "", text: finding.remedy });
    }
    return { ...finding, remedyNumber: number };
  });
  return { healthy: checks.every((c) => c.outcome !== "fail"), checks, remedies };
}
