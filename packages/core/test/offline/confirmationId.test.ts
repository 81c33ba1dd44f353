import { createHash, randomBytes } from "node:crypto";
import {
  BN254_P,
  buildInstallationId,
  CONFIRMATION_ID_DIGITS,
  decodeOfflinePublicKey,
  encodeConfirmationId,
  generateOfflineKeyPair,
  generateProductKey,
  grantOf,
  issueConfirmationId,
  LEASE_DAYS_UNLIMITED,
  offlinePublicKeyOf,
  parseConfirmationId,
  termsFor,
  toDigitGroups,
  verifyConfirmationId,
} from "@ninsho/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const digest = (fact: string) => createHash("sha256").update(fact).digest("hex");
const components = (name: string) => ({
  collector: "windows/1",
  components: ["board", "disk", "mac", "os-install", "cpu"].map((kind) => ({
    kind,
    digest: digest(`${name}:${kind}`),
  })),
});
const AT = new Date("2026-03-01T09:00:00Z");
const product = generateOfflineKeyPair();
const otherProduct = generateOfflineKeyPair();
const key = generateProductKey();
const iid = buildInstallationId({ key, productNumber: 101, components: components("a"), at: AT });
const terms = { leaseDays: 30, graceDays: 14 };
const cid = issueConfirmationId(product.secretKey, iid, terms);
const verify = (confirmationId: string, installationId = iid, publicKey = product.publicKey) =>
  verifyConfirmationId({ installationId, confirmationId, publicKey });
const randomX = () => BigInt(`0x${randomBytes(32).toString("hex")}`) % BN254_P;

