import { join } from "node:path";
import { type ErrorCode, isRecord, type ProblemParams } from "@ninsho/core";
import type { ClientProblem } from "../client/problem.js";
import { writeAtomic } from "../client/storage/files.js";

/**
 * The last-state files the seat and relay clients keep in the state folder (beside `STATE_FILES`) when they
 * are given one: what they last saw, for `ninsho device doctor` to explain. They are notes, not credentials:
 * the user may edit them, so nothing is ever granted from them (the seat's and the relay's own signed leases
 * decide), and the doctor only words what they say.
 *
 * @example
 * const seatFile = join(storageDir, LAST_STATE_FILES.seat); // "<storageDir>/seat.last.json"
 */
export const LAST_STATE_FILES = {
  seat: "seat.last.json",
  relay: "relay.last.json",
} as const;

/**
 * A refusal as a last-state file keeps it: the code, the catalogue's params, and the plain facts of the
 * server's details (numbers and strings only: NO_SEAT_AVAILABLE's held, seats and nextFreeAt, a relay's
 * maxDevices and grantId), never the other holders it lists.
 *
 * @example
 * const refused: LastRefusal = { code: "NO_SEAT_AVAILABLE", details: { held: 20, seats: 20, nextFreeAt: "…" } };
 */
export interface LastRefusal {
  readonly code: ErrorCode;
  readonly params?: ProblemParams;
  readonly details?: Readonly<Record<string, string | number>>;
}

/**
 * What a seat client last saw: the seat it holds, how long it may keep running on it while heartbeats fail,
 * or the refusal that left it without one.
 *
 * @example
 * const seen: SeatLastState = { version: 1, writtenAt: "…", held: { id: "seat_1", kind: "floating", expiresAt: "…" } };
 */
export interface SeatLastState {
  readonly version: 1;
  readonly writtenAt: string;
  readonly held?: {
    readonly id: string;
    readonly kind: "floating" | "workload" | "borrowed";
    readonly expiresAt: string;
  };
  /** Heartbeats are failing: the runway (ms) left when this was written, and the last failure. */
  readonly runwayMs?: number;
  readonly heartbeatFailure?: LastRefusal;
  readonly refused?: LastRefusal;
}

/**
 * What a relay client last saw: how it found the relay, whether the chain relay key → grant → vendor key
 * verified, the lease's renew-by and offline end, or the relay's refusal.
 *
 * @example
 * const seen: RelayLastState = { version: 1, writtenAt: "…", foundBy: "srv", url: "http://10.0.0.5:8787", chainValid: true };
 */
export interface RelayLastState {
  readonly version: 1;
  readonly writtenAt: string;
  readonly foundBy: "config" | "srv";
  readonly url: string;
  readonly chainValid: boolean;
  readonly grantId?: string;
  readonly renewBy?: string;
  readonly runsUntil?: string;
  readonly refused?: LastRefusal;
}

/**
 * A problem as a last-state file keeps it (see `LastRefusal`).
 * @example
 * const refused = lastRefusal(result.problem);
 */
export function lastRefusal(problem: ClientProblem): LastRefusal {
  const facts = isRecord(problem.details)
    ? Object.entries(problem.details).filter(
        (entry): entry is [string, string | number] =>
          typeof entry[1] === "string" || typeof entry[1] === "number",
      )
    : [];
  return {
    code: problem.code,
    ...(problem.params === undefined ? {} : { params: problem.params }),
    ...(facts.length === 0 ? {} : { details: Object.fromEntries(facts) }),
  };
}

/**
 * Writes one last-state file, atomically and private to the user (0600), each write after the one before;
 * nothing at all without a state folder. A write that fails is dropped: the note is for explaining, and the
 * app must run on whatever the disk does.
 *
 * @example
 * const note = lastStateNote(options.stateDir, LAST_STATE_FILES.seat);
 * await note.write({ version: 1, writtenAt: new Date().toISOString() });
 */
export function lastStateNote<T extends { readonly version: 1 }>(
  stateDir: string | undefined,
  file: string,
): { write(state: T): Promise<void> } {
  let queue: Promise<void> = Promise.resolve();
  return {
    write(state) {
      if (stateDir === undefined) return Promise.resolve();
      const text = `${JSON.stringify(state, null, 2)}\n`;
      queue = queue.then(() => writeAtomic(join(stateDir, file), text)).catch(() => undefined);
      return queue;
    },
  };
}
