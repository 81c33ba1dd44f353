import {
  deriveSecrets,
  describe as describeProblem,
  fromBase64Url,
  LEASE_TYPE,
  type ResponseSignature,
  reason,
  type SigningKey,
  seal,
  signCompactJws,
  signLease,
  signResponses,
  toBase64Url,
  unseal,
  verifyCompactJws,
  verifyLease,
  verifySignedResponse,
} from "@ninsho/core";
import { describe, expect, it } from "vitest";
import {
  B64URL,
  claims,
  k1,
  k2,
  leaseRefusalReason,
  makeKey,
  problemOf,
  segments,
  trusted,
} from "./support/signingFixtures.js";

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
});

describe("secrets", () => {
  const master = Buffer.from("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "hex");
  const secrets = deriveSecrets(master);
  const otherSecrets = deriveSecrets(Buffer.alloc(32, 0xab));

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
});
