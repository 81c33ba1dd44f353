import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { isErrorCode, isRecord, type ProblemParams } from "@ninsho/core";
import { LAST_STATE_FILES } from "@ninsho/sdk";
import { parseJson } from "../network.js";
import type { Refusal, RelaySeen, SeatSeen } from "./seen.js";

/**
 * What the SDK's seat and relay clients last saw on this machine, read from their last-state files
 * (`LAST_STATE_FILES` in the state folder). The user may have edited them: they are only worded by the doctor,
 * never trusted for anything, so a field that is not what it should be is dropped and a file that is not a
 * note at all counts as absent.
 * @example
 * const { seat, relay } = await readLastSeen(config.dir, config.now());
 */
export async function readLastSeen(
  dir: string,
  nowMs: number,
): Promise<{ readonly seat?: SeatSeen; readonly relay?: RelaySeen }> {
  const [seatNote, relayNote] = await Promise.all([
    readNote(join(dir, LAST_STATE_FILES.seat)),
    readNote(join(dir, LAST_STATE_FILES.relay)),
  ]);
  const seat = seatNote && seatSeen(seatNote, nowMs);
  const relay = relayNote && relaySeen(relayNote);
  return { ...(seat ? { seat } : {}), ...(relay ? { relay } : {}) };
}

async function readNote(path: string): Promise<Record<string, unknown> | undefined> {
  try {
    const note = parseJson(await readFile(path, "utf8"));
    return isRecord(note) && note.version === 1 ? note : undefined;
  } catch {
    return undefined;
  }
}

const text = (v: unknown): string | undefined => (typeof v === "string" && v.length <= 200 ? v : undefined);
const instant = (v: unknown): string | undefined =>
  typeof v === "string" && Number.isFinite(Date.parse(v)) ? v : undefined;

/** Only strings and numbers, as the catalogue's placeholders take them. */
const facts = (v: unknown): ProblemParams | undefined => {
  if (!isRecord(v)) return undefined;
  const kept = Object.entries(v).filter(
    (e): e is [string, string | number] =>
      (typeof e[1] === "string" && e[1].length <= 200) || (typeof e[1] === "number" && Number.isFinite(e[1])),
  );
  return Object.fromEntries(kept);
};

function refusal(v: unknown): Refusal | undefined {
  if (!isRecord(v) || typeof v.code !== "string" || !isErrorCode(v.code)) return undefined;
  const params = facts(v.params);
  const details = facts(v.details);
  return { code: v.code, ...(params ? { params } : {}), ...(details ? { details } : {}) };
}

function seatSeen(note: Record<string, unknown>, nowMs: number): SeatSeen {
  const refused = refusal(note.refused);
  const h = note.held;
  const kind = isRecord(h) && (h.kind === "floating" || h.kind === "workload" || h.kind === "borrowed");
  const id = isRecord(h) ? text(h.id) : undefined;
  const expiresAt = isRecord(h) ? instant(h.expiresAt) : undefined;
  const held =
    kind && id !== undefined && expiresAt !== undefined && isRecord(h)
      ? { id, kind: h.kind as "floating" | "workload" | "borrowed", expiresAt }
      : undefined;
  // The runway is counted again from the seat's expiry: the note's own figure was right only when written.
  const failing = held !== undefined && typeof note.runwayMs === "number";
  return {
    ...(held ? { held } : {}),
    ...(failing ? { runwayMs: Math.max(0, Date.parse(held.expiresAt) - nowMs) } : {}),
    ...(refused ? { problem: refused } : {}),
  };
}

function relaySeen(note: Record<string, unknown>): RelaySeen | undefined {
  const url = text(note.url);
  if (url === undefined || (note.foundBy !== "config" && note.foundBy !== "srv")) return undefined;
  const refused = refusal(note.refused);
  const grantId = text(note.grantId);
  const renewBy = instant(note.renewBy);
  const runsUntil = instant(note.runsUntil);
  return {
    foundBy: note.foundBy,
    url,
    chainValid: note.chainValid === true,
    ...(grantId === undefined ? {} : { grantId }),
    ...(renewBy === undefined ? {} : { renewBy }),
    ...(runsUntil === undefined ? {} : { runsUntil }),
    ...(refused ? { problem: refused } : {}),
  };
}
