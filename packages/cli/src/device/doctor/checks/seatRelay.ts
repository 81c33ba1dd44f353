import { describe, type ErrorCode, isRecord, type Locale, type ProblemParams } from "@ninsho/core";
import { formatDuration } from "@ninsho/sdk";
import { when } from "../../../admin/format.js";
import { cliText } from "../../../i18n/index.js";
import type { Finding } from "../types.js";

/**
 * What a seat client last saw: the seat it holds (with how long it may keep running if heartbeats fail), or
 * the refusal's code and params (NO_SEAT_AVAILABLE with held, seats and nextFreeAt; SEAT_EXPIRED …).
 * @example
 * const seen: SeatSeen = { held: { id: "seat_1", kind: "borrowed", expiresAt: "2027-01-15T00:00:00Z" } };
 */
export interface SeatSeen {
  readonly held?: {
    readonly id: string;
    readonly kind: "floating" | "workload" | "borrowed";
    readonly expiresAt: string;
  };
  /** Heartbeats have been failing: how long the app may keep running on the seat it holds. */
  readonly runwayMs?: number;
  readonly problem?: Refusal;
}

/**
 * What a relay client last saw: how it found the relay, whether the chain relay key → grant → vendor key
 * verified, the lease's renew-by and offline end, or the refusal's code and params.
 * @example
 * const seen: RelaySeen = { foundBy: "srv", url: "http://10.0.0.5:8787", chainValid: true, runsUntil: "…" };
 */
export interface RelaySeen {
  readonly foundBy: "config" | "srv";
  readonly url: string;
  readonly chainValid: boolean;
  readonly grantId?: string;
  readonly renewBy?: string;
  readonly runsUntil?: string;
  readonly problem?: Refusal;
}

/**
 * A refusal as the SDK hands it over (its `problem`): the code, and the facts as params or as the server's
 * details (NO_SEAT_AVAILABLE's held, seats, nextFreeAt).
 * @example
 * const refusal: Refusal = { code: "SEAT_EXPIRED", params: { seatId: "seat_1", expiredAt: "…", cause: "timeout" } };
 */
export interface Refusal {
  readonly code: ErrorCode;
  readonly params?: ProblemParams;
  readonly details?: unknown;
}

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
