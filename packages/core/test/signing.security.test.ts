import { createHash, sign } from "node:crypto";
import {
  deriveSecrets,
  fromBase64Url,
  isBase64Url,
  keyLookupDigest,
  merkleTree,
  type ResponseSignature,
  responseLeaf,
  type SigningKey,
  seal,
  signLease,
  signResponses,
  toBase64Url,
  tokenDigest,
  unseal,
  verifyLease,
  verifySignedResponse,
} from "@ninsho/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  B64URL,
  claims,
  k1,
  leaseRefusalReason,
  makeKey,
  segments,
  trusted,
} from "./support/signingFixtures.js";

const attacker = makeKey("k1"); // an attacker's own key under a trusted kid
describe("leases", () => {
  const token = signLease(k1.signing, claims);

  describe("security: forgeries and hostile input", () => {
    it("rejects a lease signed by an attacker's key under a trusted kid", () => {
      expect(leaseRefusalReason(signLease(attacker.signing, claims))).toBe("bad_signature");
    });

    it("rejects a payload moved from another valid lease", () => {
      const other = signLease(k1.signing, { ...claims, sub: "dev_other" });
      const [h, , s] = segments(token);
      const [, p2] = segments(other);
      expect(leaseRefusalReason(`${h}.${p2}.${s}`)).toBe("bad_signature");
    });

    it("has exactly one spelling: non-canonical base64url of the same bytes is rejected", () => {
      const [h, p, s] = segments(token);
      // 64 bytes take 86 characters; the last one carries 4 spare bits that Node's decoder ignores.
      const last = s.charAt(s.length - 1);
      const sameBytes = [...B64URL].filter(
        (c) => c !== last && fromBase64Url(s.slice(0, -1) + c).equals(fromBase64Url(s)),
      );
      expect(sameBytes.length).toBeGreaterThan(0);
      for (const c of sameBytes)
        expect(leaseRefusalReason(`${h}.${p}.${s.slice(0, -1)}${c}`)).toBe("malformed");
      expect(isBase64Url(s)).toBe(true);
      expect(isBase64Url(`${s.slice(0, -1)}${sameBytes[0] ?? ""}`)).toBe(false);
      expect(isBase64Url(`${s}=`)).toBe(false);
      expect(isBase64Url("a+b/")).toBe(false);
    });

    it("never throws on garbage, and never accepts it", () => {
      const [h, p, s] = segments(token);
      const part = fc.oneof(
        fc.string({ unit: "binary", maxLength: 30 }),
        fc.base64String(),
        fc.constantFrom(h, p, s, ""),
      );
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string({ unit: "binary", maxLength: 200 }),
            fc.array(part, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(".")),
          ),
          (garbage) => {
            const result = verifyLease(garbage, trusted);
            if (result.ok) expect(garbage).toBe(token);
            else expect(result.error.code).toBe("LEASE_INVALID");
          },
        ),
        { numRuns: 3000 },
      );
      for (const odd of [
        "",
        ".",
        "..",
        "...",
        "a.b.c",
        `${h}.${p}`,
        `${h}.${p}.${s}.`,
        `${h}..${s}`,
        "\u0000",
      ])
        expect(verifyLease(odd, trusted).ok).toBe(false);
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

  describe("security: forgeries", () => {
    it("rejects a batch signed by an attacker's key under a trusted kid", () => {
      for (const r of signed([answer(1), answer(2), answer(3)], attacker.signing))
        expect(verifySignedResponse(r, trusted)).toBe("bad_signature");
    });

    it("rejects a bare Ed25519 signature over the leaf (the root signature is domain-separated)", () => {
      const body = answer(7);
      const sig = toBase64Url(sign(null, responseLeaf(body), k1.signing.privateKey));
      const forged = { ...body, signature: { alg: "EdDSA", kid: "k1", proof: [], sig } };
      expect(verifySignedResponse(forged, trusted)).toBe("bad_signature");
    });

    it("a lease signature cannot be passed off as a response signature, nor the reverse", () => {
      const token = signLease(k1.signing, claims);
      const [, , leaseSig] = segments(token);
      const body = { ...claims };
      expect(
        verifySignedResponse(
          { ...body, signature: { alg: "EdDSA", kid: "k1", proof: [], sig: leaseSig } },
          trusted,
        ),
      ).toBe("bad_signature");
      const [response] = signed([{ ...claims }]);
      const sig = signatureOf(response ?? {}).sig;
      const [h, p] = segments(token);
      expect(verifyLease(`${h}.${p}.${sig}`, trusted).ok).toBe(false);
    });

    it("follows the documented tree format, leaves and nodes domain-separated (any language can verify)", () => {
      const sha = (...parts: Buffer[]) => {
        const h = createHash("sha256");
        for (const part of parts) h.update(part);
        return h.digest();
      };
      const leafOf = (json: string) => sha(Buffer.from([0]), Buffer.from(json, "utf8"));
      const nodeOf = (left: Buffer, right: Buffer) => sha(Buffer.from([1]), left, right);
      // Leaf: SHA-256(0x00 ‖ RFC 8785 JSON), keys sorted, no whitespace, the signature excluded.
      expect(responseLeaf({ b: 1, a: "x", c: { z: [1, 2], y: null } })).toEqual(
        leafOf('{"a":"x","b":1,"c":{"y":null,"z":[1,2]}}'),
      );
      // Nodes: SHA-256(0x01 ‖ left ‖ right); an odd node is carried up unchanged.
      const leaves = [0, 1, 2].map((i) => leafOf(`{"i":${i}}`));
      const [l0 = Buffer.alloc(0), l1 = Buffer.alloc(0), l2 = Buffer.alloc(0)] = leaves;
      const { root, proofs } = merkleTree(leaves);
      expect(root).toEqual(nodeOf(nodeOf(l0, l1), l2));
      expect(proofs).toEqual([
        [`r.${toBase64Url(l1)}`, `r.${toBase64Url(l2)}`],
        [`l.${toBase64Url(l0)}`, `r.${toBase64Url(l2)}`],
        [`l.${toBase64Url(nodeOf(l0, l1))}`],
      ]);
      // So a two-answer root is never the leaf hash of anything.
      expect(leaves.some((leaf) => leaf.equals(root))).toBe(false);
    });

    it("never throws on hostile answers", () => {
      fc.assert(
        fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.jsonValue(), (body, signature) => {
          const result = verifySignedResponse({ ...body, signature }, trusted);
          expect(["unsigned", "unknown_key", "bad_signature"]).toContain(result);
        }),
        { numRuns: 1000 },
      );
    });
  });
});

