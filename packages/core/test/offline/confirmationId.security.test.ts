import { createHash, randomBytes } from "node:crypto";
import {
  BN254_P,
  buildInstallationId,
  encodeConfirmationId,
  generateOfflineKeyPair,
  generateProductKey,
  issueConfirmationId,
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
const otherProduct = generateOfflineKeyPair();
const key = generateProductKey();
const iid = buildInstallationId({ key, productNumber: 101, components: components("a"), at: AT });
const terms = { leaseDays: 30, graceDays: 14 };
const cid = issueConfirmationId(product.secretKey, iid, terms);
const verify = (confirmationId: string, installationId = iid, publicKey = product.publicKey) =>
  verifyConfirmationId({ installationId, confirmationId, publicKey });
const randomX = () => BigInt(`0x${randomBytes(32).toString("hex")}`) % BN254_P;

describe("confirmation ID", () => {
  describe("security: forgeries are rejected", () => {
    it("random confirmation IDs (well-formed digits) never verify", () => {
      for (let i = 0; i < 48; i++) {
        const forged = encodeConfirmationId({ leaseDays: i * 17, graceDays: i }, randomX());
        expect(verify(forged.text)).toEqual({ ok: false, error: { code: "CONFIRMATION_INVALID" } });
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
