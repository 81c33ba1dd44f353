import { createHash } from "node:crypto";
import {
  BN254_P,
  buildInstallationId,
  generateOfflineKeyPair,
  generateProductKey,
  issueConfirmationId,
  parseConfirmationId,
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
const terms = { leaseDays: 30, graceDays: 14 };
const cid = issueConfirmationId(product.secretKey, iid, terms);
const verify = (confirmationId: string, installationId = iid, publicKey = product.publicKey) =>
  verifyConfirmationId({ installationId, confirmationId, publicKey });

describe("confirmation ID", () => {
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
      const refused = expect.objectContaining({
        error: expect.objectContaining({ code: "CONFIRMATION_ID_MALFORMED" }),
      });
      expect(!raw(`3${body}`).ok && raw(`3${body}`)).toEqual(refused);
      expect(!raw(`1${body}`).ok && raw(`1${body}`)).toEqual(refused);
      // Version 1: its four reserved bits must be zero; either version: no terms past their bits.
      const reserved = ((1n << 0n) * BN254_P + 5n).toString().padStart(84, "0");
      expect(raw(`1${reserved}`).ok).toBe(false);
      expect(raw(`1${"9".repeat(84)}`).ok).toBe(false);
      expect(raw(`2${"9".repeat(89)}`).ok).toBe(false);
    });

    it("names the length of the current version, and reads 17 whole groups as version 1 only when they are one", () => {
      const short = parseConfirmationId(cid.groups.slice(0, 17).join("-"));
      expect(!short.ok && short.error.details).toEqual(
        expect.objectContaining({ kind: "length", length: 102, expectedLength: 108 }),
      );
      const oneMissing = parseConfirmationId(cid.groups.slice(0, 16).join("-"));
      expect(!oneMissing.ok && oneMissing.error.details).toEqual(
        expect.objectContaining({ kind: "length", expectedLength: 108 }),
      );
      const old = issueConfirmationId(product.secretKey, iid, terms, 1);
      const typo = old.groups.map((g, i) => (i === 4 ? `${g.slice(0, 5)}${(Number(g[5]) + 1) % 10}` : g));
      const read = parseConfirmationId(typo.join(" "));
      expect(!read.ok && read.error.details).toEqual(
        expect.objectContaining({ kind: "checksum", groups: [5] }),
      );
    });
  });
});
