import type { KeyObject } from "node:crypto";
import {
  checkDeviceProof,
  type Device,
  type DeviceProofRefusal,
  fail,
  ok,
  parseDevicePublicKey,
  type ReasonCode,
  type Result,
  reason as reasonOf,
} from "@ninsho/core";

/**
 * What a request offers as the device's proof: the route it was sent to, its body as parsed (the proof is
 * over the whole body but the proof itself), and the fields of device proof it carries.
 *
 * @example
 * const proven: ProvenRequest = { path: "/v1/validate", body, proof: body.proof, deviceKey: body.deviceKey };
 */
export interface ProvenRequest {
  readonly path: string;
  readonly body: Record<string, unknown>;
  readonly proof?: unknown;
  /** A device key the request registers (activation, transfer, or the first refresh of an older device). */
  readonly deviceKey?: string | undefined;
}

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

const CACHE_LIMIT = 50_000;
/**
 * Registered keys, parsed, by their text: parsing costs about as much as a verification and a device validates
 * often. Only keys read from device records enter it, never a key a request offers, so a flood of made-up
 * keys cannot push the registered ones out.
 */
const registered = new Map<string, KeyObject>();

function registeredKey(text: string): KeyObject | undefined {
  const cached = registered.get(text);
  if (cached) return cached;
  const key = parseDevicePublicKey(text);
  if (!key) return undefined;
  if (registered.size >= CACHE_LIMIT) {
    const oldest = registered.keys().next();
    if (!oldest.done) registered.delete(oldest.value);
  }
  registered.set(text, key);
  return key;
}

function check(
  publicKey: KeyObject | undefined,
  request: ProvenRequest,
  now: Date,
  window: boolean,
): Result<true> {
  if (!publicKey) return refuse("unknown_key", now);
  const checked = checkDeviceProof({
    publicKey,
    path: request.path,
    body: request.body,
    proof: request.proof,
    now,
    ...(window ? {} : { window: false as const }),
  });
  return checked.ok ? ok(true) : refuse(checked.reason, now);
}

/**
 * A request that acts as an existing device (a refresh or validation by lease, a deactivation). A device
 * with a key must prove it; a device without one (activated before device keys, or by phone or file) is served
 * as before, and registers the key the request offers with its proof: `register` is that key, for the caller
 * to store once the lease is judged current.
 *
 * @example
 * const proven = proveDevice(device, { path: "/v1/validate", body, proof: body.proof }, now);
 * if (!proven.ok) return proven; // DEVICE_PROOF_INVALID
 */
export function proveDevice(
  device: Device,
  request: ProvenRequest,
  now: Date,
): Result<{ readonly register?: string }> {
  const key = device.deviceKey;
  if (key !== undefined) {
    if (request.deviceKey !== undefined && request.deviceKey !== key) return refuse("another_key", now);
    const checked = check(registeredKey(key), request, now, true);
    return checked.ok ? ok({}) : checked;
  }
  if (request.deviceKey === undefined) return ok({});
  const checked = check(parseDevicePublicKey(request.deviceKey), request, now, true);
  return checked.ok ? ok({ register: request.deviceKey }) : checked;
}

/**
 * Validation by key of an existing device: the key says whoever holds it may use the license, not which copy
 * of a device asks, so only the device's own proof lets it be served (and refreshed) by key. `false`: nothing
 * to prove with (no proof sent, or a device without a registered key), and the answer stays the license's
 * state without a lease (DEVICE_PROOF_REQUIRED); a proof that fails is DEVICE_PROOF_INVALID.
 *
 * @example
 * const proven = deviceProofHolds(device, { path: "/v1/validate", body, proof: body.proof }, now);
 * if (!proven.ok) return proven;
 * if (proven.value) serveLease();
 */
export function deviceProofHolds(device: Device, request: ProvenRequest, now: Date): Result<boolean> {
  if (device.deviceKey === undefined || request.proof === undefined) return ok(false);
  const proven = proveDevice(device, request, now);
  return proven.ok ? ok(true) : proven;
}

/**
 * A request that registers a new device key (an activation, a transfer): it must prove it holds the private
 * half. Without a key (a client older than device keys) there is nothing to register. An activation's time is
 * not checked (sending the same registration again changes nothing, and a first activation has no server time
 * yet); a transfer's is (`window`), as it acts on another device's slot.
 *
 * @example
 * const key = proveNewKey({ path: "/v1/activations", body, proof: body.proof, deviceKey: body.deviceKey }, now);
 * if (!key.ok) return respondProblem(c, key.error);
 */
export function proveNewKey(
  request: ProvenRequest,
  now: Date,
  window = false,
): Result<{ readonly deviceKey?: string }> {
  if (request.deviceKey === undefined) {
    return request.proof === undefined ? ok({}) : refuse("unknown_key", now);
  }
  const checked = check(parseDevicePublicKey(request.deviceKey), request, now, window);
  return checked.ok ? ok({ deviceKey: request.deviceKey }) : checked;
}
