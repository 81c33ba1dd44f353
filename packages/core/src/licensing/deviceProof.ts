import { createHash, createPublicKey, type KeyObject, sign, verify } from "node:crypto";
import canonicalize from "canonicalize";
import { fromBase64Url, isBase64Url, toBase64Url } from "../signing/base64url.js";

/**
 * Device proof: a device holds an Ed25519 key pair made on the device at activation; the server keeps the
 * public half with the device, and every request that acts as that device (a refresh or validation by lease,
 * a deactivation) carries a signature over what it asks: the route, the whole body (the client's fresh nonce,
 * the lease, the fingerprint among it) and the time it was made. A copied lease without the key cannot
 * refresh, deactivate or move the device; a captured request cannot be sent again later or changed.
 *
 * Why Ed25519 and not a shared secret: the server keeps only public keys, so a stolen database or backup
 * signs nothing; a verification costs one Ed25519 verify (~0.1 ms) on a key object cached per device.
 *
 * @example
 * const { privateKey, publicKey } = generateKeyPairSync("ed25519");
 * const body = { lease, fingerprint, nonce };
 * const proof = signDeviceProof(privateKey, { path: "/v1/validate", body, at: new Date() });
 * checkDeviceProof({ publicKey, path: "/v1/validate", body, proof, now: new Date() }); // { ok: true }
 */
export interface DeviceProof {
  /** When the device made the proof (ISO instant, by its best estimate of the server's clock). */
  readonly at: string;
  /** Ed25519 signature over `deviceProofMessage`, base64url. */
  readonly sig: string;
}

/** Domain separation: a device proof can never be taken for a lease, an answer or anything else signed. */
const PROOF_CONTEXT = "ninsho.device-proof.v1";

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
 * not signed by the device's key over this very request.
 *
 * @example
 * const reason: DeviceProofRefusal = "stale";
 */
export type DeviceProofRefusal = "missing" | "malformed" | "stale" | "bad_signature";

/**
 * The bytes a device signs: the context, the route, the time and the SHA-256 of the RFC 8785 JSON of the
 * request body without its `proof`.
 *
 * @example
 * deviceProofMessage("/v1/deactivations", { lease, nonce }, "2026-12-01T00:00:00.000Z");
 */
export function deviceProofMessage(path: string, body: Record<string, unknown>, at: string): Buffer {
  const { proof: _proof, ...signed } = body;
  const text = canonicalize(signed);
  if (text === undefined) throw new TypeError("a request body cannot be canonicalized");
  const digest = createHash("sha256").update(text, "utf8").digest("hex");
  return Buffer.from(`${PROOF_CONTEXT}\n${path}\n${at}\n${digest}`, "utf8");
}

/**
 * Sign a request as the device.
 *
 * @example
 * const proof = signDeviceProof(privateKey, { path: "/v1/validate", body: { lease, fingerprint, nonce }, at: new Date() });
 */
export function signDeviceProof(
  privateKey: KeyObject,
  request: { readonly path: string; readonly body: Record<string, unknown>; readonly at: Date },
): DeviceProof {
  const at = request.at.toISOString();
  const sig = sign(null, deviceProofMessage(request.path, request.body, at), privateKey);
  return { at, sig: toBase64Url(sig) };
}

const isProof = (v: unknown): v is DeviceProof =>
  v !== null &&
  typeof v === "object" &&
  typeof (v as Record<string, unknown>).at === "string" &&
  typeof (v as Record<string, unknown>).sig === "string";

/**
 * Check a request's proof against the device's public key. `window: false` skips the time check, for a key
 * being registered (an activation or transfer), where sending the same request again changes nothing.
 *
 * @example
 * const checked = checkDeviceProof({ publicKey, path: "/v1/validate", body, proof: body.proof, now: new Date() });
 * if (!checked.ok) console.log(checked.reason); // "stale"
 */
export function checkDeviceProof(input: {
  readonly publicKey: KeyObject;
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
  const message = deviceProofMessage(input.path, input.body, proof.at);
  return verifies(message, input.publicKey, fromBase64Url(proof.sig))
    ? { ok: true }
    : { ok: false, reason: "bad_signature" };
}

/** An Ed25519 verification; a key or signature OpenSSL will not even try (a point off the curve) is no proof. */
function verifies(message: Buffer, publicKey: KeyObject, signature: Buffer): boolean {
  try {
    return verify(null, message, publicKey, signature);
  } catch {
    return false;
  }
}

/**
 * A device's public key as it travels and is stored: the 32 raw bytes, base64url (the `x` of its JWK).
 *
 * @example
 * devicePublicKeyText(generateKeyPairSync("ed25519").publicKey); // "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"
 */
export function devicePublicKeyText(publicKey: KeyObject): string {
  const jwk = publicKey.export({ format: "jwk" });
  if (jwk.crv !== "Ed25519" || typeof jwk.x !== "string") throw new TypeError("not an Ed25519 public key");
  return jwk.x;
}

/**
 * Parse a device public key (`devicePublicKeyText`), or `undefined` when it is not one.
 *
 * @example
 * const key = parseDevicePublicKey(device.publicKey);
 * if (!key) refuse("DEVICE_PROOF_INVALID");
 */
export function parseDevicePublicKey(text: string): KeyObject | undefined {
  if (!isBase64Url(text) || fromBase64Url(text).length !== 32) return undefined;
  try {
    return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: text }, format: "jwk" });
  } catch {
    return undefined;
  }
}
