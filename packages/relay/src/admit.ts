import type { RelayActivationRequest } from "@ninsho/contract";
import { fail, fingerprintDigest, parseDeviceSecret, type Result } from "@ninsho/core";
import { countersOf, type RelayContext, timeHolds } from "./context.js";
import { type Issued, issueLease } from "./issue.js";
import {
  appendAdmission,
  deviceByFingerprint,
  deviceSecretOf,
  freeSlot,
  proofRefusal,
  proveWith,
  sameSecret,
} from "./ledger.js";

/** The path an activation's proof is made over. */
export const ACTIVATION_PATH = "/v1/activations";

/**
 * Admit a device under the grant, or answer the one already admitted with this component set again: one
 * SQLite write transaction, so however many ask at once, at most `max` devices ever hold a slot. A full grant
 * is RELAY_GRANT_FULL (and counted, as demand beyond the grant for the vendor's true-up); a relay whose data was
 * proven restored from an old backup admits no one (RELAY_STATE_ROLLBACK). The device registers its secret
 * with a proof made by it, as in a server activation; a copy of a known machine without its secret is refused.
 * @example
 * const issued = admitDevice(ctx, body);
 */
export function admitDevice(
  ctx: RelayContext,
  body: RelayActivationRequest & Record<string, unknown>,
): Result<Issued> {
  return ctx.db
    .transaction((): Result<Issued> => {
      const counters = countersOf(ctx);
      const time = timeHolds(ctx, counters);
      if (!time.ok) return time;
      const now = time.value;
      const secret = parseDeviceSecret(body.deviceSecret);
      const unproven = proveWith(secret, ACTIVATION_PATH, body, now, false);
      if (unproven || !secret) return { ok: false, error: unproven ?? proofRefusal("malformed", now).error };
      const fpd = fingerprintDigest(body.fingerprint.components);
      const known = deviceByFingerprint(ctx, fpd);
      if (known) {
        if (!sameSecret(secret, deviceSecretOf(ctx, known))) return proofRefusal("another_key", now);
        return { ok: true, value: issueLease(ctx, known, now, false) };
      }
      if (counters.locked)
        return fail("RELAY_STATE_ROLLBACK", {
          grantId: ctx.grant.jti,
          seen: counters.seq,
          recorded: counters.seq,
        });
      const slot = freeSlot(ctx);
      if (slot === undefined) {
        ctx.db.prepare("UPDATE counters SET refused = refused + 1 WHERE grant_id = ?").run(ctx.grant.jti);
        return fail("RELAY_GRANT_FULL", { maxDevices: ctx.grant.max, grantId: ctx.grant.jti });
      }
      const row = appendAdmission(ctx, counters, {
        slot,
        fingerprintDigest: fpd,
        secret: body.deviceSecret,
        name: body.device.name,
        platform: body.device.platform,
        admittedMs: now.getTime(),
      });
      return { ok: true, value: issueLease(ctx, row, now, true) };
    })
    .immediate();
}
