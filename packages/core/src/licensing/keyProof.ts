import { createHash, createPublicKey, type KeyObject, sign, verify } from "node:crypto";
import { canonicalJson } from "../canonicalJson.js";
import { fromBase64Url, isBase64Url, toBase64Url } from "../signing/base64url.js";
import { DEVICE_PROOF_WINDOW_MS, type DeviceProof, type DeviceProofRefusal } from "./deviceProof.js";

/**
 * Ed25519 request proofs, for a seat holder's per-process key (`packages/sdk/src/seats`): the holder makes a key
 * pair in memory at check-out, registers the public half with the seat, and signs each heartbeat and return. A
 * device's own proof is an HMAC (`deviceProof.ts`): it runs on every validation, where an Ed25519 verify costs
 * more than the request budget; a seat's runs once per heartbeat, and its key never needs to be kept anywhere.
 *
 * @example
 * const { privateKey, publicKey } = generateKeyPairSync("ed25519");
 * const proof = signKeyProof(privateKey, { path: "/v1/seats/seat_1/heartbeats", body: {}, at: new Date() });
 * checkKeyProof({ publicKey, path: "/v1/seats/seat_1/heartbeats", body: { proof }, proof, now: new Date() });
 */
const KEY_PROOF_CONTEXT = "ninsho.device-proof.v1";

/** The bytes a key proof signs: the context, the route, the time and the SHA-256 of the RFC 8785 JSON of the body without `proof`. */
function keyProofMessage(path: string, body: Record<string, unknown>, at: string): Buffer {
  const { proof: _proof, ...signed } = body;
  const text = canonicalJson(signed);
  if (text === undefined) throw new TypeError("a request body cannot be canonicalized");
  const digest = createHash("sha256").update(text, "utf8").digest("hex");
  return Buffer.from(`${KEY_PROOF_CONTEXT}\n${path}\n${at}\n${digest}`, "utf8");
}

/**
 * Sign a request with a holder's private key.
 *
 * @example
 * const proof = signKeyProof(privateKey, { path, body, at: new Date() });
 */
export function signKeyProof(
  privateKey: KeyObject,
  request: { readonly path: string; readonly body: Record<string, unknown>; readonly at: Date },
): DeviceProof {
  const at = request.at.toISOString();
  return { at, sig: toBase64Url(sign(null, keyProofMessage(request.path, request.body, at), privateKey)) };
}

/**
 * Check a request's key proof. `window: false` skips the time check.
 *
 * @example
 * if (!checkKeyProof({ publicKey, path, body, proof: body.proof, now: new Date() }).ok) refuse();
 */
export function checkKeyProof(input: {
  readonly publicKey: KeyObject;
  readonly path: string;
  readonly body: Record<string, unknown>;
  readonly proof: unknown;
  readonly now: Date;
  readonly window?: false;
}): { readonly ok: true } | { readonly ok: false; readonly reason: DeviceProofRefusal } {
  const { proof } = input;
  if (proof === undefined) return { ok: false, reason: "missing" };
  if (proof === null || typeof proof !== "object") return { ok: false, reason: "malformed" };
  const { at: atText, sig } = proof as Record<string, unknown>;
  if (typeof atText !== "string" || typeof sig !== "string" || !isBase64Url(sig))
    return { ok: false, reason: "malformed" };
  const at = Date.parse(atText);
  if (!Number.isFinite(at) || new Date(at).toISOString() !== atText)
    return { ok: false, reason: "malformed" };
  if (input.window !== false && Math.abs(at - input.now.getTime()) > DEVICE_PROOF_WINDOW_MS)
    return { ok: false, reason: "stale" };
  const message = keyProofMessage(input.path, input.body, atText);
  try {
    return verify(null, message, input.publicKey, fromBase64Url(sig))
      ? { ok: true }
      : { ok: false, reason: "bad_signature" };
  } catch {
    // A key or signature OpenSSL will not even try (a point off the curve) is no proof.
    return { ok: false, reason: "bad_signature" };
  }
}

/**
 * A public key as it travels and is stored: the 32 raw bytes, base64url (the `x` of its JWK).
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
 * Parse a public key (`devicePublicKeyText`), or `undefined` when it is not one.
 *
 * @example
 * const key = parseDevicePublicKey(seat.deviceKey);
 */
export function parseDevicePublicKey(text: string): KeyObject | undefined {
  if (!isBase64Url(text) || fromBase64Url(text).length !== 32) return undefined;
  try {
    return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: text }, format: "jwk" });
  } catch {
    return undefined;
  }
}
