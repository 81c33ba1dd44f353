import { describe, isRecord, type Locale, type ProblemParams } from "@ninsho/core";
import { formatDuration } from "@ninsho/sdk";
import { when } from "../../../admin/format.js";
import { cliText } from "../../../i18n/index.js";
import type { Refusal, RelaySeen, SeatSeen } from "../seen.js";
import type { Finding } from "../types.js";

/** The plain facts of the server's details, as the catalogue's placeholders. */
const factsOf = (details: unknown): ProblemParams =>
  isRecord(details)
    ? Object.fromEntries(
        Object.entries(details).filter(
          (entry): entry is [string, string | number] =>
            typeof entry[1] === "string" || typeof entry[1] === "number",
        ),
      )
    : {};

/** A refusal worded again by the one catalogue, in the user's language (the SDK's may be in another). */
const refused = (check: "seat" | "relay", refusal: Refusal, locale: Locale): Finding => {
  const params = { ...factsOf(refusal.details), ...refusal.params };
  const text = describe(refusal.code, locale, params);
  return {
    check,
    outcome: "fail",
    code: refusal.code,
    message: text.message,
    remedy: text.remedy,
    details: params,
  };
};

/**
 * The seat check: a full pool (how many held, when the next frees), a lapsed seat, heartbeats failing (the
 * runway left), a borrowed seat (until when) or a seat held.
 * @example
 * checkSeat({ problem: { code: "NO_SEAT_AVAILABLE", params: { seats: 20, held: 20, nextFreeAt: "…" } } }, "en");
 */
export function checkSeat(seen: SeatSeen, locale: Locale, nowMs: number): Finding {
  const t = cliText(locale);
  if (seen.problem !== undefined) return refused("seat", seen.problem, locale);
  if (seen.held === undefined) return { check: "seat", outcome: "skipped", message: t("doctor.seat.none") };
  const until = when(seen.held.expiresAt);
  if (seen.runwayMs !== undefined) {
    const left = formatDuration(seen.runwayMs, locale);
    return { check: "seat", outcome: "warn", message: t("doctor.seat.heartbeatsFailing", { left, until }) };
  }
  const left = formatDuration(Math.max(0, Date.parse(seen.held.expiresAt) - nowMs), locale);
  const key = seen.held.kind === "borrowed" ? "doctor.seat.borrowed" : "doctor.seat.held";
  return { check: "seat", outcome: "ok", message: t(key, { id: seen.held.id, until, left }) };
}

/**
 * The relay check: how the relay was found, the grant chain, the lease's renew-by and offline end, or the
 * relay's refusal (grant full, forged or expired grant, clock set back) from the one catalogue.
 * @example
 * checkRelay({ foundBy: "config", url: "http://10.0.0.5:8787", chainValid: true, renewBy: "…", runsUntil: "…" }, "ja");
 */
export function checkRelay(seen: RelaySeen, locale: Locale): Finding {
  const t = cliText(locale);
  const found = t("doctor.relay.found", { foundBy: seen.foundBy, url: seen.url });
  if (seen.problem !== undefined) {
    const finding = refused("relay", seen.problem, locale);
    return { ...finding, lines: [found] };
  }
  if (!seen.chainValid) return refused("relay", { code: "RESPONSE_SIGNATURE_INVALID" }, locale);
  const lease = t("doctor.relay.lease", {
    grantId: seen.grantId ?? "?",
    renewBy: when(seen.renewBy ?? ""),
    runsUntil: when(seen.runsUntil ?? ""),
  });
  return { check: "relay", outcome: "ok", message: lease, lines: [found] };
}
