import {
  COMPACT_LAYOUT,
  type CompactFingerprint,
  describe as describeProblem,
  encodeInstallationId,
  type InstallationFields,
  parseInstallationId,
  toDigitGroups,
} from "@ninsho/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

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

/** The group (1-based) and kind a parse failure names. */
const fault = (text: string) => {
  const read = parseInstallationId(text);
  if (read.ok) return undefined;
  expect(read.error.code).toBe("INSTALLATION_ID_MALFORMED");
  return read.error.details as { kind: string; groups: number[] };
};

describe("installation ID", () => {
  describe("error: every typo is caught and named by its group", () => {
    it("every single-digit change and every adjacent swap, in every group, names that group (property)", () => {
      fc.assert(
        fc.property(fieldsArb, (fields) => {
          const { groups } = encodeInstallationId(fields);
          groups.forEach((group, g) => {
            const retyped = (changed: string) => groups.map((x, i) => (i === g ? changed : x)).join("-");
            for (let i = 0; i < 6; i++) {
              for (let d = 0; d < 10; d++) {
                if (String(d) === group[i]) continue;
                const f = fault(retyped(group.slice(0, i) + d + group.slice(i + 1)));
                expect(f).toEqual(expect.objectContaining({ kind: "checksum", groups: [g + 1] }));
              }
            }
            for (let i = 0; i < 5; i++) {
              if (group[i] === group[i + 1]) continue;
              const swapped = group.slice(0, i) + group[i + 1] + group[i] + group.slice(i + 2);
              expect(fault(retyped(swapped))).toEqual(
                expect.objectContaining({ kind: "checksum", groups: [g + 1] }),
              );
            }
          });
        }),
        { numRuns: 60 },
      );
    });

    it("names a group of the wrong length, a non-digit, and a wrong count of digits", () => {
      const { groups } = encodeInstallationId(fc.sample(fieldsArb, 1)[0] as InstallationFields);
      const short = groups.map((g, i) => (i === 2 ? g.slice(0, 5) : g)).join("-");
      expect(fault(short)).toEqual(expect.objectContaining({ kind: "length", groups: [3] }));
      const letter = groups.map((g, i) => (i === 4 ? `${g.slice(0, 2)}O${g.slice(3)}` : g)).join("-");
      expect(fault(letter)).toEqual(expect.objectContaining({ kind: "character", groups: [5] }));
      expect(fault(groups.slice(0, 8).join(""))).toEqual(
        expect.objectContaining({ kind: "length", groups: [] }),
      );
      const read = parseInstallationId(short);
      const words = (locale: "en" | "ja") =>
        !read.ok && describeProblem(read.error.code, locale, read.error.params).message;
      expect(words("en")).toBe("The installation ID is not valid: group 3 does not have 6 digits");
      expect(words("ja")).toBe("インストール ID が正しくありません: グループ 3 が 6 桁ではありません");
    });

    it("refuses another format version and digits out of range, naming group 1", () => {
      const { groups } = encodeInstallationId(fc.sample(fieldsArb, 1)[0] as InstallationFields);
      const versioned = (data: string) =>
        parseInstallationId(
          toDigitGroups(
            `${data}${groups
              .slice(1)
              .map((g) => g.slice(0, 5))
              .join("")}`,
          ).join("-"),
        );
      const v2 = versioned(`2${groups[0]?.slice(1, 5)}`);
      expect(!v2.ok && v2.error.details).toEqual(expect.objectContaining({ kind: "version", groups: [1] }));
      const huge = versioned("19999");
      expect(!huge.ok && huge.error.details).toEqual(expect.objectContaining({ kind: "range", groups: [1] }));
    });
  });
});
