import {
  checkKeyProof,
  fail,
  ok,
  parseDevicePublicKey,
  type ReasonCode,
  type Result,
  reason,
} from "@ninsho/core";

const REASONS: Record<"missing" | "malformed" | "stale" | "bad_signature" | "unknown_key", ReasonCode> = {
  missing: "PROOF_MISSING",
  malformed: "PROOF_MALFORMED",
  stale: "PROOF_STALE",
  bad_signature: "PROOF_BAD_SIGNATURE",
  unknown_key: "PROOF_UNKNOWN_KEY",
};

/**
 * A check-out that registers a holder's Ed25519 key (`keyProof.ts` in core) must prove it holds the private
 * half; its time is not checked (sending the same check-out again changes nothing). Without a key there is
 * nothing to register, and the seat is kept by its secret.
 *
 * @example
 * const key = proveHolderKey({ path: "/v1/seats", body, proof: body.proof, deviceKey: body.deviceKey });
 * if (!key.ok) return respondProblem(c, key.error);
 */
export function proveHolderKey(request: {
  readonly path: string;
  readonly body: Record<string, unknown>;
  readonly proof?: unknown;
  readonly deviceKey?: string | undefined;
}): Result<{ readonly deviceKey?: string }> {
  const refuse = (why: keyof typeof REASONS) =>
    fail("DEVICE_PROOF_INVALID", { reason: reason(REASONS[why]) }, { reason: why });
  if (request.deviceKey === undefined) return request.proof === undefined ? ok({}) : refuse("unknown_key");
  const publicKey = parseDevicePublicKey(request.deviceKey);
  if (!publicKey) return refuse("unknown_key");
  const { path, body, proof } = request;
  const checked = checkKeyProof({ path, body, proof, publicKey, now: new Date(0), window: false });
  return checked.ok ? ok({ deviceKey: request.deviceKey }) : refuse(checked.reason);
}
