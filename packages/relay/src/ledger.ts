import {
  checkDeviceProof,
  type DeviceProofRefusal,
  fail,
  newId,
  type Problem,
  parseDeviceSecret,
  reason,
  sameBytes,
  seal,
  unseal,
} from "@ninsho/core";
import { chainNext, chainSeal } from "./chain.js";
import type { RelayContext } from "./context.js";
import type { CounterRow, DeviceRow } from "./db.js";

const PROOF_REASONS = {
  missing: "PROOF_MISSING",
  malformed: "PROOF_MALFORMED",
  stale: "PROOF_STALE",
  bad_signature: "PROOF_BAD_SIGNATURE",
  another_key: "PROOF_ANOTHER_KEY",
} as const;

/**
 * DEVICE_PROOF_INVALID with its reason (and the relay's time for a stale proof, as the server answers).
 * @example
 * return proofRefusal("stale", now);
 */
export const proofRefusal = (why: DeviceProofRefusal | "another_key", now: Date) =>
  fail(
    "DEVICE_PROOF_INVALID",
    { reason: reason(PROOF_REASONS[why]) },
    { reason: why, ...(why === "stale" ? { serverTime: now.toISOString() } : {}) },
  );

/**
 * Check a request's device proof by a secret, the relay's clock bounding its time unless `window` is false.
 * @example
 * const proven = proveWith(secret, "/v1/renewals", body, now, true);
 */
export function proveWith(
  secret: Buffer | undefined,
  path: string,
  body: Record<string, unknown>,
  now: Date,
  window: boolean,
): Problem | undefined {
  if (!secret) return proofRefusal("malformed", now).error;
  const checked = checkDeviceProof({
    secret,
    path,
    body,
    proof: body.proof,
    now,
    ...(window ? {} : { window: false as const }),
  });
  return checked.ok ? undefined : proofRefusal(checked.reason, now).error;
}

/**
 * The secret a device registered, opened from its seal (bound to the device id).
 * @example
 * const secret = deviceSecretOf(ctx, row);
 */
export const deviceSecretOf = (ctx: RelayContext, row: DeviceRow): Buffer | undefined =>
  parseDeviceSecret(unseal(ctx.secrets, row.secret_sealed, row.id));

/** Whether an offered secret is the one registered, in constant time. */
export function sameSecret(offered: Buffer, registered: Buffer | undefined): boolean {
  return registered !== undefined && sameBytes(offered, registered);
}

/** What a new admission (or a device restored from its lease) is. */
export interface Admission {
  readonly id?: string;
  readonly slot: number;
  readonly fingerprintDigest: string;
  readonly secret: string;
  readonly name: string;
  readonly platform: string;
  readonly admittedMs: number;
}

/**
 * Add a device to the grant's chain in its slot: the next `seq`, the head extended and sealed again. Inside the
 * caller's transaction.
 * @example
 * const row = appendAdmission(ctx, countersOf(ctx), { slot: 1, … });
 */
export function appendAdmission(ctx: RelayContext, counters: CounterRow, admission: Admission): DeviceRow {
  const id = admission.id ?? newId("device");
  const row: DeviceRow = {
    id,
    grant_id: ctx.grant.jti,
    slot: admission.slot,
    seq: counters.seq + 1,
    fpd: admission.fingerprintDigest,
    secret_sealed: seal(ctx.secrets, admission.secret, id),
    name: admission.name,
    platform: admission.platform,
    status: "active",
    admitted_ms: admission.admittedMs,
    last_seen_ms: admission.admittedMs,
    lease_exp_ms: 0,
    renewals: 0,
  };
  ctx.db
    .prepare(
      `INSERT INTO devices (id, grant_id, slot, seq, fpd, secret_sealed, name, platform, status, admitted_ms,
        last_seen_ms, lease_exp_ms, renewals)
       VALUES (@id, @grant_id, @slot, @seq, @fpd, @secret_sealed, @name, @platform, @status, @admitted_ms,
        @last_seen_ms, @lease_exp_ms, @renewals)`,
    )
    .run(row);
  const head = chainNext(counters.head, row);
  ctx.db
    .prepare("UPDATE counters SET seq = ?, head = ?, seal = ? WHERE grant_id = ?")
    .run(row.seq, head, chainSeal(ctx.chainKey, ctx.grant.jti, row.seq, head), ctx.grant.jti);
  return row;
}

/**
 * The lowest slot no active device holds, or `undefined` when all `max` are held.
 * @example
 * const slot = freeSlot(ctx);
 */
export function freeSlot(ctx: RelayContext): number | undefined {
  const held = ctx.db
    .prepare("SELECT slot FROM devices WHERE grant_id = ? AND status = 'active' ORDER BY slot")
    .all(ctx.grant.jti) as { slot: number }[];
  let next = 1;
  for (const { slot } of held) {
    if (slot !== next) break;
    next += 1;
  }
  return next <= ctx.grant.max ? next : undefined;
}

/**
 * The active device with a component digest under the grant, if any.
 * @example
 * const known = deviceByFingerprint(ctx, fingerprintDigest(components));
 */
export const deviceByFingerprint = (ctx: RelayContext, fpd: string): DeviceRow | undefined =>
  ctx.db
    .prepare("SELECT * FROM devices WHERE grant_id = ? AND fpd = ? AND status = 'active'")
    .get(ctx.grant.jti, fpd) as DeviceRow | undefined;
