import { createHash, type KeyObject, sign } from "node:crypto";
import {
  deriveSecrets,
  describe as describeProblem,
  fromBase64Url,
  generateSigningKeyPair,
  isBase64Url,
  keyLookupDigest,
  LEASE_TYPE,
  type LeaseClaims,
  merkleTree,
  type Problem,
  type PublicKeys,
  privateKeyFromPem,
  publicKeyFromJwk,
  type ResponseSignature,
  type Result,
  reason,
  responseLeaf,
  rootFromProof,
  type SigningKey,
  seal,
  signCompactJws,
  signLease,
  signResponses,
  toBase64Url,
  tokenDigest,
  unseal,
  verifyCompactJws,
  verifyLease,
  verifySignedResponse,
} from "@ninsho/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** A product signing key made the way the server makes one: generated, PEM-parsed once, public half from the JWK. */
const makeKey = (kid: string): { signing: SigningKey; publicKey: KeyObject } => {
  const { privatePem, publicJwk } = generateSigningKeyPair(kid);
  expect(publicJwk).toMatchObject({ kty: "OKP", crv: "Ed25519", kid, alg: "EdDSA", use: "sig" });
  return {
    signing: { kid, privateKey: privateKeyFromPem(privatePem) },
    publicKey: publicKeyFromJwk(publicJwk),
  };
};

const k1 = makeKey("k1");
const k2 = makeKey("k2");
const attacker = makeKey("k1"); // an attacker's own key under a trusted kid
const trusted: PublicKeys = new Map([
  ["k1", k1.publicKey],
  ["k2", k2.publicKey],
]);

