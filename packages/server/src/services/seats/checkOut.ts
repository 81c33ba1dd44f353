import {
  type CheckOutDecision,
  decideCheckOut,
  type Fingerprint,
  fail,
  isSeatChannel,
  keyFingerprint,
  type License,
  type LicenseEvent,
  newId,
  noSeatAvailable,
  ok,
  type Policy,
  presentedDigest,
  type Result,
  type Seat,
  type SeatExplanation,
} from "@ninsho/core";
import type { Repositories } from "@ninsho/store";
import type { ServerDeps } from "../../deps.js";
import { firstActivation } from "../deviceRecords.js";
import { sealDeviceSecret } from "../deviceSecrets.js";
import { findLicenseByKey } from "../licenseByKey.js";
import { newSeatSecret, seatSecretDigest } from "./credentials.js";
import { lastOverageStart, seatEvents } from "./seatEvents.js";
import { seatLease } from "./seatLeases.js";
import { recordSeatRefusal } from "./seatRefusals.js";

export interface CheckOutRequest {
  readonly key: string;
  /** As the client sent it (keyed here before it is compared or stored). */
  readonly fingerprint?: Fingerprint | undefined;
  readonly device?: { readonly name: string; readonly platform: string } | undefined;
  readonly workload?: { readonly id: string; readonly kind?: string | undefined } | undefined;
  readonly borrowDays?: number | undefined;
  /**
   * The holder's device secret (text, in clear), proven at the route: sealed with the seat, which is then kept
   * by the holder's device proofs, not by its bearer secret.
   */
  readonly deviceSecret?: string | undefined;
}

export interface CheckedOut {
  readonly license: License;
  readonly policy: Policy;
  readonly seat: Seat;
  /** The seat's secret, shown to its holder once. */
  readonly secret: string;
  readonly lease: string;
  readonly explanation: SeatExplanation;
}

/**
 * Check a seat out. The decision and its writes run in one transaction holding the license row lock (FOR
 * UPDATE on PostgreSQL; SQLite's one writer runs transactions one after another), so concurrent check-outs
 * from any number of server processes never exceed the pool plus the overage the policy allows.
 */
export async function checkOut(deps: ServerDeps, request: CheckOutRequest): Promise<Result<CheckedOut>> {
  const found = await findLicenseByKey(deps, request.key);
  if (!found.ok) return found;
  const policy = await deps.policies.get(found.value.policyId);
  const key = await deps.keyring.signingKeyFor(found.value.productId);
  if (!policy || !key) throw new Error(`license ${found.value.id} has no policy or signing key`);
  if (!isSeatChannel(policy.channel)) return fail("SEAT_CHANNEL_REQUIRED", { channel: policy.channel });
  const holder = holderOf(deps, policy, request);
  if (!holder.ok) return holder;
  const secret = newSeatSecret();
  const outcome = await deps.store.transaction((tx) =>
    decideAndPersist(deps, tx, found.value.id, policy, holder.value, request, secret),
  );
  if (!outcome.ok) return outcome;
  const { license, seat, explanation } = outcome.value;
  const lease = seatLease(key, license, policy, seat, deps.clock());
  return ok({ license, policy, seat, secret, lease, explanation });
}

interface Holder {
  readonly holder: string;
  readonly name: string;
  readonly platform: string;
}

/** Who asks: a machine by its keyed fingerprint digest (floating), or a workload by its identity. */
function holderOf(deps: ServerDeps, policy: Policy, request: CheckOutRequest): Result<Holder> {
  if (policy.channel === "workload") {
    if (!request.workload) return fail("SEAT_REQUEST_INVALID", { channel: policy.channel });
    const platform = request.workload.kind ?? request.device?.platform ?? "workload";
    return ok({ holder: `workload:${request.workload.id}`, name: request.workload.id, platform });
  }
  if (!request.fingerprint || !request.device)
    return fail("SEAT_REQUEST_INVALID", { channel: policy.channel });
  // Compared and stored only in keyed form, as activations do: the database never holds a client's digest.
  const keyed = keyFingerprint(deps.secrets.componentDigests, request.fingerprint);
  return ok({ holder: `fp:${presentedDigest(keyed)}`, ...request.device });
}

