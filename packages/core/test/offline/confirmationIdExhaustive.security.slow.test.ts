/**
 * The exhaustive forgeries of a confirmation ID, each a signature check (a pairing): every bit of the signature
 * and the terms (the feature bits included), every data digit. Slow, so out of the quick loop; confirmationId.security.test.ts keeps the
 * random forgeries and the genuine answer moved to another machine, key or terms.
 */
import { createHash } from "node:crypto";
import {
  BN254_P,
  buildInstallationId,
  encodeConfirmationId,
  generateOfflineKeyPair,
  generateProductKey,
  issueConfirmationId,
  PHONE_FEATURE_SLOTS,
  toDigitGroups,
  verifyConfirmationId,
} from "@ninsho/core";
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
const terms = { leaseDays: 30, graceDays: 14, features: 0b101, featuresWithheld: false };
const cid = issueConfirmationId(product.secretKey, iid, terms);
const verify = (confirmationId: string, installationId = iid, publicKey = product.publicKey) =>
  verifyConfirmationId({ installationId, confirmationId, publicKey });

describe("confirmation ID", () => {
  describe("security: every single change is rejected", () => {
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
      // The attacker's aim: a feature the license does not have, or one taken away to hide a withheld one.
      for (let bit = 0; bit < PHONE_FEATURE_SLOTS; bit++)
        expect(
          verify(
            encodeConfirmationId({ ...terms, features: terms.features ^ (1 << bit) }, cid.signature).text,
          ).ok,
        ).toBe(false);
      expect(verify(encodeConfirmationId({ ...terms, featuresWithheld: true }, cid.signature).text).ok).toBe(
        false,
      );
    });

    it("every data digit changed (with its group's check digit fixed up) is rejected", () => {
      for (let i = 1; i < cid.data.length; i++) {
        const d = String((Number(cid.data[i]) + 1 + (i % 9)) % 10);
        const altered = toDigitGroups(cid.data.slice(0, i) + d + cid.data.slice(i + 1)).join("-");
        expect(verify(altered).ok).toBe(false);
      }
    });
  });
});
