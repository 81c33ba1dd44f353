import type { RelayRenewalRequest } from "@ninsho/contract";
import { fail, parseDeviceSecret, type RelayLeaseClaims, type Result, verifyRelayLease } from "@ninsho/core";
import { countersOf, type RelayContext, timeHolds } from "./context.js";
import type { CounterRow, DeviceRow } from "./db.js";
import { type Issued, issueLease } from "./issue.js";
import { appendAdmission, deviceSecretOf, proofRefusal, proveWith } from "./ledger.js";

/** The path a renewal's proof is made over. */
export const RENEWAL_PATH = "/v1/renewals";

/** A renewal's body; `deviceSecret` only when the relay asked for it to restore the device (see below). */
export type RenewalBody = RelayRenewalRequest & {
  readonly deviceSecret?: string | undefined;
} & Record<string, unknown>;

const rollback = (ctx: RelayContext, counters: CounterRow, claims: RelayLeaseClaims, heal: boolean) =>
  fail(
    "RELAY_STATE_ROLLBACK",
    { grantId: ctx.grant.jti, seen: claims.seq, recorded: counters.seq },
    { restorable: heal },
  );

/**
 * Renew a device's lease. The lease is the relay's own signature, so its `iat` is a time anchor the clock may
 * not fall behind (RELAY_CLOCK_ROLLBACK), and its slot and admission are evidence the relay's records must
 * hold: a device the records do not know proves the data folder was restored from an old backup. The device is
 * then restored into its slot (sent again with its secret, as the answer's `restorable` asks) — unless a device
 * admitted after the restore took that slot: then the slot goes back to the device admitted first, the other
 * is evicted at its next renewal, and the grant admits no new device any more (the relay's records can no
 * longer be trusted to count). Every such restore is counted in the usage report.
 * @example
 * const issued = renewDevice(ctx, body);
 */
export function renewDevice(ctx: RelayContext, body: RenewalBody): Result<Issued> {
  const chain = verifyRelayLease({ lease: body.lease, grant: ctx.grantText }, ctx.keys.vendorKeys);
  if (!chain.ok) return chain;
  const claims = chain.value.lease;
  return ctx.db
    .transaction((): Result<Issued> => {
      ctx.db
        .prepare("UPDATE counters SET trusted_ms = max(trusted_ms, ?) WHERE grant_id = ?")
        .run(claims.iat * 1000, ctx.grant.jti);
      const counters = countersOf(ctx);
      const time = timeHolds(ctx, counters);
      if (!time.ok) return time;
      const now = time.value;
      const row = ctx.db.prepare("SELECT * FROM devices WHERE id = ?").get(claims.sub) as
        | DeviceRow
        | undefined;
      if (row?.status === "evicted") return rollback(ctx, counters, claims, false);
      if (row) {
        const unproven = proveWith(deviceSecretOf(ctx, row), RENEWAL_PATH, body, now, true);
        if (unproven) return { ok: false, error: unproven };
        ctx.db.prepare("UPDATE devices SET renewals = renewals + 1 WHERE id = ?").run(row.id);
        ctx.db.prepare("UPDATE counters SET renewals = renewals + 1 WHERE grant_id = ?").run(ctx.grant.jti);
        return { ok: true, value: issueLease(ctx, row, now, false) };
      }
      return restore(ctx, counters, claims, body, now);
    })
    .immediate();
}

/** A device with an authentic lease the records have lost: restore it into its slot (see `renewDevice`). */
function restore(
  ctx: RelayContext,
  counters: CounterRow,
  claims: RelayLeaseClaims,
  body: RenewalBody,
  now: Date,
): Result<Issued> {
  if (body.deviceSecret === undefined) return rollback(ctx, counters, claims, true);
  const secret = parseDeviceSecret(body.deviceSecret);
  const unproven = proveWith(secret, RENEWAL_PATH, body, now, true);
  if (unproven || !secret) return { ok: false, error: unproven ?? proofRefusal("malformed", now).error };
  const holder = ctx.db
    .prepare("SELECT * FROM devices WHERE grant_id = ? AND slot = ? AND status = 'active'")
    .get(ctx.grant.jti, claims.slt) as DeviceRow | undefined;
  ctx.db.prepare("UPDATE counters SET rollbacks = rollbacks + 1 WHERE grant_id = ?").run(ctx.grant.jti);
  if (holder) {
    ctx.db.prepare("UPDATE counters SET locked = 1 WHERE grant_id = ?").run(ctx.grant.jti);
    if (claims.adt * 1000 >= holder.admitted_ms) return rollback(ctx, counters, claims, false);
    ctx.db.prepare("UPDATE devices SET status = 'evicted' WHERE id = ?").run(holder.id);
  }
  const row = appendAdmission(ctx, countersOf(ctx), {
    id: claims.sub,
    slot: claims.slt,
    fingerprintDigest: claims.fpd,
    secret: body.deviceSecret,
    name: "(restored from its lease)",
    platform: "—",
    admittedMs: claims.adt * 1000,
  });
  return { ok: true, value: issueLease(ctx, row, now, false) };
}
