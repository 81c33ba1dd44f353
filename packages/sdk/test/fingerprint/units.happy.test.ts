import { describe, expect, it } from "vitest";
import { buildComponentSet } from "../../src/fingerprint/componentSet.js";
import { parseIoreg } from "../../src/fingerprint/macos/ioreg.js";
import { isPlaceholder, normalizeValue } from "../../src/fingerprint/normalize.js";
import { ramBucket } from "../../src/fingerprint/ramBucket.js";
import { memoizeSource } from "../../src/fingerprint/source.js";
import { vmVendorOf } from "../../src/fingerprint/vmVendors.js";
import { mapSource } from "./fixtureSource.js";
import { SALT } from "./helpers.js";

const GIB = 1024 ** 3;

describe("normalizeValue", () => {
  it("trims, collapses whitespace, folds width and case", () => {
    expect(normalizeValue("board", "  s4ewnx0r123456 \n")).toBe("S4EWNX0R123456");
    expect(normalizeValue("cpu", "AMD EPYC 7763 64-Core Processor        ")).toBe(
      "AMD EPYC 7763 64-CORE PROCESSOR",
    );
    expect(normalizeValue("board", "ＡＢＣ１２３")).toBe("ABC123");
  });

  it("spells a MAC the same whatever the OS printed", () => {
    for (const spelling of ["a4:83:e7:1b:2c:3d", "A4-83-E7-1B-2C-3D", "a483.e71b.2c3d"]) {
      expect(normalizeValue("mac", spelling)).toBe("A4:83:E7:1B:2C:3D");
    }
    expect(normalizeValue("mac", "a4:83:e7")).toBeUndefined();
  });

  it("treats firmware placeholders and blanks as absent", () => {
    const placeholders = [
      "To Be Filled By O.E.M.",
      "Default string",
      "0000000",
      "System Serial Number",
      "00000000-0000-0000-0000-000000000000",
      "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
      "03000200-0400-0500-0006-000700080009",
      "None",
      "N/A",
      "",
      "   ",
      " . ",
    ];
    for (const value of placeholders) expect(normalizeValue("board", value), value).toBeUndefined();
    expect(normalizeValue("mac", "00:00:00:00:00:00")).toBeUndefined();
    expect(isPlaceholder("M80-DC012345678")).toBe(false);
  });
});

describe("ramBucket", () => {
  it("gives one label for the jitter of one installed size", () => {
    // Linux MemTotal of 16 GiB machines with various firmware reservations, and the exact macOS figure.
    for (const bytes of [15.2 * GIB, 15.4 * GIB, 15.69 * GIB, 16 * GIB])
      expect(ramBucket(bytes)).toBe("16GiB");
    expect(ramBucket(31.27 * GIB)).toBe("32GiB");
    expect(ramBucket(23.54 * GIB)).toBe("24GiB");
    expect(ramBucket(3.82 * GIB)).toBe("4GiB");
    expect(ramBucket(0.48 * GIB)).toBe("512MiB");
  });

  it("refuses what is not a size", () => {
    for (const bytes of [0, -1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(ramBucket(bytes)).toBeUndefined();
  });
});

describe("buildComponentSet", () => {
  it("sorts and deduplicates so readings in any order give one set", () => {
    const a = buildComponentSet(
      "test/1",
      [
        { kind: "mac", values: ["aa:bb:cc:00:11:22", "AA-BB-CC-00-11-22", "aa:bb:cc:00:11:23"] },
        { kind: "cpu", values: ["X", "X"] },
      ],
      SALT,
    );
    const b = buildComponentSet(
      "test/1",
      [
        { kind: "cpu", values: ["x"] },
        { kind: "mac", values: ["aa:bb:cc:00:11:23", "aa:bb:cc:00:11:22"] },
      ],
      SALT,
    );
    expect(a).toEqual(b);
    expect(a.set.components).toHaveLength(3);
  });

  it("does not report a kind the collector never reads", () => {
    const { unreadable } = buildComponentSet("test/1", [{ kind: "cpu", values: ["X"] }], SALT);
    expect(unreadable).toEqual([]);
  });
});

describe("parseIoreg", () => {
  it("reads plain strings and quoted device-tree data, and skips binary data", () => {
    const text = [
      '      "serial-number" = <4330324b4d32>',
      '      "model" = <"MacBookPro18,3">',
      '      "IOPlatformUUID" = "7C3D9A2E-4F1B-5A6C-8D9E-0F1A2B3C4D5E"',
      '      "compatible" = <"J314sAP","MacBookPro18,3","AppleARM">',
    ].join("\n");
    const properties = parseIoreg(text);
    expect(properties.get("model")).toBe("MacBookPro18,3");
    expect(properties.get("IOPlatformUUID")).toBe("7C3D9A2E-4F1B-5A6C-8D9E-0F1A2B3C4D5E");
    expect(properties.get("compatible")).toBe("J314sAP");
    expect(properties.has("serial-number")).toBe(false);
  });
});

describe("vmVendorOf", () => {
  it("names hypervisors and leaves real makers alone", () => {
    expect(vmVendorOf(["innotek GmbH", "VirtualBox"])).toBe("VirtualBox");
    expect(vmVendorOf(["Microsoft Corporation", "Virtual Machine"])).toBe("Hyper-V");
    expect(vmVendorOf(["Amazon EC2", "t3.large"])).toBe("Amazon EC2");
    expect(vmVendorOf(["VMware, Inc.", "VMware20,1"])).toBe("VMware");
    expect(vmVendorOf(["Microsoft Corporation", "Surface Pro 7"])).toBeUndefined();
    expect(vmVendorOf(["LENOVO", "20XW004GGE"])).toBeUndefined();
  });
});

describe("memoizeSource", () => {
  it("runs each distinct command once", async () => {
    const base = mapSource({}, { "lsblk -J": "{}" });
    const source = memoizeSource(base);
    await Promise.all([
      source.exec("lsblk", ["-J"]),
      source.exec("lsblk", ["-J"]),
      source.exec("lsblk", ["-J", "x"]),
    ]);
    expect(base.calls).toEqual(["lsblk -J", "lsblk -J x"]);
  });
});
