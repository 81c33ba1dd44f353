import { createHash } from "node:crypto";
import {
  buildInstallationId,
  COMPACT_LAYOUT,
  type CompactFingerprint,
  compactFingerprint,
  encodeInstallationId,
  generateProductKey,
  INSTALLATION_ID_DIGITS,
  type InstallationFields,
  installationProofHolds,
  licenseShortId,
  offlineDay,
  parseInstallationId,
} from "@ninsho/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const digest = (fact: string) => createHash("sha256").update(fact).digest("hex");
const KINDS = ["board", "disk", "mac", "os-install", "cpu", "gpu", "ram"];
const machine = (name: string) => ({
  collector: "linux/2",
  components: KINDS.map((kind) => ({ kind, digest: digest(`${name}:${kind}`) })),
});
const AT = new Date("2026-03-01T09:00:00Z");

const fieldsArb: fc.Arbitrary<InstallationFields> = fc.record({
  productNumber: fc.integer({ min: 1, max: 0xffff }),
  licenseShortId: fc.integer({ min: 0, max: 2 ** 40 - 1 }),
  day: fc.integer({ min: 0, max: 0xffff }),
  collector: fc.record({
    platform: fc.integer({ min: 0, max: 7 }),
    version: fc.integer({ min: 0, max: 31 }),
  }),
  fingerprint: fc
    .tuple(...COMPACT_LAYOUT.map((s) => fc.integer({ min: 0, max: 2 ** s.bits - 1 })))
    .map(
      (values) =>
        Object.fromEntries(COMPACT_LAYOUT.map((s, i) => [s.kind, values[i] ?? 0])) as CompactFingerprint,
    ),
  proof: fc.integer({ min: 0, max: 2 ** 26 - 1 }),
});

describe("installation ID", () => {
  describe("happy: what a device makes, a server reads", () => {
    it("is 54 digits in nine groups of six, version 1 first, and reads back to the same fields", () => {
      const key = generateProductKey();
      const iid = buildInstallationId({ key, productNumber: 4242, components: machine("a"), at: AT });
      expect(iid.text).toMatch(/^\d{6}(-\d{6}){8}$/);
      expect(iid.text.replaceAll("-", "")).toHaveLength(INSTALLATION_ID_DIGITS);
      expect(iid.data[0]).toBe("1");
      expect(iid.licenseShortId).toBe(licenseShortId(key));
      expect(iid.day).toBe(offlineDay(AT));
      expect(iid.collectorName).toBe("linux/2");
      expect(iid.fingerprint).toEqual(compactFingerprint(machine("a").components));
      const read = parseInstallationId(iid.text);
      expect(read).toEqual({ ok: true, value: iid });
      expect(installationProofHolds(iid, key)).toBe(true);
      expect(installationProofHolds(iid, generateProductKey())).toBe(false);
    });

    it("round-trips any fields (property)", () => {
      fc.assert(
        fc.property(fieldsArb, (fields) => {
          const iid = encodeInstallationId(fields);
          const read = parseInstallationId(iid.text);
          expect(read.ok && read.value).toEqual(iid);
          expect(read.ok && { ...fields }).toEqual({
            productNumber: iid.productNumber,
            licenseShortId: iid.licenseShortId,
            day: iid.day,
            collector: iid.collector,
            fingerprint: iid.fingerprint,
            proof: iid.proof,
          });
        }),
        { numRuns: 500 },
      );
    });

    it("accepts what people type: spaces, no separators, full-width digits, Unicode dashes, stray separators", () => {
      const iid = encodeInstallationId(fc.sample(fieldsArb, 1)[0] as InstallationFields);
      const fullWidth = iid.text.replace(/\d/gu, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
      const bare = iid.groups.join("");
      for (const typed of [
        iid.groups.join(" "),
        bare,
        ` ${iid.text}\n`,
        fullWidth,
        iid.text.replaceAll("-", "ー"),
        iid.text.replaceAll("-", "–"),
        `${bare.slice(0, 10)} ${bare.slice(10)}`,
      ])
        expect(parseInstallationId(typed)).toEqual({ ok: true, value: iid });
    });

    it("changes with the key, product, day, collector and any component", () => {
      const key = generateProductKey();
      const base = { key, productNumber: 7, components: machine("a"), at: AT };
      const texts = new Set([
        buildInstallationId(base).text,
        buildInstallationId({ ...base, key: generateProductKey() }).text,
        buildInstallationId({ ...base, productNumber: 8 }).text,
        buildInstallationId({ ...base, at: new Date(AT.getTime() + 86_400_000) }).text,
        buildInstallationId({ ...base, components: { ...machine("a"), collector: "linux/3" } }).text,
        buildInstallationId({ ...base, components: machine("b") }).text,
      ]);
      expect(texts.size).toBe(6);
      expect(() => buildInstallationId({ ...base, productNumber: 0 })).toThrow(RangeError);
    });
  });
});
