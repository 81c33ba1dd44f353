import type { ErrorCode, ProblemParams } from "@ninsho/core";
import type { RelayLastState, SeatLastState } from "@ninsho/sdk";

// What the doctor's seat and relay checks judge, apart from the checks themselves so that the evidence
// (`types.ts`) and the notes' reader (`lastSeen.ts`) can name it without importing the checks.

/**
 * What a seat client last saw: the seat it holds (with how long it may keep running if heartbeats fail), or
 * the refusal's code and params (NO_SEAT_AVAILABLE with held, seats and nextFreeAt; SEAT_EXPIRED …).
 * @example
 * const seen: SeatSeen = { held: { id: "seat_1", kind: "borrowed", expiresAt: "2027-01-15T00:00:00Z" } };
 */
export type SeatSeen = Pick<SeatLastState, "held" | "runwayMs"> & { readonly problem?: Refusal };

/**
 * What a relay client last saw: how it found the relay, whether the chain relay key → grant → vendor key
 * verified, the lease's renew-by and offline end, or the refusal's code and params.
 * @example
 * const seen: RelaySeen = { foundBy: "srv", url: "http://10.0.0.5:8787", chainValid: true, runsUntil: "…" };
 */
export type RelaySeen = Omit<RelayLastState, "version" | "writtenAt" | "refused"> & {
  readonly problem?: Refusal;
};

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
