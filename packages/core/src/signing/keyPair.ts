import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";

/** A public key as published in a JWKS (RFC 8037 OKP / Ed25519). */
export interface PublicJwk {
  readonly kty: "OKP";
  readonly crv: "Ed25519";
  readonly x: string;
  readonly kid: string;
  readonly alg: "EdDSA";
  readonly use: "sig";
  /**
   * The product whose leases and answers the key signs (a Ninsho member; JWK allows more members): an SDK
   * holds a lease or an answer to its own product's keys, so another product's key on the same server cannot
   * sign for it.
   */
  readonly prd?: string;
}

/** A new Ed25519 key pair: the private half as PKCS#8 PEM (to be sealed), the public half as a JWK. */
export function generateSigningKeyPair(kid: string): { privatePem: string; publicJwk: PublicJwk } {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return {
    privatePem: privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
    publicJwk: toPublicJwk(publicKey, kid),
  };
}

export function toPublicJwk(publicKey: KeyObject, kid: string): PublicJwk {
  const jwk = publicKey.export({ format: "jwk" });
  if (typeof jwk.x !== "string") throw new Error("not an Ed25519 public key");
  return { kty: "OKP", crv: "Ed25519", x: jwk.x, kid, alg: "EdDSA", use: "sig" };
}

/** Parse a published JWK into a key a verifier can use. */
export const publicKeyFromJwk = (jwk: Pick<PublicJwk, "kty" | "crv" | "x">): KeyObject =>
  createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: "jwk" });

export const privateKeyFromPem = (pem: string): KeyObject => createPrivateKey(pem);
