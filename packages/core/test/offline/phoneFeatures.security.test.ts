/**
 * The user at the keyboard edits the confirmation ID they were read, to switch on a feature the license does
 * not have. The feature bits are inside the signed terms: any change is CONFIRMATION_INVALID.
 */
import { createHash } from "node:crypto";
import {
  buildInstallationId,
  encodeConfirmationId,
  generateOfflineKeyPair,
  generateProductKey,
  issueConfirmationId,
  parseConfirmationId,
  phoneFeatureBits,
  phoneFeaturesOf,
  toDigitGroups,
  verifyConfirmationId,
} from "@ninsho/core";
import { describe, expect, it } from "vitest";

const digest = (fact: string) => createHash("sha256").update(fact).digest("hex");
const components = {
  collector: "windows/1",
  components: ["board", "disk", "mac"].map((kind) => ({ kind, digest: digest(kind) })),
};
const product = generateOfflineKeyPair();
const iid = buildInstallationId({
  key: generateProductKey(),
  productNumber: 7,
  components,
  at: new Date("2026-03-01T09:00:00Z"),
});
const list = ["export", "print"];
const granted = phoneFeatureBits(list, ["export"]);
const cid = issueConfirmationId(product.secretKey, iid, {
  leaseDays: 30,
  graceDays: 7,
  features: granted.bits,
});
const verify = (confirmationId: string) =>
  verifyConfirmationId({ installationId: iid, confirmationId, publicKey: product.publicKey });

describe("phone features", () => {
  describe("security: the feature bits are signed", () => {
    it("a genuine confirmation grants export and not print", () => {
      const checked = verify(cid.text);
      expect(checked.ok && phoneFeaturesOf(list, checked.value.terms.features ?? 0)).toEqual(["export"]);
    });

    it("the print bit added to the digits (check digits fixed up) is refused", () => {
      const forged = encodeConfirmationId({ ...cid.terms, features: 0b11 }, cid.signature);
      expect(verify(forged.text)).toEqual({ ok: false, error: { code: "CONFIRMATION_INVALID" } });
      // The same by hand: search the digits for an edit that decodes to the print bit, group checks repaired.
      let tried = 0;
      for (let i = 1; i < cid.data.length && tried < 4; i++)
        for (let d = 0; d < 10; d++) {
          const data = cid.data.slice(0, i) + d + cid.data.slice(i + 1);
          const parsed = parseConfirmationId(toDigitGroups(data).join("-"));
          if (!parsed.ok || (parsed.value.terms.features & 0b10) === 0) continue;
          tried++;
          expect(verify(parsed.value.text).ok).toBe(false);
        }
      expect(tried).toBeGreaterThan(0);
    });

    it("an old confirmation (version 1) still verifies, with no features; its signature moved to version 2 does not", () => {
      const old = issueConfirmationId(product.secretKey, iid, { leaseDays: 30, graceDays: 7 }, 1);
      expect(old.groups).toHaveLength(17);
      const checked = verify(old.text);
      expect(checked.ok && checked.value.terms).toEqual({
        leaseDays: 30,
        graceDays: 7,
        features: 0,
        featuresWithheld: false,
      });
      expect(checked.ok && phoneFeaturesOf(list, checked.value.terms.features ?? 0)).toEqual([]);
      const upgraded = encodeConfirmationId({ ...old.terms, features: 0b11 }, old.signature, 2);
      expect(verify(upgraded.text).ok).toBe(false);
      expect(verify(encodeConfirmationId(old.terms, old.signature, 2).text).ok).toBe(false);
    });
  });
});
