import { type KeyObject, sign, verify } from "node:crypto";
import { fromBase64Url, isBase64Url, toBase64Url } from "./base64url.js";

/** A key that signs, with the id under which its public half is published in the JWKS. */
export interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
}

/** Public keys by `kid`, as a verifier trusts them. */
export type PublicKeys = ReadonlyMap<string, KeyObject>;

/**
 * Sign `payload` as a compact JWS (RFC 7515) with EdDSA/Ed25519. The key is a parsed `KeyObject`, loaded once:
 * parsing a PEM per call costs ten times the signature.
 */
export function signCompactJws(key: SigningKey, type: string, payload: unknown): string {
  const header = toBase64Url(JSON.stringify({ alg: "EdDSA", kid: key.kid, typ: type }));
  const body = toBase64Url(JSON.stringify(payload));
  const signingInput = `${header}.${body}`;
  const signature = sign(null, Buffer.from(signingInput), key.privateKey);
  return `${signingInput}.${toBase64Url(signature)}`;
}

export type JwsVerification =
  | { readonly ok: true; readonly kid: string; readonly type: string; readonly payload: unknown }
  | { readonly ok: false; readonly reason: "malformed" | "unknown_key" | "bad_signature" | "wrong_type" };

/** Verify a compact JWS against trusted public keys and an expected `typ`. Never throws on bad input. */
export function verifyCompactJws(token: string, expectedType: string, keys: PublicKeys): JwsVerification {
  const parts = token.split(".");
  const [header64, body64, signature64] = parts;
  if (parts.length !== 3 || header64 === undefined || body64 === undefined || signature64 === undefined) {
    return { ok: false, reason: "malformed" };
  }
  if (!isBase64Url(header64) || !isBase64Url(body64) || !isBase64Url(signature64)) {
    return { ok: false, reason: "malformed" };
  }
  let header: { alg?: unknown; kid?: unknown; typ?: unknown };
  let payload: unknown;
  try {
    header = JSON.parse(fromBase64Url(header64).toString("utf8"));
    payload = JSON.parse(fromBase64Url(body64).toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (
    header === null ||
    typeof header !== "object" ||
    header.alg !== "EdDSA" ||
    typeof header.kid !== "string"
  ) {
    return { ok: false, reason: "malformed" };
  }
  if (header.typ !== expectedType) return { ok: false, reason: "wrong_type" };
  const publicKey = keys.get(header.kid);
  if (!publicKey) return { ok: false, reason: "unknown_key" };
  const valid = verify(null, Buffer.from(`${header64}.${body64}`), publicKey, fromBase64Url(signature64));
  return valid
    ? { ok: true, kid: header.kid, type: header.typ, payload }
    : { ok: false, reason: "bad_signature" };
}
