/**
 * The signing keys, lease claims and refusal readers the signing tests (happy, error and security) share.
 */
import type { KeyObject } from "node:crypto";
import {
  generateSigningKeyPair,
  type LeaseClaims,
  type Problem,
  type PublicKeys,
  privateKeyFromPem,
  publicKeyFromJwk,
  type Result,
  type SigningKey,
  verifyLease,
} from "@ninsho/core";
import { expect } from "vitest";

export const B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** A product signing key made the way the server makes one: generated, PEM-parsed once, public half from the JWK. */
export const makeKey = (kid: string): { signing: SigningKey; publicKey: KeyObject } => {
  const { privatePem, publicJwk } = generateSigningKeyPair(kid);
  expect(publicJwk).toMatchObject({ kty: "OKP", crv: "Ed25519", kid, alg: "EdDSA", use: "sig" });
  return {
    signing: { kid, privateKey: privateKeyFromPem(privatePem) },
    publicKey: publicKeyFromJwk(publicJwk),
  };
};

export const k1 = makeKey("k1");

export const k2 = makeKey("k2"); // a second trusted key (the keyring holds both while one retires)

export const trusted: PublicKeys = new Map([
  ["k1", k1.publicKey],
  ["k2", k2.publicKey],
]);

export const claims: LeaseClaims = {
  iss: "ninsho",
  sub: "dev_01JD3M5X9QK4Y6W8ZB2C7N0PAT",
  aud: "prd_01JD3M5X9QK4Y6W8ZB2C7N0PAA",
  lic: "lic_01JD3M5X9QK4Y6W8ZB2C7N0PAB",
  pol: "pol_01JD3M5X9QK4Y6W8ZB2C7N0PAC",
  chn: "retail",
  ent: ["pro", "export"],
  fpd: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
  iat: 1_772_366_400,
  lxp: 1_772_971_200,
  exp: 1_774_180_800,
  ctr: 4,
  lex: 1_803_902_400,
};

export const problemOf = <T>(result: Result<T>): Problem => {
  if (result.ok) throw new Error("expected a refusal");
  return result.error;
};

export const leaseRefusalReason = (token: string): unknown => {
  const problem = problemOf(verifyLease(token, trusted));
  expect(problem.code).toBe("LEASE_INVALID");
  return (problem.details as { reason?: unknown } | undefined)?.reason;
};

export const segments = (token: string): [string, string, string] => {
  const [h = "", p = "", s = ""] = token.split(".");
  return [h, p, s];
};