const claims: LeaseClaims = {
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

const problemOf = <T>(result: Result<T>): Problem => {
  if (result.ok) throw new Error("expected a refusal");
  return result.error;
};
const leaseRefusalReason = (token: string): unknown => {
  const problem = problemOf(verifyLease(token, trusted));
  expect(problem.code).toBe("LEASE_INVALID");
  return (problem.details as { reason?: unknown } | undefined)?.reason;
};

const segments = (token: string): [string, string, string] => {
  const [h = "", p = "", s = ""] = token.split(".");
  return [h, p, s];
};
const decodeJson = (segment: string): unknown => JSON.parse(fromBase64Url(segment).toString("utf8"));
const encodeJson = (value: unknown): string => toBase64Url(JSON.stringify(value));

/** Every string obtained by replacing one character with another base64url character. */
function* everyCharacterChange(text: string): Generator<string> {
  for (let i = 0; i < text.length; i++) {
    const next = B64URL[(B64URL.indexOf(text.charAt(i)) + 1 + (i % 63)) % 64] ?? "A";
    yield text.slice(0, i) + next + text.slice(i + 1);
  }
}
/** Every base64url re-encoding of the bytes with one bit flipped (a different bit per byte, cycling). */
function* everyByteFlip(text: string): Generator<string> {
  const bytes = fromBase64Url(text);
  for (let i = 0; i < bytes.length; i++) {
    const copy = Buffer.from(bytes);
    copy[i] = (copy[i] ?? 0) ^ (1 << (i % 8));
    yield toBase64Url(copy);
  }
}

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

  describe("error: tampered or foreign tokens", () => {
    it("rejects every change of one character of the payload segment", () => {
      const [h, p, s] = segments(token);
      let n = 0;
      for (const changed of everyCharacterChange(p)) {
        expect(verifyLease(`${h}.${changed}.${s}`, trusted).ok).toBe(false);
        n++;
      }
      expect(n).toBe(p.length);
    });

    it("rejects every single-byte flip of the payload, re-encoded", () => {
      const [h, p, s] = segments(token);
      let n = 0;
      for (const flipped of everyByteFlip(p)) {
        const reason = leaseRefusalReason(`${h}.${flipped}.${s}`);
        expect(["bad_signature", "malformed"]).toContain(reason);
        n++;
      }
      expect(n).toBe(fromBase64Url(p).length);
    });

    it("rejects a payload changed to other valid claims", () => {
      const [h, , s] = segments(token);
      for (const forged of [
        { ...claims, ent: ["pro", "export", "enterprise"] },
        { ...claims, exp: claims.exp + 86_400 * 365 },
        { ...claims, sub: "dev_other" },
        { ...claims, ctr: 99 },
      ])
        expect(leaseRefusalReason(`${h}.${encodeJson(forged)}.${s}`)).toBe("bad_signature");
    });

    it("rejects every change of one character, and every byte flip, of the signature", () => {
      const [h, p, s] = segments(token);
      for (const changed of everyCharacterChange(s))
        expect(verifyLease(`${h}.${p}.${changed}`, trusted).ok).toBe(false);
      for (const flipped of everyByteFlip(s))
        expect(leaseRefusalReason(`${h}.${p}.${flipped}`)).toBe("bad_signature");
      for (const cut of [s.slice(0, -2), "", `${s}AA`])
        expect(verifyLease(`${h}.${p}.${cut}`, trusted).ok).toBe(false);
    });

    it("rejects a changed header", () => {
      const [, p, s] = segments(token);
      const header = (value: unknown) => `${encodeJson(value)}.${p}.${s}`;
      expect(leaseRefusalReason(header({ alg: "EdDSA", kid: "k2", typ: LEASE_TYPE }))).toBe("bad_signature");
      expect(leaseRefusalReason(header({ alg: "EdDSA", kid: "k1", typ: LEASE_TYPE, extra: 1 }))).toBe(
        "bad_signature",
      );
      expect(leaseRefusalReason(header({ alg: "none", kid: "k1", typ: LEASE_TYPE }))).toBe("malformed");
      expect(leaseRefusalReason(header({ alg: "HS256", kid: "k1", typ: LEASE_TYPE }))).toBe("malformed");
      expect(leaseRefusalReason(header({ alg: "EdDSA", typ: LEASE_TYPE }))).toBe("malformed");
      expect(leaseRefusalReason(header({ alg: "EdDSA", kid: 1, typ: LEASE_TYPE }))).toBe("malformed");
      expect(leaseRefusalReason(header({ alg: "EdDSA", kid: "k1", typ: "JWT" }))).toBe("wrong_type");
      for (const odd of [null, [], 7, "text"]) expect(leaseRefusalReason(header(odd))).toBe("malformed");
      const [h] = segments(token);
      for (const changed of everyCharacterChange(h))
        expect(verifyLease(`${changed}.${p}.${s}`, trusted).ok).toBe(false);
    });

    it("rejects a key it does not know", () => {
      expect(leaseRefusalReason(signLease(makeKey("k9").signing, claims))).toBe("unknown_key");
      expect(verifyLease(token, new Map()).ok).toBe(false);
    });

    it("rejects another type of signed object, even signed by a trusted key", () => {
      expect(leaseRefusalReason(signCompactJws(k1.signing, "ninsho-response+jwt", claims))).toBe(
        "wrong_type",
      );
      expect(leaseRefusalReason(signCompactJws(k1.signing, "JWT", claims))).toBe("wrong_type");
      expect(verifyCompactJws(token, "ninsho-response+jwt", trusted)).toEqual({
        ok: false,
        reason: "wrong_type",
      });
    });

    it("rejects well-signed tokens whose claims are incomplete or mistyped", () => {
      const incomplete = (payload: unknown) => {
        const problem = problemOf(verifyLease(signCompactJws(k1.signing, LEASE_TYPE, payload), trusted));
        expect(problem.code).toBe("LEASE_INVALID");
        expect(problem.params).toEqual({ reason: reason("CLAIMS_INCOMPLETE") });
      };
      incomplete({});
      incomplete(null);
      incomplete("lease");
      incomplete({ ...claims, iss: "someone" });
      incomplete({ ...claims, ctr: "4" });
      incomplete({ ...claims, ent: "pro" });
      const { fpd: _, ...noFingerprint } = claims;
      incomplete(noFingerprint);
    });

    it("explains the refusal in English and Japanese", () => {
      const [h, p, s] = segments(token);
      const problem = problemOf(verifyLease(`${h}.${p}.${s.slice(0, -4)}AAAA`, trusted));
      expect(describeProblem(problem.code, "en", problem.params).message).toBe(
        "The lease is not a valid Ninsho lease: its signature does not verify (it was altered)",
      );
      expect(describeProblem(problem.code, "ja", problem.params).message).toBe(
        "リースが正しくありません: 署名が検証できません（改ざんされています）",
      );
    });
  });

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
  const withSignature = (response: Body, changes: Partial<ResponseSignature>): Body => ({
    ...response,
    signature: { ...signatureOf(response), ...changes },
  });

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

  describe("error: altered answers and signatures", () => {
    const responses = signed(Array.from({ length: 9 }, (_, i) => answer(i)));

    it("rejects a change of any field of any answer, a removed field, an added field", () => {
      const changedValue = (v: unknown): unknown => {
        if (typeof v === "string") return `${v}x`;
        if (typeof v === "number") return v + 1;
        if (typeof v === "boolean") return !v;
        if (v === null) return 0;
        if (Array.isArray(v)) return [...v, "more"];
        return { ...(v as object), extra: true };
      };
      let checked = 0;
      for (const response of responses) {
        for (const field of Object.keys(response)) {
          if (field === "signature") continue;
          expect(verifySignedResponse({ ...response, [field]: changedValue(response[field]) }, trusted)).toBe(
            "bad_signature",
          );
          const { [field]: _, ...removed } = response;
          expect(verifySignedResponse(removed, trusted)).toBe("bad_signature");
          checked++;
        }
        expect(verifySignedResponse({ ...response, admin: true }, trusted)).toBe("bad_signature");
        const device = response.device as Body;
        expect(verifySignedResponse({ ...response, device: { ...device, id: "dev_x" } }, trusted)).toBe(
          "bad_signature",
        );
        expect(verifySignedResponse({ ...response, entitlements: ["pro"] }, trusted)).toBe("bad_signature");
      }
      expect(checked).toBe(9 * 8);
    });

    it("rejects an answer carrying another answer's proof", () => {
      for (let i = 0; i < responses.length; i++)
        for (let j = 0; j < responses.length; j++) {
          if (i === j) continue;
          const [a, b] = [responses[i], responses[j]];
          if (!a || !b) throw new Error("missing response");
          expect(verifySignedResponse(withSignature(a, { proof: signatureOf(b).proof }), trusted)).toBe(
            "bad_signature",
          );
        }
    });

    it("rejects changed, truncated, reordered or extended proofs", () => {
      const r = responses[4] ?? {};
      const proof = signatureOf(r).proof;
      expect(proof.length).toBeGreaterThan(1);
      const flipSide = (step: string) =>
        step.startsWith("l.") ? `r.${step.slice(2)}` : `l.${step.slice(2)}`;
      for (const bad of [
        [],
        proof.slice(1),
        proof.slice(0, -1),
        [...proof].reverse(),
        [...proof, proof[0] ?? ""],
        proof.map((step, i) => (i === 0 ? flipSide(step) : step)),
        proof.map((step, i) => (i === 0 ? `x.${step.slice(2)}` : step)),
        proof.map((step, i) => (i === 0 ? `${step.slice(0, 2)}${toBase64Url(Buffer.alloc(31))}` : step)),
        proof.map((step, i) => (i === 0 ? `${step.slice(0, 2)}!!!!` : step)),
        proof.map((step, i) => (i === 0 ? `${step.slice(0, 2)}${toBase64Url(Buffer.alloc(32))}` : step)),
      ])
        expect(verifySignedResponse(withSignature(r, { proof: bad }), trusted)).toBe("bad_signature");
    });

    it("rejects a changed signature: every byte flip, every character change, another batch's", () => {
      const r = responses[2] ?? {};
      const sig = signatureOf(r).sig;
      for (const flipped of everyByteFlip(sig))
        expect(verifySignedResponse(withSignature(r, { sig: flipped }), trusted)).toBe("bad_signature");
      for (const changed of everyCharacterChange(sig))
        expect(verifySignedResponse(withSignature(r, { sig: changed }), trusted)).toBe("bad_signature");
      const other = signed(responses.map((x, i) => ({ ...answer(i), nonce: `${String(x.nonce)}-2` })));
      expect(verifySignedResponse(withSignature(r, { sig: signatureOf(other[2] ?? {}).sig }), trusted)).toBe(
        "bad_signature",
      );
      for (const odd of ["", "AAAA", "not base64!", `${sig}=`])
        expect(verifySignedResponse(withSignature(r, { sig: odd }), trusted)).toBe("bad_signature");
    });

    it("rejects an unknown kid, and a trusted kid that did not sign", () => {
      const r = responses[0] ?? {};
      expect(verifySignedResponse(withSignature(r, { kid: "k9" }), trusted)).toBe("unknown_key");
      expect(verifySignedResponse(r, new Map([["k2", k2.publicKey]]))).toBe("unknown_key");
      expect(verifySignedResponse(withSignature(r, { kid: "k2" }), trusted)).toBe("bad_signature");
    });

    it("reports an answer without a well-formed signature as unsigned", () => {
      const { signature: _, ...bare } = responses[0] ?? {};
      const sig = signatureOf(responses[0] ?? {});
      expect(verifySignedResponse(bare, trusted)).toBe("unsigned");
      for (const bad of [
        null,
        "signature",
        { ...sig, alg: "none" },
        { ...sig, alg: undefined },
        { ...sig, kid: 1 },
        { ...sig, sig: undefined },
        { ...sig, proof: "l.abc" },
        { ...sig, proof: [1] },
      ])
        expect(verifySignedResponse({ ...bare, signature: bad }, trusted)).toBe("unsigned");
    });
  });

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

  describe("error", () => {
    it("refuses a master key that is not 32 bytes", () => {
      for (const n of [0, 16, 31, 33, 64])
        expect(() => deriveSecrets(Buffer.alloc(n, 1))).toThrow(RangeError);
    });

    const sealed = seal(secrets, "BCDFM-GHJKJ-MPQRQ-TVWXM-Y234J", "lic_1");
    const [version, iv = "", body = "", tag = ""] = sealed.split(".");

    it("has the v1.<iv>.<ciphertext>.<tag> shape, with a fresh IV each time", () => {
      expect(version).toBe("v1");
      expect(fromBase64Url(iv)).toHaveLength(12);
      expect(fromBase64Url(tag)).toHaveLength(16);
      expect(seal(secrets, "same", "ctx")).not.toBe(seal(secrets, "same", "ctx"));
    });

    it("fails on every single-byte flip of the ciphertext, IV or tag", () => {
      for (const flipped of everyByteFlip(body))
        expect(() => unseal(secrets, ["v1", iv, flipped, tag].join("."), "lic_1")).toThrow();
      for (const flipped of everyByteFlip(iv))
        expect(() => unseal(secrets, ["v1", flipped, body, tag].join("."), "lic_1")).toThrow();
      for (const flipped of everyByteFlip(tag))
        expect(() => unseal(secrets, ["v1", iv, body, flipped].join("."), "lic_1")).toThrow();
    });

    it("fails in another context (a value moved to another row) or under another master key", () => {
      expect(() => unseal(secrets, sealed, "lic_2")).toThrow();
      expect(() => unseal(secrets, sealed, "")).toThrow();
      expect(() => unseal(otherSecrets, sealed, "lic_1")).toThrow();
    });

    it("fails on unknown formats", () => {
      for (const bad of ["", "v1", `v2.${iv}.${body}.${tag}`, `v1.${iv}.${body}`, "plain text"])
        expect(() => unseal(secrets, bad, "lic_1")).toThrow();
    });
  });

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
