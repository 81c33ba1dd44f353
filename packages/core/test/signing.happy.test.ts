import {
  deriveSecrets,
  fromBase64Url,
  keyLookupDigest,
  LEASE_TYPE,
  merkleTree,
  type ResponseSignature,
  responseLeaf,
  rootFromProof,
  type SigningKey,
  seal,
  signLease,
  signResponses,
  tokenDigest,
  unseal,
  verifyCompactJws,
  verifyLease,
  verifySignedResponse,
} from "@ninsho/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { claims, k1, k2, segments, trusted } from "./support/signingFixtures.js";

const decodeJson = (segment: string): unknown => JSON.parse(fromBase64Url(segment).toString("utf8"));

describe("leases", () => {
  const token = signLease(k1.signing, claims);

  describe("happy", () => {
    it("sign and verify round trip, with and without a license expiry", () => {
      expect(verifyLease(token, trusted)).toEqual({ ok: true, value: claims });
      const { lex: _, ...perpetual } = claims;
      expect(verifyLease(signLease(k2.signing, perpetual), trusted)).toEqual({ ok: true, value: perpetual });
    });

    it("is a compact JWS with an EdDSA header naming the key and the lease type", () => {
      const [header, payload, signature] = segments(token);
      expect(decodeJson(header)).toEqual({ alg: "EdDSA", kid: "k1", typ: "ninsho-lease+jwt" });
      expect(decodeJson(payload)).toEqual(claims);
      expect(fromBase64Url(signature)).toHaveLength(64);
      expect(verifyCompactJws(token, LEASE_TYPE, trusted)).toEqual({
        ok: true,
        kid: "k1",
        type: LEASE_TYPE,
        payload: claims,
      });
    });

    it("verifies with any one of several published keys (rotation)", () => {
      expect(verifyLease(signLease(k2.signing, claims), trusted).ok).toBe(true);
      expect(verifyLease(token, new Map([["k1", k1.publicKey]])).ok).toBe(true);
    });
  });
});

describe("signed responses", () => {
  type Body = Record<string, unknown>;
  const answer = (i: number): Body => ({
    nonce: `nonce-${i}-${"x".repeat(i % 3)}`,
    licenseId: `lic_${i}`,
    status: i % 4 === 0 ? "expired" : "active",
    valid: i % 4 !== 0,
    leaseExpiresAt: 1_772_971_200 + i,
    entitlements: ["pro", `feature-${i}`],
    device: { id: `dev_${i}`, name: "PC", seen: [1, 2, 3] },
    note: null,
  });
  const signed = (bodies: readonly Body[], key: SigningKey = k1.signing): Body[] => {
    const signatures = signResponses(key, bodies);
    return bodies.map((body, i) => ({ ...body, signature: signatures[i] }));
  };
  const signatureOf = (response: Body): ResponseSignature => response.signature as ResponseSignature;

  describe("happy", () => {
    it.each(Array.from({ length: 33 }, (_, i) => i + 1))(
      "a batch of %i: every answer verifies, one signature",
      (n) => {
        const responses = signed(Array.from({ length: n }, (_, i) => answer(i)));
        const sigs = new Set(responses.map((r) => signatureOf(r).sig));
        expect(sigs.size).toBe(1);
        for (const r of responses) {
          expect(verifySignedResponse(r, trusted)).toBe("valid");
          expect(signatureOf(r).proof.length).toBeLessThanOrEqual(Math.ceil(Math.log2(n)));
          expect(signatureOf(r)).toMatchObject({ alg: "EdDSA", kid: "k1" });
        }
        if (n === 1) expect(signatureOf(responses[0] ?? {}).proof).toEqual([]);
      },
    );

    it("the Merkle proofs lead every leaf to the root", () => {
      for (const n of [1, 2, 3, 5, 8, 13]) {
        const leaves = Array.from({ length: n }, (_, i) => responseLeaf(answer(i)));
        const { root, proofs } = merkleTree(leaves);
        leaves.forEach((leaf, i) => {
          expect(rootFromProof(leaf, proofs[i] ?? [])?.equals(root)).toBe(true);
        });
      }
      expect(() => merkleTree([])).toThrow(RangeError);
    });

    it("the order of keys does not matter (RFC 8785 canonical JSON), nested ones included", () => {
      const [response] = signed([answer(1), answer(2)]);
      if (!response) throw new Error("no response");
      const reorder = (value: unknown): unknown =>
        Array.isArray(value)
          ? value.map(reorder)
          : value !== null && typeof value === "object"
            ? Object.fromEntries(
                Object.entries(value)
                  .reverse()
                  .map(([k, v]) => [k, k === "signature" ? v : reorder(v)]),
              )
            : value;
      const reordered = reorder(response) as Body;
      expect(Object.keys(reordered)[0]).toBe("signature");
      expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(response));
      expect(verifySignedResponse(reordered, trusted)).toBe("valid");
      // The same answer after a round trip through JSON text (what a client receives).
      expect(verifySignedResponse(JSON.parse(JSON.stringify(response)), trusted)).toBe("valid");
    });
  });
});

describe("secrets", () => {
  const master = Buffer.from("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "hex");
  const secrets = deriveSecrets(master);

  describe("happy", () => {
    it("derives distinct 32-byte keys per purpose, none equal to the master key", () => {
      expect(secrets.keyLookup).toHaveLength(32);
      expect(secrets.sealing).toHaveLength(32);
      expect(secrets.keyLookup.equals(secrets.sealing)).toBe(false);
      expect(secrets.keyLookup.equals(master)).toBe(false);
      expect(secrets.sealing.equals(master)).toBe(false);
      expect(deriveSecrets(Buffer.from(master)).sealing.equals(secrets.sealing)).toBe(true);
    });

    it("seal and unseal round trip, for any text", () => {
      for (const text of [
        "",
        "BCDFM-GHJKJ-MPQRQ-TVWXM-Y234J",
        "認証 ✓ 🔑",
        "-----BEGIN PRIVATE KEY-----\nMC4…\n",
      ])
        expect(unseal(secrets, seal(secrets, text, "lic_1"), "lic_1")).toBe(text);
      fc.assert(
        fc.property(fc.string({ unit: "grapheme" }), fc.string(), (text, context) => {
          expect(unseal(secrets, seal(secrets, text, context), context)).toBe(text);
        }),
        { numRuns: 200 },
      );
    });

    it("keyLookupDigest is stable across calls and versions", () => {
      const key = "BCDFM-GHJKJ-MPQRQ-TVWXM-Y234J";
      expect(keyLookupDigest(secrets, key)).toBe("D2f3stRhQpJzBZVQjr8HtpXTpiSpVXBzoB64QVNYqMQ");
      expect(keyLookupDigest(deriveSecrets(Buffer.from(master)), key)).toBe(keyLookupDigest(secrets, key));
    });

    it("tokenDigest is the base64url SHA-256 of the token", () => {
      expect(tokenDigest("abc")).toBe("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
      expect(tokenDigest("abc")).toBe(tokenDigest("abc"));
      expect(tokenDigest("abd")).not.toBe(tokenDigest("abc"));
    });
  });
});
