import { seed } from "../problem.js";
import type { LoadedDevice, StorageProblem } from "./deviceStore.js";
import type { ServerVerdict } from "./stateFile.js";
import type { RecordRead, VerdictRecord } from "./verdictRecord.js";

/** How the status names the record when it is what is wrong. */
export const RECORD_FILE = "verdict record";

/** A release the record remembers, as the verdict the server gives a lease of a device given back. */
const released = (r: VerdictRecord): ServerVerdict => ({
  state: "deactivated",
  seed: seed("DEVICE_DEACTIVATED"),
  at: r.answeredAtMs,
});

/**
 * Merge the record kept outside the state folder into what the folder held. The clock marks take the higher
 * of the two. The newest signed answer wins: when the record saw an answer at least as new as `state.json`
 * did, and the lease in the folder is no newer than that answer, the record's verdict (or release) holds,
 * whatever `state.json` says or whether it is there at all. A lease whose record is missing, damaged, names
 * another device, or went backwards (it never saw the lease, or is older than `state.json`) cannot be confirmed
 * offline: it is `STATE_UNCONFIRMED` until the server answers (a restored folder with its record deleted or put
 * back looks exactly like that, so it must ask the server too).
 *
 * @example
 * const loaded = reconcileRecord(await store.load(), await records.read());
 * if (loaded.stateProblem?.code === "STATE_UNCONFIRMED") await client.validate(); // asks the server
 */
export function reconcileRecord(loaded: LoadedDevice, read: RecordRead): LoadedDevice {
  const { state, lease } = loaded;
  let reason: string | undefined;
  if (read.kind === "ok") {
    const r = read.record;
    const stateAt = state.lastServerTimeMs ?? 0;
    state.serverMarkMs = Math.max(state.serverMarkMs, r.serverMarkMs);
    state.localMarkMs = Math.max(state.localMarkMs, r.localMarkMs);
    // Every lease and answer the device takes is recorded before `state.json` is written: a record that has not
    // seen the lease in the folder, or is older than `state.json`, went backwards (put back, or a write failed).
    if (lease && lease.issuedAtMs > r.serverMarkMs) reason = "it is older than the lease";
    else if (lease && stateAt > r.answeredAtMs) reason = "it is older than state.json";
    else if (
      r.answeredAtMs > 0 &&
      r.answeredAtMs >= stateAt &&
      (!lease || lease.issuedAtMs <= r.answeredAtMs)
    ) {
      if (lease && r.deviceId !== undefined && r.deviceId !== lease.claims.sub) {
        reason = `it names device ${r.deviceId}, the lease ${lease.claims.sub}`;
      } else {
        const strict = r.verdict ?? (r.released && lease ? released(r) : undefined);
        if (strict && (state.verdict === undefined || r.answeredAtMs > stateAt)) state.verdict = strict;
        state.lastServerTimeMs = r.answeredAtMs;
        if (state.deviceId === undefined && r.deviceId !== undefined) state.deviceId = r.deviceId;
      }
    }
  } else if (lease) {
    reason = read.kind === "missing" ? "it is missing" : read.reason;
  }
  if (reason === undefined || loaded.stateProblem?.code === "STATE_TAMPERED") return loaded;
  const stateProblem: StorageProblem = { code: "STATE_UNCONFIRMED", file: RECORD_FILE, reason };
  return { ...loaded, stateProblem };
}