describe("secrets", () => {
  const master = Buffer.from("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "hex");
  const secrets = deriveSecrets(master);
  const otherSecrets = deriveSecrets(Buffer.alloc(32, 0xab));

  describe("security", () => {
    it("rejects a truncated authentication tag (GCM would otherwise accept 4 bytes)", () => {
      const sealed = seal(secrets, "secret", "ctx");
      const [v, iv, body, tag = ""] = sealed.split(".");
      for (const bytes of [4, 8, 12, 15]) {
        const short = toBase64Url(fromBase64Url(tag).subarray(0, bytes));
        expect(() => unseal(secrets, [v, iv, body, short].join("."), "ctx")).toThrow();
      }
    });

    it("the lookup digest differs per master key and per key, and is not the key's plain hash", () => {
      const key = "BCDFM-GHJKJ-MPQRQ-TVWXM-Y234J";
      const digest = keyLookupDigest(secrets, key);
      expect(digest).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(keyLookupDigest(otherSecrets, key)).not.toBe(digest);
      expect(keyLookupDigest(secrets, "9876C-432YD-XWVTF-RQPMC-KJHGD")).not.toBe(digest);
      expect(digest).not.toBe(tokenDigest(key));
    });

    it("sealed text does not contain the plaintext", () => {
      const key = "BCDFM-GHJKJ-MPQRQ-TVWXM-Y234J";
      const sealed = seal(secrets, key, "lic_1");
      expect(sealed).not.toContain(key);
      expect(sealed).not.toContain(toBase64Url(key));
    });
  });
});
