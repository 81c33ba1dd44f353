import { createHash, createHmac, randomBytes } from "node:crypto";
import { canonicalJson } from "../canonicalJson.js";
import { fromBase64Url, isBase64Url, toBase64Url } from "../signing/base64url.js";
import { sameBytes } from "../signing/sameBytes.js";

/**
 * Device proof: a device holds a 32-byte random secret made on the device at activation; the server keeps it
 * with the device, sealed under its master key, and every request that acts as that device (a refresh or
 * validation by lease, a deactivation, a transfer) carries an HMAC-SHA256 by that secret over what it asks:
 * the route, the whole body (the client's fresh nonce, the lease, the fingerprint among it) and the time it
 * was made. A copied lease without the secret cannot refresh, deactivate or move the device; a captured
 * request cannot be sent again later or changed.
 *
 * Why a shared secret and not an Ed25519 key: the check runs on every validation, and one Ed25519 verify
 * (73–83 µs here) nearly fills the whole request budget of the performance targets; an HMAC is ~3 µs
 * (`bench/proof/cost.ts`).
 * The price: the server holds something that can make proofs, so it is sealed at rest (docs/security.md).
 *
 * @example
 * const secret = newDeviceSecret();
 * const body = { lease, fingerprint, nonce };
 * const proof = signDeviceProof(secret, { path: "/v1/validate", body, at: new Date() });
 * checkDeviceProof({ secret, path: "/v1/validate", body, proof, now: new Date() }); // { ok: true }
 */
export interface DeviceProof {
  /** When the device made the proof (ISO instant, by its best estimate of the server's clock). */
  readonly at: string;
  /** HMAC-SHA256 by the device secret over `deviceProofMessage`, base64url (43 characters). */
  readonly sig: string;
}

/** Domain separation: a device proof can never be taken for a lease, an answer or anything else keyed. */
const PROOF_CONTEXT = "ninsho.device-proof.v2";

/** A device secret's length: 256 random bits, as long as the HMAC-SHA256 key can use. */
export const DEVICE_SECRET_BYTES = 32;

/**
 * How far a proof's time may be from the server's: a proof is good for this long, so a request captured
 * on the way cannot be sent again later. The SDK stamps proofs with the server's time as it last saw it and
 * retries once with the server's time when a proof is refused as stale, so an honest clock never needs this.
 *
 * @example
 * Math.abs(Date.parse(proof.at) - Date.now()) <= DEVICE_PROOF_WINDOW_MS;
 */
export const DEVICE_PROOF_WINDOW_MS = 10 * 60_000;

/**
 * Why a proof is refused: none where one is needed, not shaped like one, made too long ago (or ahead), or
 * not made with the device's secret over this very request.
 *
 * @example
 * const reason: DeviceProofRefusal = "stale";
 */
export type DeviceProofRefusal = "missing" | "malformed" | "stale" | "bad_signature";

/**
 * A new device secret, from the OS's CSPRNG.
 *
 * @example
 * const secret = newDeviceSecret(); // 32 bytes
 */
export const newDeviceSecret = (): Buffer => randomBytes(DEVICE_SECRET_BYTES);

/**
 * A device secret as it travels (once, at registration, over TLS) and as the stores keep it: base64url.
 *
 * @example
 * deviceSecretText(newDeviceSecret()); // "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"
 */
export const deviceSecretText = (secret: Buffer): string => toBase64Url(secret);

/**
 * Parse a device secret (`deviceSecretText`), or `undefined` when it is not 32 bytes of base64url.
 *
 * @example
 * const secret = parseDeviceSecret(body.deviceSecret);
 * if (!secret) refuse("DEVICE_PROOF_INVALID");
 */
export function parseDeviceSecret(text: string): Buffer | undefined {
  if (!isBase64Url(text)) return undefined;
  const bytes = fromBase64Url(text);
  return bytes.length === DEVICE_SECRET_BYTES ? bytes : undefined;
}

/**
 * The bytes a device's HMAC covers: the context, the route, the time and the SHA-256 of the RFC 8785 JSON of
 * the request body without its `proof` (canonical, so that the server hashes the body it parsed, whatever
 * spacing or key order the client's JSON had).
 *
 * @example
 * deviceProofMessage("/v1/deactivations", { lease, nonce }, "2026-12-01T00:00:00.000Z");
 */
export function deviceProofMessage(path: string, body: Record<string, unknown>, at: string): string {
  const { proof: _proof, ...signed } = body;
  const text = canonicalJson(signed);
  if (text === undefined) throw new TypeError("a request body cannot be canonicalized");
  const digest = createHash("sha256").update(text, "utf8").digest("hex");
  return `${PROOF_CONTEXT}\n${path}\n${at}\n${digest}`;
}

const mac = (secret: Buffer, message: string): Buffer =>
  createHmac("sha256", secret).update(message, "utf8").digest();

/**
 * Make a request's proof as the device.
 *
 * @example
 * const proof = signDeviceProof(secret, { path: "/v1/validate", body: { lease, fingerprint, nonce }, at: new Date() });
 */
export function signDeviceProof(
  secret: Buffer,
  request: { readonly path: string; readonly body: Record<string, unknown>; readonly at: Date },
): DeviceProof {
  const at = request.at.toISOString();
  return { at, sig: toBase64Url(mac(secret, deviceProofMessage(request.path, request.body, at))) };
}

const isProof = (v: unknown): v is DeviceProof =>
  v !== null &&
  typeof v === "object" &&
  typeof (v as Record<string, unknown>).at === "string" &&
  typeof (v as Record<string, unknown>).sig === "string";

/**
 * Check a request's proof against the device's secret, in constant time. `window: false` skips the time
 * check, for a secret being registered (an activation), where sending the same request again changes nothing.
 *
 * @example
 * const checked = checkDeviceProof({ secret, path: "/v1/validate", body, proof: body.proof, now: new Date() });
 * if (!checked.ok) console.log(checked.reason); // "stale"
 */
export function checkDeviceProof(input: {
  readonly secret: Buffer;
  readonly path: string;
  readonly body: Record<string, unknown>;
  readonly proof: unknown;
  readonly now: Date;
  readonly window?: false;
}): { readonly ok: true } | { readonly ok: false; readonly reason: DeviceProofRefusal } {
  const { proof } = input;
  if (proof === undefined) return { ok: false, reason: "missing" };
  if (!isProof(proof) || !isBase64Url(proof.sig)) return { ok: false, reason: "malformed" };
  const at = Date.parse(proof.at);
  if (!Number.isFinite(at) || new Date(at).toISOString() !== proof.at)
    return { ok: false, reason: "malformed" };
  if (input.window !== false && Math.abs(at - input.now.getTime()) > DEVICE_PROOF_WINDOW_MS)
    return { ok: false, reason: "stale" };
  const presented = fromBase64Url(proof.sig);
  const expected = mac(input.secret, deviceProofMessage(input.path, input.body, proof.at));
  return sameBytes(presented, expected) ? { ok: true } : { ok: false, reason: "bad_signature" };
}
