import {
  checkLeaseCounter,
  closestDevice,
  compareFingerprint,
  type Device,
  type Fingerprint,
  fail,
  issueNextLease,
  type License,
  licenseRefusal,
  licenseState,
  type MatchExplanation,
  newId,
  ok,
  type Policy,
  type Problem,
  presentedDigest,
  type Result,
  reason,
  verifyProductLease,
} from "@ninsho/core";
import type { ServerDeps } from "../deps.js";
import { findLicenseByKey } from "./activate.js";
import { type ProvenRequest, proveDevice } from "./deviceProof.js";
import type { IssuedLease } from "./leases.js";

export type ValidationRequest = {
  readonly fingerprint: Fingerprint;
  /** The request as the device signed it (see `deviceProof.ts`); absent, a device with a key is refused. */
  readonly proven?: ProvenRequest;
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

/** Validate a device by its product key or its lease, refreshing the lease when it is due. */
export async function validate(deps: ServerDeps, request: ValidationRequest): Promise<Result<Validation>> {
  const now = deps.clock();
  let license: License;
  let device: Device | undefined;
  let presentedCounter: number | undefined;
  let registerKey: string | undefined;
  if (request.lease !== undefined) {
    const claims = verifyProductLease(
      request.lease,
      await deps.keyring.leaseVerifiers(leaseKid(request.lease)),
    );
    if (!claims.ok) return claims;
    const found = await deps.store.devices.findWithLicense(claims.value.sub);
    // The claims must name each other: a genuine lease never pairs a device with another license or product.
    if (!found || found.license.id !== claims.value.lic || found.license.productId !== claims.value.aud) {
      return fail("LEASE_INVALID", { reason: unknownLeaseSubject });
    }
    license = found.license;
    device = found.device;
    presentedCounter = claims.value.ctr;
    // A copied lease is not the device: whoever presents it must hold the device's key.
    const proven = proveDevice(device, request.proven ?? unproven, now);
    if (!proven.ok) return proven;
    registerKey = proven.value.register;
  } else {
    const found = await findLicenseByKey(deps, request.key);
    if (!found.ok) return found;
    license = found.value;
  }
  const policy = await deps.policies.get(license.policyId);
  if (!policy) throw new Error(`license ${license.id} has no policy ${license.policyId}`);
  const refusal = licenseRefusal(license, now);
  if (refusal) return ok({ license, policy, problem: refusal });

  let explanation: MatchExplanation | undefined;
  if (device) {
    if (device.deactivatedAt !== undefined) {
      return ok({ license, policy, device, problem: deactivated(device) });
    }
    explanation = compareFingerprint(
      device.components,
      request.fingerprint,
      policy.componentWeights,
      policy.matchThreshold,
    );
  } else {
    const closest = closestDevice(
      await deps.store.devices.listActive(license.id),
      request.fingerprint,
      policy,
    );
    device = closest?.device;
    explanation = closest?.explanation;
    // By key, a matching fingerprint alone (which a client can replay) does not stand for a device with a key.
    if (device?.deviceKey !== undefined && explanation?.sameDevice) {
      const proven = proveDevice(device, request.proven ?? unproven, now);
      if (!proven.ok) return proven;
    }
  }
  if (!device || !explanation?.sameDevice) {
    const problem: Problem = {
      code: "FINGERPRINT_MISMATCH",
      params: { score: explanation?.score ?? 0, threshold: policy.matchThreshold },
      ...(explanation ? { details: { explanation } } : {}),
    };
    return ok({ license, policy, problem, ...(explanation ? { explanation } : {}) });
  }
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const counter =
    presentedCounter === undefined
      ? "current"
      : checkLeaseCounter(
          device.leaseCounters,
          presentedCounter,
          nowSeconds,
          policy.leaseSeconds + policy.graceSeconds,
        );
  if (counter === "forked" || counter === "suspect") {
    await recordLineageEvent(deps, license, device, counter, presentedCounter ?? 0, now);
  }
  if (counter === "forked") {
    return ok({ license, policy, device, explanation, problem: { code: "DEVICE_FORKED" } });
  }
  // A lease names the components its request sent (`fpd`, which the SDK checks the machine against): another
  // set, even one that only adds a component, gets a lease of its own.
  const changed =
    explanation.score < 1 ||
    device.collector !== request.fingerprint.collector ||
    device.fingerprintDigest !== presentedDigest(request.fingerprint);
  if (
    counter !== "current" ||
    changed ||
    registerKey !== undefined ||
    deps.leases.isDue(device, policy, now)
  ) {
    const suspectAt = counter === "suspect" ? nowSeconds : undefined;
    const refresh = { fingerprint: request.fingerprint, presented: presentedCounter, suspectAt, registerKey };
    device = await refreshDevice(deps, device, refresh, now);
  }
  deps.lastSeen.note(device.id, now);
  const key = await deps.keyring.signingKeyFor(license.productId);
  if (!key) throw new Error(`product ${license.productId} has no signing key`);
  return ok({ license, policy, device, explanation, lease: deps.leases.lease(key, license, policy, device) });
}

/** `valid` is what an app acts on; `state` is the license's, for display. */
export const validationState = (v: Validation, now: Date) => ({
  valid: v.problem === undefined,
  state: licenseState(v.license, now),
});

const unproven: ProvenRequest = { path: "/v1/validate", body: {} };

const unknownLeaseSubject = reason("LEASE_SUBJECT_UNKNOWN");

const deactivated = (device: Device): Problem => ({
  code: "DEVICE_DEACTIVATED",
  params: { deactivatedAt: device.deactivatedAt ?? "—" },
});

/** The `kid` in a compact JWS header, to reload keys only when an unknown one shows up. */
function leaseKid(token: string): string | undefined {
  try {
    const header = JSON.parse(Buffer.from(token.split(".")[0] ?? "", "base64url").toString("utf8"));
    return typeof header?.kid === "string" ? header.kid : undefined;
  } catch {
    return undefined;
  }
}

/** Issue the next lease and take the current components as the new baseline, under the license lock. */
async function refreshDevice(
  deps: ServerDeps,
  device: Device,
  refresh: {
    readonly fingerprint: Fingerprint;
    readonly presented: number | undefined;
    readonly suspectAt: number | undefined;
    /** A device key to register (a device activated before device keys, proving it now). */
    readonly registerKey: string | undefined;
  },
  now: Date,
): Promise<Device> {
  const { fingerprint, presented, suspectAt, registerKey } = refresh;
  return deps.store.transaction(async (tx) => {
    await tx.licenses.lockById(device.licenseId);
    const fresh = (await tx.devices.findById(device.id)) ?? device;
    const next: Device = {
      ...fresh,
      collector: fingerprint.collector,
      components: fingerprint.components,
      fingerprintDigest: presentedDigest(fingerprint),
      leaseCounters: issueNextLease(fresh.leaseCounters, presented, suspectAt),
      leaseIssuedAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      // Only a device still without a key registers one: the first to prove a key keeps it.
      ...(registerKey !== undefined && fresh.deviceKey === undefined ? { deviceKey: registerKey } : {}),
    };
    await tx.devices.update(device.id, next);
    return next;
  });
}

/** A stale lease in the timeline: the first strike (suspected: a restore or a clone) or the second (a fork). */
async function recordLineageEvent(
  deps: ServerDeps,
  license: License,
  device: Device,
  check: "suspect" | "forked",
  presented: number,
  now: Date,
) {
  await deps.store.events.append({
    id: newId("event"),
    licenseId: license.id,
    type: check === "forked" ? "device.forked" : "device.fork_suspected",
    actor: `device:${device.id}`,
    reason:
      check === "forked"
        ? "DEVICE_FORKED"
        : "a lease older than the device's newest was presented (a restored snapshot or a copy)",
    data: { deviceId: device.id, presentedCounter: presented, counters: device.leaseCounters },
    createdAt: now.toISOString(),
  });
}
