import { describe, expect, it } from "vitest";
import {
  generateSigningKeyPair,
  type LeaseClaims,
  type LeaseVerifier,
  privateKeyFromPem,
  publicKeyFromJwk,
  signLease,
  verifyProductLease,
} from "../src/index.js";

const pair = (kid: string) => {
  const { privatePem, publicJwk } = generateSigningKeyPair(kid);
  return { signing: { kid, privateKey: privateKeyFromPem(privatePem) }, key: publicKeyFromJwk(publicJwk) };
};

const T = Date.UTC(2026, 2, 1, 9) / 1000;
const claims = (aud: string, iat = T): LeaseClaims => ({
  iss: "ninsho",
  sub: "dev_1",
  aud,
  lic: "lic_1",
  pol: "pol_1",
  chn: "retail",
  ent: [],
  fpd: "f".repeat(64),
  iat,
  lxp: iat + 3600,
  exp: iat + 7200,
  ctr: 1,
});

describe("verifyProductLease", () => {
  const a = pair("sk_a");
  const b = pair("sk_b");
  const verifiers = new Map<string, LeaseVerifier>([
    ["sk_a", { key: a.key, productId: "prd_a", retiredAt: (T + 60) * 1000 + 500 }],
    ["sk_b", { key: b.key, productId: "prd_b" }],
  ]);
  const reasonOf = (token: string, productId?: string) => {
    const checked = verifyProductLease(token, verifiers, productId);
    return checked.ok ? "ok" : (checked.error.details as { reason?: string }).reason;
  };

  it("takes a product's lease signed with its own key, also from a retired key before it retired", () => {
    expect(reasonOf(signLease(a.signing, claims("prd_a")), "prd_a")).toBe("ok");
    expect(reasonOf(signLease(a.signing, claims("prd_a", T + 60)))).toBe("ok");
    expect(reasonOf(signLease(b.signing, claims("prd_b")))).toBe("ok");
  });

  it("refuses a lease signed with another product's key, and one of another product than asked", () => {
    expect(reasonOf(signLease(b.signing, claims("prd_a")))).toBe("other_product_key");
    expect(reasonOf(signLease(b.signing, claims("prd_b")), "prd_a")).toBe("other_product_key");
  });

  it("refuses a lease a retired key claims to have signed after it retired", () => {
    const checked = verifyProductLease(signLease(a.signing, claims("prd_a", T + 61)), verifiers);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.error.code).toBe("LEASE_INVALID");
    expect(checked.error.details).toEqual({ reason: "key_retired" });
  });

  it("an unknown kid or a malformed token is refused as verifyLease refuses it", () => {
    const unknown = pair("sk_x");
    expect(reasonOf(signLease(unknown.signing, claims("prd_a")))).toBe("unknown_key");
    expect(reasonOf("not.a.lease")).toBe("malformed");
  });
});
