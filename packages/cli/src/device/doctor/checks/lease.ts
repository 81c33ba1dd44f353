import { describe } from "@ninsho/core";
import type { ClientStatus } from "@ninsho/sdk";
import { formatDuration } from "@ninsho/sdk";
import { when } from "../../../admin/format.js";
import { current, type Evidence, type Finding } from "../types.js";

const fromStatus = (s: ClientStatus, outcome: Finding["outcome"] = "fail"): Finding => ({
  check: "lease",
  outcome,
  ...(s.code === undefined ? {} : { code: s.code }),
  message: s.message ?? s.explanation,
  ...(s.remedy === undefined ? {} : { remedy: s.remedy }),
  ...(s.problem?.details === undefined ? {} : { details: s.problem.details }),
});

/** What was wrong with the lease as found, if anything (a grace period counts: the online check may end it). */
const foundProblem = (b: ClientStatus): string | undefined =>
  b.state === "grace"
    ? "LEASE_GRACE"
    : b.valid
      ? b.code?.startsWith("STATE_")
        ? b.code
        : undefined
      : b.code;

/**
 * Check 4, the lease: its signature verifies with a trusted key, the state file is intact, and it has not
 * run out — active, on grace (a warning with the time left), or expired; or the server's signed verdict
 * (suspended, revoked, expired license, forked, another machine's lease). A problem the online check
 * repaired (a damaged state file, a lease on grace refreshed) is reported as `fixed`.
 * @example
 * checkLease(evidence); // { outcome: "fail", code: "STATE_TAMPERED", message: "The saved lease or state was altered …" }
 */
export function checkLease(e: Evidence): Finding {
  const { m, locale } = e;
  const s = current(e);
  if (s.state === "no_key") return { check: "lease", outcome: "skipped", message: m.doctor.skippedNoKey };
  if (s.state === "not_activated") {
    if (s.code !== undefined && s.code !== "NOT_ACTIVATED") {
      return {
        check: "lease",
        outcome: "fail",
        code: "NOT_ACTIVATED",
        message: m.doctor.notActivatedRefused(s.code),
      };
    }
    return fromStatus(s);
  }
  if (!s.valid) return fromStatus(s);
  const found = e.after ? foundProblem(e.before) : undefined;
  if (found !== undefined && s.state === "active" && s.code === undefined) {
    return { check: "lease", outcome: "fixed", message: m.doctor.repaired(found), details: { found } };
  }
  if (s.code?.startsWith("STATE_")) return fromStatus(s, "warn");
  const leaseUntil = when(s.leaseExpiresAt ?? "");
  const graceUntil = when(s.graceEndsAt ?? "");
  const left = formatDuration(s.timeLeftMs ?? 0, locale);
  const details = { leaseExpiresAt: s.leaseExpiresAt, graceEndsAt: s.graceEndsAt, timeLeftMs: s.timeLeftMs };
  if (s.state === "grace") {
    const text = describe("LEASE_GRACE", locale, { leaseEnded: leaseUntil, graceUntil, left });
    return {
      check: "lease",
      outcome: "warn",
      code: "LEASE_GRACE",
      message: text.message,
      remedy: text.remedy,
      details,
    };
  }
  return { check: "lease", outcome: "ok", message: m.doctor.leaseOk(leaseUntil, graceUntil, left), details };
}
