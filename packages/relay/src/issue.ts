import type { RelayLeaseAnswer } from "@ninsho/contract";
import { signRelayLease } from "@ninsho/core";
import type { RelayContext } from "./context.js";
import type { DeviceRow } from "./db.js";

/** A lease the relay issued, and whether the device is new (201) or known (200). */
export interface Issued {
  readonly answer: RelayLeaseAnswer;
  readonly created: boolean;
}

const seconds = (ms: number) => Math.floor(ms / 1000);

/**
 * Sign a lease for an admitted device and keep what it says: the device's lease end and last contact, the
 * latest trusted time (now, which the lease itself anchors), and the peak of devices holding live leases.
 * Runs inside the caller's transaction.
 * @example
 * const issued = issueLease(ctx, row, now, true);
 */
export function issueLease(ctx: RelayContext, row: DeviceRow, now: Date, created: boolean): Issued {
  const { grant } = ctx;
  const iat = seconds(now.getTime());
  const exp = Math.min(iat + grant.off, grant.exp);
  const lxp = Math.min(iat + grant.rnw, exp);
  const lease = signRelayLease(ctx.keys.signing, {
    iss: "ninsho-relay",
    sub: row.id,
    aud: grant.aud,
    lic: grant.lic,
    gid: grant.jti,
    slt: row.slot,
    seq: row.seq,
    adt: seconds(row.admitted_ms),
    fpd: row.fpd,
    iat,
    lxp,
    exp,
  });
  ctx.db
    .prepare("UPDATE devices SET lease_exp_ms = ?, last_seen_ms = ? WHERE id = ?")
    .run(exp * 1000, now.getTime(), row.id);
  const live = ctx.db
    .prepare(
      "SELECT count(*) AS n FROM devices WHERE grant_id = ? AND status = 'active' AND lease_exp_ms > ?",
    )
    .get(grant.jti, now.getTime()) as { n: number };
  ctx.db
    .prepare("UPDATE counters SET trusted_ms = max(trusted_ms, ?), peak = max(peak, ?) WHERE grant_id = ?")
    .run(now.getTime(), live.n, grant.jti);
  const iso = (s: number) => new Date(s * 1000).toISOString();
  return {
    created,
    answer: {
      device: { id: row.id, slot: row.slot },
      lease,
      grant: ctx.grantText,
      renewBy: iso(lxp),
      runsUntil: iso(exp),
      serverTime: now.toISOString(),
    },
  };
}
