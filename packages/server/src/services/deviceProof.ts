import {
  checkDeviceProof,
  type Device,
  type DeviceProofRefusal,
  fail,
  ok,
  parseDeviceSecret,
  type ReasonCode,
  type Result,
  reason as reasonOf,
  type Secrets,
  sameBytes,
} from "@ninsho/core";
import { openDeviceSecret, sealDeviceSecret } from "./deviceSecrets.js";

/**
 * What a request offers as the device's proof: the route it was sent to, its body as parsed (the proof is
 * over the whole body but the proof itself), and the fields of device proof it carries.
 *
 * @example
 * const proven: ProvenRequest = { path: "/v1/validate", body, proof: body.proof, deviceSecret: body.deviceSecret, secrets: deps.secrets };
 */
export interface ProvenRequest {
  readonly path: string;
  readonly body: Record<string, unknown>;
  readonly proof?: unknown;
  /** A device secret the request registers (activation, transfer, or the first refresh of an older device). */
  readonly deviceSecret?: string | undefined;
  /** The server's secrets, to open the device's sealed secret; absent only where no proof can come. */
  readonly secrets?: Secrets;
}

/**
 * The request as the device signed it, from a device route's validated body: what every route that takes a
 * proof (activation, validation, deactivation, transfer) hands to the services.
 * @example
 * const proven = provenRequest(route.path, c.req.valid("json"), deps.secrets);
 */
export const provenRequest = (
  path: string,
  body: Record<string, unknown> & { readonly proof?: unknown; readonly deviceSecret?: string | undefined },
  secrets: Secrets,
): ProvenRequest => ({ path, body, proof: body.proof, deviceSecret: body.deviceSecret, secrets });

type Refusal = DeviceProofRefusal | "unknown_key" | "another_key";

const REASONS: Record<Refusal, ReasonCode> = {
  missing: "PROOF_MISSING",
  malformed: "PROOF_MALFORMED",
  stale: "PROOF_STALE",
  bad_signature: "PROOF_BAD_SIGNATURE",
  unknown_key: "PROOF_UNKNOWN_KEY",
  another_key: "PROOF_ANOTHER_KEY",
};

/** The refusal, with the server's time for a stale proof: an honest client corrects its clock with it once. */
const refuse = (reason: Refusal, now: Date) =>
  fail(
    "DEVICE_PROOF_INVALID",
    { reason: reasonOf(REASONS[reason]) },
    { reason, ...(reason === "stale" ? { serverTime: now.toISOString() } : {}) },
  );

function check(secret: Buffer | undefined, request: ProvenRequest, now: Date, window: boolean): Result<true> {
  if (!secret) return refuse("unknown_key", now);
  const checked = checkDeviceProof({
    secret,
    path: request.path,
    body: request.body,
    proof: request.proof,
    now,
    ...(window ? {} : { window: false as const }),
  });
  return checked.ok ? ok(true) : refuse(checked.reason, now);
}

/** A device's registered secret is never replaced by one a request offers; compared in constant time. */
function sameSecret(offered: string, secret: Buffer | undefined): boolean {
  const parsed = parseDeviceSecret(offered);
  return parsed !== undefined && secret !== undefined && sameBytes(parsed, secret);
}

/**
 * A request that acts as an existing device (a refresh or validation by lease, a deactivation). A device
 * with a secret must prove it; a device without one (activated before device secrets, or by phone or file) is
 * served as before, and registers the secret the request offers with its proof: `register` is that secret,
 * already sealed for the device, for the caller to store once the lease is judged current.
 *
 * @example
 * const proven = proveDevice(device, { path: "/v1/validate", body, proof: body.proof, secrets }, now);
 * if (!proven.ok) return proven; // DEVICE_PROOF_INVALID
 */
export function proveDevice(
  device: Device,
  request: ProvenRequest,
  now: Date,
): Result<{ readonly register?: string }> {
  const sealed = device.deviceSecret;
  const { secrets } = request;
  if (sealed !== undefined) {
    if (request.proof === undefined) return refuse("missing", now);
    const secret = secrets && openDeviceSecret(secrets, sealed, device.id);
    if (request.deviceSecret !== undefined && !sameSecret(request.deviceSecret, secret))
      return refuse("another_key", now);
    const checked = check(secret, request, now, true);
    return checked.ok ? ok({}) : checked;
  }
  if (request.deviceSecret === undefined || !secrets) return ok({});
  const checked = check(parseDeviceSecret(request.deviceSecret), request, now, true);
  return checked.ok ? ok({ register: sealDeviceSecret(secrets, request.deviceSecret, device.id) }) : checked;
}

/**
 * Validation by key of an existing device: the key says whoever holds it may use the license, not which copy
 * of a device asks, so only the device's own proof lets it be served (and refreshed) by key. `false`: nothing
 * to prove with (no proof sent, or a device without a registered secret), and the answer stays the license's
 * state without a lease (DEVICE_PROOF_REQUIRED); a proof that fails is DEVICE_PROOF_INVALID.
 *
 * @example
 * const proven = deviceProofHolds(device, { path: "/v1/validate", body, proof: body.proof, secrets }, now);
 * if (!proven.ok) return proven;
 * if (proven.value) serveLease();
 */
export function deviceProofHolds(device: Device, request: ProvenRequest, now: Date): Result<boolean> {
  if (device.deviceSecret === undefined || request.proof === undefined) return ok(false);
  const proven = proveDevice(device, request, now);
  return proven.ok ? ok(true) : proven;
}

/**
 * A request that registers a new device secret (an activation, a transfer). The secret travels with the
 * request, so its proof shows no possession; it is checked all the same, so a client that cannot make proofs
 * with the secret it registers (a wrong encoding, a truncated value) is told at once rather than at its next
 * refresh. Without a secret (a client older than device secrets) there is nothing to register. An activation's
 * time is not checked (a first activation has no server time yet); a transfer's is (`window`).
 *
 * @example
 * const secret = proveNewSecret({ path: "/v1/activations", body, proof: body.proof, deviceSecret: body.deviceSecret }, now);
 * if (!secret.ok) return respondProblem(c, secret.error);
 */
export function proveNewSecret(
  request: ProvenRequest,
  now: Date,
  window = false,
): Result<{ readonly deviceSecret?: string }> {
  if (request.deviceSecret === undefined) {
    return request.proof === undefined ? ok({}) : refuse("unknown_key", now);
  }
  const checked = check(parseDeviceSecret(request.deviceSecret), request, now, window);
  return checked.ok ? ok({ deviceSecret: request.deviceSecret }) : checked;
}
