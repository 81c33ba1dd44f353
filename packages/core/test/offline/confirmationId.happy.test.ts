import { createHash } from "node:crypto";
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
  PHONE_FEATURE_SLOTS,
  parseConfirmationId,
  termsFor,
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
const key = generateProductKey();
const iid = buildInstallationId({ key, productNumber: 101, components: components("a"), at: AT });
const terms = { leaseDays: 30, graceDays: 14 };
const cid = issueConfirmationId(product.secretKey, iid, terms);
const verify = (confirmationId: string, installationId = iid, publicKey = product.publicKey) =>
  verifyConfirmationId({ installationId, confirmationId, publicKey });

describe("confirmation ID", () => {
  describe("happy: a server signs, a device verifies with the public key alone", () => {
    it("is 108 digits in 18 groups of six, and verifies against its installation ID", () => {
      expect(cid.text).toMatch(/^\d{6}(-\d{6}){17}$/);
      expect(cid.text.replaceAll("-", "")).toHaveLength(CONFIRMATION_ID_DIGITS);
      const checked = verify(cid.text);
      expect(checked.ok).toBe(true);
      if (!checked.ok) return;
      expect(checked.value.terms).toEqual({ ...terms, features: 0, featuresWithheld: false });
      expect(checked.value.leaseExpiresAt?.toISOString()).toBe("2026-03-31T00:00:00.000Z");
      expect(checked.value.graceEndsAt?.toISOString()).toBe("2026-04-14T00:00:00.000Z");
    });

    it("publishes a key that parses back to a point of G2, and refuses anything else as a key", () => {
      expect(offlinePublicKeyOf(product.secretKey)).toBe(product.publicKey);
      expect(decodeOfflinePublicKey(product.publicKey)?.is0()).toBe(false);
      // The last character changed (to one it is not: the product's key is random and may end in "A").
      const lastChanged = `${product.publicKey.slice(0, -1)}${product.publicKey.endsWith("A") ? "B" : "A"}`;
      for (const bad of ["", "AAAA", product.publicKey.slice(0, -2), lastChanged])
        expect(decodeOfflinePublicKey(bad)).toBeUndefined();
      expect(verify(cid.text, iid, "AAAA")).toEqual({ ok: false, error: { code: "CONFIRMATION_INVALID" } });
    });

    it("round-trips any terms, features and signature through its digits, in both versions (property)", () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: LEASE_DAYS_UNLIMITED }),
          fc.integer({ min: 0, max: 511 }),
          fc.integer({ min: 0, max: 2 ** PHONE_FEATURE_SLOTS - 1 }),
          fc.boolean(),
          fc.bigInt({ min: 0n, max: BN254_P - 1n }),
          (leaseDays, graceDays, features, featuresWithheld, x) => {
            const encoded = encodeConfirmationId({ leaseDays, graceDays, features, featuresWithheld }, x);
            expect(encoded.groups).toHaveLength(18);
            expect(parseConfirmationId(encoded.text)).toEqual({ ok: true, value: encoded });
            const old = encodeConfirmationId({ leaseDays, graceDays }, x, 1);
            expect(old.groups).toHaveLength(17);
            expect(parseConfirmationId(old.text)).toEqual({ ok: true, value: old });
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
});
