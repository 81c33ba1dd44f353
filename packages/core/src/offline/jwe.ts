import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
} from "node:crypto";
import { fromBase64Url, isBase64Url, toBase64Url } from "../signing/base64url.js";

/**
 * Sealing a license file to the one device that asked for it: a compact JWE (RFC 7516) with `alg: ECDH-ES`
 * over X25519 (RFC 8037) and `enc: A256GCM` — key agreement with a fresh ephemeral key, the Concat KDF of
 * RFC 7518 §4.6, AES-256-GCM with the protected header as additional data. Any JOSE library opens it; here
 * it takes node:crypto alone.
 */

/** A device's X25519 public key, as it puts it in its request file. */
export interface X25519PublicJwk {
  readonly kty: "OKP";
  readonly crv: "X25519";
  readonly x: string;
}

/**
 * A new X25519 key pair for a request file: the device keeps the private key until the license file comes.
 * @example
 * const { privateKey, publicJwk } = generateDeviceSealingKey();
 */
export function generateDeviceSealingKey(): { privateKey: KeyObject; publicJwk: X25519PublicJwk } {
  const { privateKey, publicKey } = generateKeyPairSync("x25519");
  return { privateKey, publicJwk: x25519Jwk(publicKey) };
}

const x25519Jwk = (publicKey: KeyObject): X25519PublicJwk => {
  const jwk = publicKey.export({ format: "jwk" });
  if (typeof jwk.x !== "string") throw new Error("not an X25519 key");
  return { kty: "OKP", crv: "X25519", x: jwk.x };
};

/**
 * True when `jwk` is a well-formed X25519 public key.
 * @example
 * isX25519PublicJwk(request.encryptTo); // true for a 32-byte X25519 key
 */
export const isX25519PublicJwk = (jwk: X25519PublicJwk): boolean =>
  jwk.kty === "OKP" && jwk.crv === "X25519" && isBase64Url(jwk.x) && fromBase64Url(jwk.x).length === 32;

const lengthPrefixed = (data: Buffer) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  return Buffer.concat([length, data]);
};

/**
 * RFC 7518 §4.6.2 Concat KDF (single round, SHA-256) for `ECDH-ES` direct key agreement.
 * @example
 * concatKdf(sharedSecret, "A256GCM", 256); // 32-byte content key
 */
export function concatKdf(
  z: Buffer,
  algorithm: string,
  keyBits: number,
  partyU: Buffer = Buffer.alloc(0),
  partyV: Buffer = Buffer.alloc(0),
): Buffer {
  if (keyBits > 256) throw new RangeError("one SHA-256 round gives at most 256 bits");
  const suppPub = Buffer.alloc(4);
  suppPub.writeUInt32BE(keyBits);
  const otherInfo = Buffer.concat([
    lengthPrefixed(Buffer.from(algorithm, "ascii")),
    lengthPrefixed(partyU),
    lengthPrefixed(partyV),
    suppPub,
  ]);
  const digest = createHash("sha256")
    .update(Buffer.from([0, 0, 0, 1]))
    .update(z)
    .update(otherInfo)
    .digest();
  return digest.subarray(0, keyBits / 8);
}

/**
 * Encrypt `plaintext` to a device's X25519 key as a compact JWE; `cty` names what is inside.
 * @example
 * sealToDevice(licenseFileJws, request.encryptTo, "ninsho-license-file+jwt");
 */
export function sealToDevice(plaintext: string, recipient: X25519PublicJwk, contentType: string): string {
  const recipientKey = createPublicKey({ key: { ...recipient }, format: "jwk" });
  const ephemeral = generateKeyPairSync("x25519");
  const z = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: recipientKey });
  const header = { alg: "ECDH-ES", enc: "A256GCM", cty: contentType, epk: x25519Jwk(ephemeral.publicKey) };
  const header64 = toBase64Url(JSON.stringify(header));
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", concatKdf(z, "A256GCM", 256), iv);
  cipher.setAAD(Buffer.from(header64, "ascii"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [header64, "", toBase64Url(iv), toBase64Url(body), toBase64Url(cipher.getAuthTag())].join(".");
}

/**
 * True when `text` has the five parts of a compact JWE (a sealed license file).
 * @example
 * isCompactJwe(fileText); // true for a sealed license file
 */
export const isCompactJwe = (text: string): boolean => text.trim().split(".").length === 5;

/**
 * Open a compact JWE sealed by `sealToDevice`; `undefined` when it is malformed, altered, or sealed to
 * another key. Never throws on bad input.
 * @example
 * const jws = openSealed(fileText, pending.privateKey);
 */
export function openSealed(jwe: string, privateKey: KeyObject, contentType: string): string | undefined {
  const [header64, encryptedKey, iv64, body64, tag64, ...rest] = jwe.trim().split(".");
  if (rest.length > 0 || encryptedKey !== "" || header64 === undefined) return undefined;
  if (![header64, iv64, body64, tag64].every((part) => part !== undefined && isBase64Url(part)))
    return undefined;
  try {
    const header = JSON.parse(fromBase64Url(header64).toString("utf8")) as Record<string, unknown>;
    const epk = header.epk as X25519PublicJwk | undefined;
    if (header.alg !== "ECDH-ES" || header.enc !== "A256GCM" || header.cty !== contentType) return undefined;
    if (!epk || typeof epk !== "object" || !isX25519PublicJwk(epk)) return undefined;
    const z = diffieHellman({ privateKey, publicKey: createPublicKey({ key: { ...epk }, format: "jwk" }) });
    const iv = fromBase64Url(iv64 ?? "");
    const tag = fromBase64Url(tag64 ?? "");
    if (iv.length !== 12 || tag.length !== 16) return undefined;
    const decipher = createDecipheriv("aes-256-gcm", concatKdf(z, "A256GCM", 256), iv, { authTagLength: 16 });
    decipher.setAAD(Buffer.from(header64, "ascii"));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(fromBase64Url(body64 ?? "")), decipher.final()]).toString("utf8");
  } catch {
    return undefined;
  }
}