async function decideAndPersist(
  deps: ServerDeps,
  tx: Repositories,
  licenseId: string,
  policy: Policy,
  holder: Holder,
  request: CheckOutRequest,
  secret: string,
): Promise<Result<{ license: License; seat: Seat; explanation: SeatExplanation }>> {
  const borrowDays = request.borrowDays;
  const now = deps.clock();
  const license = await tx.licenses.lockById(licenseId);
  if (!license) return fail("KEY_NOT_FOUND");
  const at = now.toISOString();
  const decided = decideCheckOut({
    license,
    policy,
    held: await tx.seats.countHeld(licenseId, at),
    holder: holder.holder,
    mine: await tx.seats.findHeldBy(licenseId, holder.holder, at),
    now,
    lastOverageStart: await lastOverageStart(tx, licenseId, policy, now),
    borrowDays,
  });
  if (!decided.ok) return decided;
  // Who holds the pool is read only for a refusal, which lists them: a check-out itself only counts.
  if (decided.value.outcome === "full") {
    const refused = noSeatAvailable(decided.value.explanation, await tx.seats.listHeld(licenseId, at), now);
    if (!refused.ok) await recordSeatRefusal(tx, licenseId, refused.error, { name: holder.name }, now);
    return refused;
  }
  const { deviceSecret } = request;
  const credentials = {
    secretDigest: seatSecretDigest(secret),
    // Sealed under the master key and bound to the seat's id, as a device's is to the device's.
    ...(deviceSecret === undefined
      ? {}
      : { sealDeviceSecret: (seatId: string) => sealDeviceSecret(deps.secrets, deviceSecret, seatId) }),
  };
  const seat = await persist(tx, license, holder, decided.value, credentials, now);
  const events: LicenseEvent[] = seatEvents(license, seat, decided.value, borrowDays, now);
  if (events.length > 0) await tx.events.append(...events);
  // A license's first seat starts it as a first activation does (and the expiry its policy counts from it).
  const started = await firstActivation(tx, license, policy, now);
  return ok({ license: started, seat, explanation: decided.value.explanation });
}

async function persist(
  tx: Repositories,
  license: License,
  holder: Holder,
  decision: Exclude<CheckOutDecision, { outcome: "full" }>,
  credentials: { readonly secretDigest: string; readonly sealDeviceSecret?: (seatId: string) => string },
  now: Date,
): Promise<Seat> {
  const { secretDigest } = credentials;
  const at = now.toISOString();
  if (decision.outcome === "same_holder") {
    const deviceSecret = credentials.sealDeviceSecret?.(decision.seat.id);
    const renewal = {
      heartbeatAt: at,
      expiresAt: decision.expiresAt,
      kind: decision.kind,
      secretDigest,
      // A new holder process: its device secret (or none, then its bearer secret) keeps the seat from now on.
      deviceSecret: deviceSecret ?? null,
      ...(decision.endsBy === undefined ? {} : { endsBy: decision.endsBy }),
    };
    await tx.seats.renew(decision.seat.id, renewal);
    const { endsBy: _old, deviceSecret: _previous, ...rest } = decision.seat;
    const { deviceSecret: _stored, ...kept } = renewal;
    return { ...rest, ...kept, ...(deviceSecret === undefined ? {} : { deviceSecret }) };
  }
  const id = newId("seat");
  const deviceSecret = credentials.sealDeviceSecret?.(id);
  const seat: Seat = {
    id,
    licenseId: license.id,
    kind: decision.kind,
    ...holder,
    secretDigest,
    overage: decision.overage !== undefined,
    checkedOutAt: at,
    heartbeatAt: at,
    expiresAt: decision.expiresAt,
    ...(decision.endsBy === undefined ? {} : { endsBy: decision.endsBy }),
    ...(deviceSecret === undefined ? {} : { deviceSecret }),
  };
  await tx.seats.insert(seat);
  // Seats that ended before any day the usage route can show are no one's any more: pruned as new ones come,
  // under the license's lock, so the table holds a license's last year and its live seats only.
  await tx.seats.pruneEnded(license.id, new Date(now.getTime() - SEAT_RETENTION_DAYS * DAY_MS).toISOString());
  return seat;
}

/** How long an ended seat is kept: the usage route shows up to 366 days, today included. */
export const SEAT_RETENTION_DAYS = 367;
const DAY_MS = 86_400_000;
