import {
  type Device,
  decideValidation,
  type Fingerprint,
  fail,
  type License,
  licenseState,
  type MatchExplanation,
  ok,
  type Policy,
  type Problem,
  type Result,
  reason,
  type SigningKey,
  type ValidationDecision,
  verifyProductLease,
} from "@ninsho/core";
import type { Repositories } from "@ninsho/store";
import type { ServerDeps } from "../deps.js";
import { withReplacement } from "../transfers/replaced.js";
import { writeChannel } from "./channels.js";
import { deviceProofHolds, type ProvenRequest, proveDevice } from "./deviceProof.js";
import { appendLineageEvent } from "./deviceRecords.js";
import type { IssuedLease } from "./leases.js";
import { findLicenseByKey } from "./licenseByKey.js";
import { currentLease } from "./presentedLease.js";

export type ValidationRequest = {
  readonly fingerprint: Fingerprint;
  /** The request as the device signed it (see `deviceProof.ts`); without it a device with a key is refused. */
  readonly proven?: ProvenRequest | undefined;
} & (
  | { readonly key: string; readonly lease?: undefined }
  | { readonly lease: string; readonly key?: undefined }
);

/**
 * A validation's verdict. `valid: false` with a problem is still a signed, trustworthy answer about the
 * license (revoked, expired, deactivated…), unlike a refusal to answer (a malformed key, a forged lease).
 */
export interface Validation {
  readonly license: License;
  readonly policy: Policy;
  readonly device?: Device;
  readonly lease?: IssuedLease;
  readonly explanation?: MatchExplanation;
  readonly problem?: Problem;
}

/**
 * Who asks: the device a verified lease names (its counter, and a device secret it registers with its proof), or
 * whoever typed the key.
 */
type Subject = {
  readonly license: License;
  readonly held?: { device: Device; counter: number; register?: string | undefined };
};

/**
 * Validate a device by its lease (refreshing the lease when it is due) or by its product key (the license's
 * state; a lease only for a device that proves itself). The rule is core's `decideValidation`; this reads its
 * inputs, writes what it asks under the license lock, and issues the lease.
 */
export async function validate(deps: ServerDeps, request: ValidationRequest): Promise<Result<Validation>> {
  const subject = await subjectOf(deps, request);
  if (!subject.ok) return subject;
  const { license, held } = subject.value;
  const policy = await deps.policies.forLicense(license);
  if (!policy) throw new Error(`license ${license.id} has no policy ${license.policyId}`);
  const now = deps.clock();
  const key = await deps.keyring.signingKeyFor(license.productId);
  if (!key) throw new Error(`product ${license.productId} has no signing key`);
  // A device written with a new lease keeps the lease's digest, so its next validation is one hash (leases.ts).
  const withDigest = (decided: ValidationDecision): ValidationDecision =>
    decided.kind === "serve" && decided.next
      ? {
          ...decided,
          next: { ...decided.next, leaseDigest: digestFor(deps, key, license, policy, decided.next) },
        }
      : decided;
  const decideOn = (tx: Pick<Repositories, "devices">, current: License, device?: Device) =>
    decideFor(deps, request, { license: current, policy, now, held, device }, tx);
  const first = await decideOn(deps.store, license, held?.device);
  if (!first.ok) return first;
  let decision = first.value;
  const writes = decision.kind === "serve" && (decision.next || decision.event || decision.binding);
  if (decision.kind === "strike" || writes) {
    const locked = await deps.store.transaction(async (tx) => {
      const current = (await tx.licenses.lockById(license.id)) ?? license;
      const fresh = held ? await tx.devices.findById(held.device.id) : undefined;
      const again = await decideOn(tx, current, fresh ?? held?.device);
      if (!again.ok) return again;
      const decided = withDigest(again.value);
      await write(tx, current, decided, now);
      return ok(decided);
    });
    if (!locked.ok) return locked;
    decision = locked.value;
  }
  if (decision.kind !== "serve") {
    const { device, explanation } = decision;
    // A device moved away from by a transfer is told so (DEVICE_REPLACED), read only on this refusal path.
    const problem = await withReplacement(deps.store, decision.problem, device);
    return ok({
      license,
      policy,
      problem,
      ...(device ? { device } : {}),
      ...(explanation ? { explanation } : {}),
    });
  }
  const device = decision.next ?? decision.device;
  deps.lastSeen.note(device.id, now);
  const lease = deps.leases.lease(key, license, policy, device);
  return ok({ license, policy, device, explanation: decision.explanation, lease });
}

/** The digest of the lease `validate` issues a device (signed here, so the answer's `lease` is a cache hit). */
const digestFor = (deps: ServerDeps, key: SigningKey, license: License, policy: Policy, device: Device) =>
  deps.leases.issue(key, license, policy, device).digest;

