import { describe } from "@ninsho/core";
import { formatDuration } from "@ninsho/sdk";
import { current, type Evidence, type Finding } from "../types.js";

/** Skew a person need not hear about. */
const FINE_MS = 5 * 60_000;
/** Beyond this the lease's times are judged a day off or more (the SDK's rollback tolerance is 24 h). */
const BAD_MS = 24 * 3_600_000;

/**
 * Check 3, the clock: not set back before a time this machine has already seen (CLOCK_ROLLBACK, from the
 * SDK's high-water marks), and close to the server's signed time from the online check (else to the HTTP
 * `Date` of `/healthz`, said to be unsigned). Within 5 minutes is fine; up to a day a warning; more fails.
 * @example
 * checkClock(evidence); // { outcome: "warn", code: "CLOCK_SKEW", message: "The system clock is 2 hours ahead …" }
 */
export function checkClock(e: Evidence): Finding {
  const { m, locale } = e;
  const s = current(e);
  const rollback = s.state === "clock_rollback" ? s : undefined;
  if (rollback) {
    return {
      check: "clock",
      outcome: "fail",
      code: "CLOCK_ROLLBACK",
      message: rollback.message ?? "",
      ...(rollback.remedy === undefined ? {} : { remedy: rollback.remedy }),
      ...(rollback.problem?.details === undefined ? {} : { details: rollback.problem.details }),
    };
  }
  const signed = e.serverTimeMs !== undefined;
  const reference = e.serverTimeMs ?? (e.probe?.health.ok === true ? e.probe.health.dateMs : undefined);
  if (reference === undefined) {
    const why = e.online === "offline" ? m.doctor.skippedOffline : m.doctor.skippedUnreachable;
    return { check: "clock", outcome: "skipped", message: why };
  }
  const skewMs = e.deviceTimeMs - reference;
  const size = formatDuration(Math.abs(skewMs), locale);
  const details = { skewMs, signed, serverTime: new Date(reference).toISOString() };
  if (Math.abs(skewMs) <= FINE_MS) {
    // Set back as found, and right by the server's signed time now: the mark came from a clock once ahead.
    if (e.before.state === "clock_rollback") {
      return { check: "clock", outcome: "fixed", message: m.doctor.repaired("CLOCK_ROLLBACK"), details };
    }
    return { check: "clock", outcome: "ok", message: m.doctor.clockOk(size, signed), details };
  }
  const ahead = skewMs > 0;
  const text = describe("CLOCK_SKEW", locale, {
    skew: size,
    direction: ahead ? "ahead" : "behind",
    signed: signed ? "yes" : "no",
  });
  return {
    check: "clock",
    outcome: Math.abs(skewMs) > BAD_MS ? "fail" : "warn",
    code: "CLOCK_SKEW",
    message: text.message,
    remedy: text.remedy,
    details,
  };
}