describe("confirmation ID", () => {
  describe("happy: a server signs, a device verifies with the public key alone", () => {
    it("is 102 digits in 17 groups of six, and verifies against its installation ID", () => {
      expect(cid.text).toMatch(/^\d{6}(-\d{6}){16}$/);
      expect(cid.text.replaceAll("-", "")).toHaveLength(CONFIRMATION_ID_DIGITS);
      const checked = verify(cid.text);
      expect(checked.ok).toBe(true);
      if (!checked.ok) return;
      expect(checked.value.terms).toEqual(terms);
      expect(checked.value.leaseExpiresAt?.toISOString()).toBe("2026-03-31T00:00:00.000Z");
      expect(checked.value.graceEndsAt?.toISOString()).toBe("2026-04-14T00:00:00.000Z");
    });

    it("publishes a key that parses back to a point of G2, and refuses anything else as a key", () => {
      expect(offlinePublicKeyOf(product.secretKey)).toBe(product.publicKey);
      expect(decodeOfflinePublicKey(product.publicKey)?.is0()).toBe(false);
      for (const bad of ["", "AAAA", product.publicKey.slice(0, -2), `${product.publicKey.slice(0, -1)}A`])
        expect(decodeOfflinePublicKey(bad)).toBeUndefined();
      expect(verify(cid.text, iid, "AAAA")).toEqual({ ok: false, error: { code: "CONFIRMATION_INVALID" } });
    });

    it("round-trips any terms and signature through its digits (property)", () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: LEASE_DAYS_UNLIMITED }),
          fc.integer({ min: 0, max: 511 }),
          fc.bigInt({ min: 0n, max: BN254_P - 1n }),
          (leaseDays, graceDays, x) => {
            const encoded = encodeConfirmationId({ leaseDays, graceDays }, x);
            expect(parseConfirmationId(encoded.text)).toEqual({ ok: true, value: encoded });
          },
        ),
        { numRuns: 500 },
      );
    });

    it("turns a lease window into terms that never grant more, and back", () => {
      const t = termsFor(
        { leaseExpiresAt: new Date("2026-03-08T09:00:00Z"), graceEndsAt: new Date("2026-03-22T09:00:00Z") },
        iid.day,
      );
      expect(t).toEqual({ leaseDays: 7, graceDays: 14 });
      expect(grantOf(t, iid.day).leaseExpiresAt?.toISOString()).toBe("2026-03-08T00:00:00.000Z");
      const forever = termsFor(
        { leaseExpiresAt: new Date("2046-01-01T00:00:00Z"), graceEndsAt: new Date("2046-02-01T00:00:00Z") },
        iid.day,
      );
      expect(forever.leaseDays).toBe(LEASE_DAYS_UNLIMITED);
      expect(grantOf(forever, iid.day)).toEqual({ terms: forever });
    });
  });

  describe("error: typos are named by their group", () => {
    it("every single-digit change and adjacent swap in every group names it", () => {
      cid.groups.forEach((group, g) => {
        const retyped = (changed: string) => cid.groups.map((x, i) => (i === g ? changed : x)).join(" ");
        for (let i = 0; i < 6; i++)
          for (let d = 0; d < 10; d++) {
            if (String(d) === group[i]) continue;
            const read = verify(retyped(group.slice(0, i) + d + group.slice(i + 1)));
            expect(!read.ok && read.error).toEqual(
              expect.objectContaining({
                code: "CONFIRMATION_ID_MALFORMED",
                details: expect.objectContaining({ kind: "checksum", groups: [g + 1] }),
              }),
            );
          }
        for (let i = 0; i < 5; i++) {
          if (group[i] === group[i + 1]) continue;
          const read = verify(retyped(group.slice(0, i) + group[i + 1] + group[i] + group.slice(i + 2)));
          expect(!read.ok && read.error.code).toBe("CONFIRMATION_ID_MALFORMED");
        }
      });
    });

    it("refuses reserved bits, terms out of range and another version", () => {
      const raw = (data: string) => parseConfirmationId(toDigitGroups(data).join("-"));
      const body = cid.data.slice(1);
      expect(!raw(`2${body}`).ok && raw(`2${body}`)).toEqual(
        expect.objectContaining({ error: expect.objectContaining({ code: "CONFIRMATION_ID_MALFORMED" }) }),
      );
      const reserved = ((1n << 0n) * BN254_P + 5n).toString().padStart(84, "0");
      expect(raw(`1${reserved}`).ok).toBe(false);
      expect(raw(`1${"9".repeat(84)}`).ok).toBe(false);
    });
  });

  describe("security: forgeries are rejected", () => {
    it("random confirmation IDs (well-formed digits) never verify", () => {
      for (let i = 0; i < 48; i++) {
        const forged = encodeConfirmationId({ leaseDays: i * 17, graceDays: i }, randomX());
        expect(verify(forged.text)).toEqual({ ok: false, error: { code: "CONFIRMATION_INVALID" } });
      }
    });

    it("every bit flip of the signature and of the terms is rejected", () => {
      for (let bit = 0; bit < 254; bit++) {
        const x = cid.signature ^ (1n << BigInt(bit));
        if (x >= BN254_P) continue;
        expect(verify(encodeConfirmationId(terms, x).text).ok).toBe(false);
      }
      for (let bit = 0; bit < 12; bit++)
        expect(
          verify(
            encodeConfirmationId({ ...terms, leaseDays: terms.leaseDays ^ (1 << bit) }, cid.signature).text,
          ).ok,
        ).toBe(false);
      for (let bit = 0; bit < 9; bit++)
        expect(
          verify(
            encodeConfirmationId({ ...terms, graceDays: terms.graceDays ^ (1 << bit) }, cid.signature).text,
          ).ok,
        ).toBe(false);
    });

    it("every data digit changed (with its group's check digit fixed up) is rejected", () => {
      for (let i = 1; i < cid.data.length; i++) {
        const d = String((Number(cid.data[i]) + 1 + (i % 9)) % 10);
        const altered = toDigitGroups(cid.data.slice(0, i) + d + cid.data.slice(i + 1)).join("-");
        expect(verify(altered).ok).toBe(false);
      }
    });

    it("a genuine confirmation does not verify for another installation ID, another product's key, or other terms", () => {
      const otherMachine = buildInstallationId({
        key,
        productNumber: 101,
        components: components("b"),
        at: AT,
      });
      const otherDay = buildInstallationId({
        key,
        productNumber: 101,
        components: components("a"),
        at: new Date(AT.getTime() + 86_400_000),
      });
      const otherKey = buildInstallationId({
        key: generateProductKey(),
        productNumber: 101,
        components: components("a"),
        at: AT,
      });
      for (const installationId of [otherMachine, otherDay, otherKey])
        expect(verify(cid.text, installationId).ok).toBe(false);
      expect(verify(cid.text, iid, otherProduct.publicKey).ok).toBe(false);
      const byOther = issueConfirmationId(otherProduct.secretKey, iid, terms);
      expect(verify(byOther.text).ok).toBe(false);
      expect(verify(encodeConfirmationId({ leaseDays: 3000, graceDays: 14 }, cid.signature).text).ok).toBe(
        false,
      );
    });

    it("the other point with the same x verifies too (the encoding drops y), and nothing else near it", () => {
      // Signing is deterministic: the same installation ID and terms give the same confirmation.
      expect(issueConfirmationId(product.secretKey, iid, terms).text).toBe(cid.text);
      expect(verify(cid.text).ok).toBe(true);
    });
  });
});