/** `valid` is what an app acts on; `state` is the license's, for display. */
export const validationState = (v: Validation, now: Date) => ({
  valid: v.problem === undefined,
  state: licenseState(v.license, now),
});

async function subjectOf(deps: ServerDeps, request: ValidationRequest): Promise<Result<Subject>> {
  if (request.lease === undefined) {
    const found = await findLicenseByKey(deps, request.key);
    return found.ok ? ok({ license: found.value }) : found;
  }
  // The device's current lease is recognised by comparison with the one we would issue now (no Ed25519
  // verify); any other lease is verified as it always was, so every refusal keeps its code (presentedLease.ts).
  const current = await currentLease(deps, request.lease);
  const claims = current
    ? ok(current.claims)
    : verifyProductLease(request.lease, await deps.keyring.leaseVerifiers(leaseKid(request.lease)));
  if (!claims.ok) return claims;
  const found = current?.found ?? (await deps.store.devices.findWithLicense(claims.value.sub));
  // The claims must name each other: a genuine lease never pairs a device with another license or product.
  if (!found || found.license.id !== claims.value.lic || found.license.productId !== claims.value.aud) {
    return fail("LEASE_INVALID", { reason: unknownLeaseSubject });
  }
  // A copied lease is not the device: whoever presents it must hold the device's key (DEVICE_PROOF_INVALID).
  const proven = proveDevice(found.device, request.proven ?? unproven, deps.clock());
  if (!proven.ok) return proven;
  const held = { device: found.device, counter: claims.value.ctr, register: proven.value.register };
  return ok({ license: found.license, held });
}

const unproven: ProvenRequest = { path: "/v1/validate", body: {} };

interface Situation {
  readonly license: License;
  readonly policy: Policy;
  readonly now: Date;
  readonly held: Subject["held"];
  readonly device: Device | undefined;
}

/**
 * Read what the rule needs (the license's devices, for a key) and decide; by key, check a proof if one came (a
 * failing one is DEVICE_PROOF_INVALID); by lease, register the key a device without one proved, once served.
 */
async function decideFor(
  deps: ServerDeps,
  request: ValidationRequest,
  s: Situation,
  tx: Pick<Repositories, "devices">,
): Promise<Result<ValidationDecision>> {
  const input = {
    license: s.license,
    policy: s.policy,
    fingerprint: request.fingerprint,
    now: s.now,
    leaseDue: (device: Device) => deps.leases.isDue(device, s.policy, s.now),
  };
  if (s.held && s.device) {
    const decision = decideValidation({ ...input, held: { device: s.device, counter: s.held.counter } });
    return ok(withSecret(decision, s.held.register));
  }
  const devices = await tx.devices.listActive(s.license.id);
  const decision = decideValidation({ ...input, devices });
  if (request.lease !== undefined || request.proven?.proof === undefined) return ok(decision);
  if (decision.kind !== "refuse" || decision.problem.code !== "DEVICE_PROOF_REQUIRED" || !decision.device)
    return ok(decision);
  const proven = deviceProofHolds(decision.device, request.proven, s.now);
  if (!proven.ok) return proven;
  return ok(proven.value ? decideValidation({ ...input, devices, proven: true }) : decision);
}

/**
 * A served device without a secret takes the one its request proved (a device activated before device secrets,
 * or by phone or file, on its first refresh by lease with a secret): only while it has none, so the first stays.
 */
function withSecret(decision: ValidationDecision, register: string | undefined): ValidationDecision {
  if (register === undefined || decision.kind !== "serve") return decision;
  const device = decision.next ?? decision.device;
  if (device.deviceSecret !== undefined) return decision;
  return { ...decision, next: { ...device, deviceSecret: register } };
}

/**
 * Write what a decision asks: the device as it is now, its timeline entry, and the license's binding when it
 * changes (a warranty repair used up by the repaired machine, as an activation would; see `writeChannel`).
 */
async function write(tx: Repositories, license: License, decision: ValidationDecision, now: Date) {
  if (decision.kind === "refuse") return;
  const actor = `device:${decision.device.id}`;
  if (decision.next) await tx.devices.update(decision.device.id, decision.next);
  if (decision.event) await appendLineageEvent(tx, license.id, actor, decision.device, decision.event, now);
  if (decision.kind === "serve" && decision.binding) {
    const effect = { binding: decision.binding, trialMarks: [], upgrade: { kind: "none" as const } };
    await writeChannel(tx, license, effect, now, actor);
  }
}

const unknownLeaseSubject = reason("LEASE_SUBJECT_UNKNOWN");

/** The `kid` in a compact JWS header, to reload keys only when an unknown one shows up. */
function leaseKid(token: string): string | undefined {
  try {
    const header = JSON.parse(Buffer.from(token.split(".")[0] ?? "", "base64url").toString("utf8"));
    return typeof header?.kid === "string" ? header.kid : undefined;
  } catch {
    return undefined;
  }
}
