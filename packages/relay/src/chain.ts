import { createHash, createHmac, hkdfSync } from "node:crypto";
import { fail, ok, type Result, sameBytes } from "@ninsho/core";
import type { CounterRow, DeviceRow, RelayDb } from "./db.js";

/**
 * The admissions of a grant as a hash chain: each admission's place (`seq`), device, slot and digest extend
 * the head, and the head with its `seq` is sealed by a key derived from the relay's master key. A row deleted,
 * edited or slipped in by hand breaks the chain and the relay refuses to start; a whole folder restored from an
 * old backup keeps a consistent chain, and is caught instead by the leases the relay signed since (`seq`).
 */
export const chainKey = (master: Buffer): Buffer =>
  Buffer.from(hkdfSync("sha256", master, "ninsho-relay", "admission-chain/v1", 32));

/** The head before any admission: bound to the grant, so counters never carry over to another grant. */
export const chainStart = (grantId: string): string =>
  createHash("sha256").update(`ninsho.relay.chain.v1\n${grantId}`).digest("hex");

/** The head after one more admission. */
export const chainNext = (head: string, row: Pick<DeviceRow, "seq" | "id" | "slot" | "fpd">): string =>
  createHash("sha256").update(`${head}\n${row.seq}\n${row.id}\n${row.slot}\n${row.fpd}`).digest("hex");

/** The seal of a head at its `seq`. */
export const chainSeal = (key: Buffer, grantId: string, seq: number, head: string): string =>
  createHmac("sha256", key).update(`${grantId}\n${seq}\n${head}`).digest("base64url");

/**
 * Check the stored chain of a grant against its sealed head: RELAY_STATE_ROLLBACK when the rows were changed.
 * @example
 * const checked = verifyChain(db, key, counters);
 */
export function verifyChain(db: RelayDb, key: Buffer, counters: CounterRow): Result<true> {
  const rows = db
    .prepare("SELECT id, slot, seq, fpd FROM devices WHERE grant_id = ? ORDER BY seq")
    .all(counters.grant_id) as Pick<DeviceRow, "seq" | "id" | "slot" | "fpd">[];
  let head = chainStart(counters.grant_id);
  for (const row of rows) head = chainNext(head, row);
  const sealed = sameBytes(chainSeal(key, counters.grant_id, counters.seq, head), counters.seal);
  if (sealed && head === counters.head && rows.length === counters.seq) return ok(true);
  return fail("RELAY_STATE_ROLLBACK", {
    grantId: counters.grant_id,
    seen: counters.seq,
    recorded: rows.length,
  });
}
